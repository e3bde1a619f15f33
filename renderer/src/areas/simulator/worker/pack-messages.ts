// What the simulator's worker asks of the packing worker (pack-worker.ts), and what it answers.
import type { PackedSnapshot, SnapshotParts } from './snapshot-pack';

export type PackMessage =
  /** Pack the parts and send the packed sandbox back. */
  | { op: 'pack'; id: number; parts: SnapshotParts }
  /** Pack them and keep the result under this message's id, answering only its size. */
  | { op: 'hold'; id: number; parts: SnapshotParts }
  /** Store the held sandbox as the sandbox document (IndexedDB), saved at `savedAt`. */
  | { op: 'store'; id: number; held: number; savedAt: string }
  /** Forget the held sandbox (the page's data was replaced meanwhile). */
  | { op: 'drop'; id: number; held: number }
  /** The page has just asked the simulator's worker something: packing gives way for a moment (pack-pacer.ts).
   *  Not answered. */
  | { op: 'busy'; id: number };

export interface PackAnswer {
  id: number;
  packed?: PackedSnapshot;
  held?: { id: number; jsonChars: number };
  stored?: true;
  dropped?: true;
  error?: string;
  /** The column buffers of the parts it packed, handed back for the next save (ColumnPool). */
  buffers?: ArrayBuffer[];
}
