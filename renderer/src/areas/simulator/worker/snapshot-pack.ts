// The sandbox as the worker hands it over for saving: the snapshot's JSON text, gzipped and in base64, made in
// the worker. The UI thread then only passes one string to storage; it never walks (or structured-clones) an
// object graph that holds every record of a busy account, which froze the screen for over a second at 100,000.
// Compression is the platform's own CompressionStream: native, and asynchronous, so the worker answers the
// learner's calls while a big sandbox is being compressed.
import { fromBase64, toBase64, type BytesWriter } from '../../../../../simulator/core/format';
import type { Json } from '../../../../../simulator';

export const PACKED_FORMAT = 'trailwatch-snapshot+json+gzip+base64';

export interface PackedSnapshot {
  format: typeof PACKED_FORMAT;
  data: string;
  /** Length of the JSON text, for the learner's information. */
  jsonChars: number;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Compresses a snapshot's JSON text: runs in the packing worker, so the simulator's worker is free meanwhile. */
export async function packText(text: string): Promise<PackedSnapshot> {
  const gz = await through(new TextEncoder().encode(text), new CompressionStream('gzip'));
  return { format: PACKED_FORMAT, data: toBase64(gz), jsonChars: text.length };
}

/** A snapshot's JSON text with its large byte columns still as bytes: each `"<marker><k>"` in the text stands for
 *  the base64 of `columns[k]`. The simulator's worker makes this (copying bytes is fast; encoding 100,000
 *  records' columns took it about a quarter of a second, during which a learner's click waited), and the
 *  packing worker makes the text. */
export interface SnapshotParts {
  text: string;
  marker: string;
  columns: Uint8Array[];
}

/** A marker no saved value can hold by chance: 128 random bits, new for every save. */
export function newMarker(): string {
  const bits = crypto.getRandomValues(new Uint8Array(16));
  return `trailwatch-bytes-${Array.from(bits, (b) => b.toString(16).padStart(2, '0')).join('')}-`;
}

/** Takes a snapshot, keeping a copy of each byte column in place of its base64. */
export function snapshotParts(snapshot: (writeBytes: BytesWriter) => Json, marker = newMarker()): SnapshotParts {
  const columns: Uint8Array[] = [];
  const text = JSON.stringify(
    snapshot((bytes) => {
      columns.push(bytes.slice());
      return `${marker}${columns.length - 1}`;
    }),
  );
  return { text, marker, columns };
}

/** The JSON text the parts stand for: the same text as JSON.stringify of a snapshot written with base64. */
export function joinParts(p: SnapshotParts): string {
  const open = `"${p.marker}`;
  const pieces: string[] = [];
  let from = 0;
  for (let at = p.text.indexOf(open); at >= 0; at = p.text.indexOf(open, from)) {
    const end = p.text.indexOf('"', at + open.length);
    const k = Number(p.text.slice(at + open.length, end));
    const bytes = p.columns[k];
    if (end < 0 || !Number.isInteger(k) || !bytes) throw new Error('snapshot parts: unknown column');
    pieces.push(p.text.slice(from, at + 1), toBase64(bytes));
    from = end;
  }
  pieces.push(p.text.slice(from));
  return pieces.join('');
}

/** Packs a snapshot given as parts (in the packing worker: base64, gzip and base64 again all happen there). */
export function packParts(p: SnapshotParts): Promise<PackedSnapshot> {
  return packText(joinParts(p));
}

export function isPacked(saved: unknown): saved is PackedSnapshot {
  return typeof saved === 'object' && saved !== null && (saved as { format?: unknown }).format === PACKED_FORMAT && typeof (saved as { data?: unknown }).data === 'string';
}

/** A saved sandbox back to the snapshot object: packed saves are unpacked, older plain saves pass through. */
export async function unpackSnapshot(saved: unknown): Promise<unknown> {
  if (!isPacked(saved)) return saved;
  const bytes = await through(fromBase64(saved.data), new DecompressionStream('gzip'));
  return JSON.parse(new TextDecoder().decode(bytes));
}
