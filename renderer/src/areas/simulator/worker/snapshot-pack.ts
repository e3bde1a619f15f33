// The sandbox as the worker hands it over for saving: the snapshot's JSON text, gzipped and in base64, made in
// the worker. The UI thread then only passes one string to storage; it never walks (or structured-clones) an
// object graph that holds every record of a busy account, which froze the screen for over a second at 100,000.
// Compression is the platform's own CompressionStream: native, and asynchronous, so the worker answers the
// learner's calls while a big sandbox is being compressed.
import { fromBase64, toBase64 } from '../../../../../simulator/core/format';

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

export function isPacked(saved: unknown): saved is PackedSnapshot {
  return typeof saved === 'object' && saved !== null && (saved as { format?: unknown }).format === PACKED_FORMAT && typeof (saved as { data?: unknown }).data === 'string';
}

/** A saved sandbox back to the snapshot object: packed saves are unpacked, older plain saves pass through. */
export async function unpackSnapshot(saved: unknown): Promise<unknown> {
  if (!isPacked(saved)) return saved;
  const bytes = await through(fromBase64(saved.data), new DecompressionStream('gzip'));
  return JSON.parse(new TextDecoder().decode(bytes));
}
