// The sandbox as the workers hand it over for saving: the snapshot's JSON text (since session 12 in parts, see
// PARTS_FORMAT), gzipped and in base64, made off the UI thread. The UI thread then only passes one string to
// storage; it never walks (or structured-clones) an
// object graph that holds every record of a busy account, which froze the screen for over a second at 100,000.
// Compression is the platform's own CompressionStream: native, and asynchronous, so the worker answers the
// learner's calls while a big sandbox is being compressed.
import { fromBase64, toBase64, toBase64Bytes } from '../../../../../simulator/core/format';
import { savedTexts, type TextsLayout } from '../../../../../simulator/core/templated-texts';
import type { SnapshotWriter } from '../../../../../simulator/core/snapshot-writer';
import type { Json } from '../../../../../simulator';

/** The snapshot's whole JSON text, gzipped, in base64 (saves before session 12; still read). */
export const PACKED_FORMAT = 'trailwatch-snapshot+json+gzip+base64';
/**
 * Since session 12: the snapshot's JSON text with its large parts left as markers, then each part's saved JSON,
 * gzipped one after another as one stream, in base64; `parts` are their UTF-8 byte lengths. The whole text is
 * never one string, on saving or on loading: a busy sandbox's text outgrew what a JavaScript string can hold
 * (about 537 million characters) after about 41 days of the benchmark's 90-day mix, and then could be neither
 * saved nor read back. Now the limit is the base64 of the gzip: about 111 days of that mix (bench, sandboxHeavy).
 */
export const PARTS_FORMAT = 'trailwatch-snapshot-parts+json+gzip+base64';

export interface PackedText {
  format: typeof PACKED_FORMAT;
  data: string;
  /** Length of the JSON text, for the learner's information. */
  jsonChars: number;
}

export interface PackedParts {
  format: typeof PARTS_FORMAT;
  data: string;
  /** Length of the JSON text the parts stand for (joinParts'), for the learner's information. */
  jsonChars: number;
  /** What stands for part k + 1 in part 0: the string `${marker}${k}`. */
  marker: string;
  parts: number[];
}

export type PackedSnapshot = PackedText | PackedParts;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Compresses a snapshot's JSON text: runs in the packing worker, so the simulator's worker is free meanwhile. */
export async function packText(text: string): Promise<PackedSnapshot> {
  const gz = await through(new TextEncoder().encode(text), new CompressionStream('gzip'));
  return { format: PACKED_FORMAT, data: toBase64(gz), jsonChars: text.length };
}

/** A snapshot's JSON text with its large parts not written yet: each `"<marker><k>"` in the text stands for
 *  `pieces[k]`: a byte column (written as its base64 string), a history's times in whole seconds (written as
 *  the array of their milliseconds) or an event-history or archive store's columns (the object `savedTexts`
 *  makes). The simulator's worker only copies them (making their saved form
 *  took it about a quarter of a second at 100,000 records, during which a learner's click waited); the packing
 *  worker writes them. */
export interface SnapshotParts {
  text: string;
  marker: string;
  pieces: Piece[];
}

/** A byte column, a column of whole seconds, or a text store's columns. */
type Piece = Uint8Array | { seconds: Int32Array } | TextsLayout;

/** A marker no saved value can hold by chance: 128 random bits, new for every save. */
export function newMarker(): string {
  const bits = crypto.getRandomValues(new Uint8Array(16));
  return `trailwatch-bytes-${Array.from(bits, (b) => b.toString(16).padStart(2, '0')).join('')}-`;
}

/** Only columns this long are copied into kept arrays: small ones come from memory the allocator has at hand. */
const POOLED_FROM = 1 << 14;
/** Arrays kept at most: a save of a busy sandbox copies a few large columns per Region and the archive. */
const POOL_SIZE = 32;

/**
 * The arrays a save's large number columns are copied into, kept from one save to the next (the packing worker
 * hands them back once it has packed). On these machines fresh memory costs about 3 ms a megabyte the first time
 * it is touched: copying a 100,000-record sandbox's columns into new arrays was 81% of taking its snapshot
 * (29–90 ms in Node, the simulator's worker answering nothing meanwhile); into arrays touched before, 1–2 ms.
 */
export class ColumnPool {
  private free: ArrayBuffer[] = [];

  /** An array of `length` numbers on the smallest kept buffer that holds them, or on a new one with room to grow. */
  readonly take = (length: number): Int32Array => {
    if (length < POOLED_FROM) return new Int32Array(length);
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = this.free[i]!.byteLength;
      if (size >= 4 * length && (best < 0 || size < this.free[best]!.byteLength)) best = i;
    }
    const buffer = best >= 0 ? this.free.splice(best, 1)[0]! : new ArrayBuffer(4 * Math.ceil(length * 1.25));
    return new Int32Array(buffer, 0, length);
  };

  /** Buffers handed back; past POOL_SIZE the smallest are let go. */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength >= 4 * POOLED_FROM) this.free.push(b);
    if (this.free.length > POOL_SIZE) this.free = this.free.sort((a, b) => b.byteLength - a.byteLength).slice(0, POOL_SIZE);
  }

  get size(): number {
    return this.free.length;
  }
}

/** Takes a snapshot, keeping copies of its byte columns and text stores in place of their saved form; the number
 *  columns are copied into `pool`'s arrays when one is given. */
export function snapshotParts(snapshot: (out: SnapshotWriter) => Json, marker = newMarker(), pool?: ColumnPool): SnapshotParts {
  const pieces: Piece[] = [];
  const placeholder = (piece: Piece): string => `${marker}${pieces.push(piece) - 1}`;
  const text = JSON.stringify(
    snapshot({
      // Views of live columns: copied now, while the account stands still.
      bytes: (bytes) => placeholder(bytes.slice()),
      // Whole seconds and a store's number columns come as copies already (SnapshotWriter); a store's templates
      // and strings are live.
      seconds: (seconds) => placeholder({ seconds }),
      texts: (l) => placeholder({ ...l, templates: l.templates.slice(), strings: l.strings.slice() }),
      ...(pool ? { columns: pool.take } : {}),
    }),
  );
  return { text, marker, pieces };
}

/** The buffers a message may hand over with the parts (every piece's columns are its own copies). */
export function transferables(p: SnapshotParts): ArrayBuffer[] {
  return p.pieces.flatMap((x) => (x instanceof Uint8Array ? [x.buffer] : 'seconds' in x ? [x.seconds.buffer] : [x.template.buffer, x.packedAt.buffer, x.kinds.buffer, x.packed.buffer]) as ArrayBuffer[]);
}

/** A piece's saved JSON: what joinParts writes in place of its marker (quotes included). */
function pieceText(piece: Piece): string {
  if (piece instanceof Uint8Array) return `"${toBase64(piece)}"`;
  if ('seconds' in piece) return JSON.stringify(Array.from(piece.seconds, (s) => s * 1000));
  return JSON.stringify(savedTexts(piece));
}

/** The JSON text the parts stand for: the same text as JSON.stringify of a snapshot written with base64. */
export function joinParts(p: SnapshotParts): string {
  const open = `"${p.marker}`;
  const out: string[] = [];
  let from = 0;
  for (let at = p.text.indexOf(open); at >= 0; at = p.text.indexOf(open, from)) {
    const end = p.text.indexOf('"', at + open.length);
    const k = Number(p.text.slice(at + open.length, end));
    const piece = p.pieces[k];
    if (end < 0 || !Number.isInteger(k) || !piece) throw new Error('snapshot parts: unknown piece');
    // The quoted marker is replaced, quotes and all, by the piece's saved JSON (a byte column's has its own).
    out.push(p.text.slice(from, at), pieceText(piece));
    from = end + 1;
  }
  out.push(p.text.slice(from));
  return out.join('');
}

/** Bytes gzip is handed at a time, and base64 written at a time (a multiple of 3), between calls to `pace`. */
const SLICE_BYTES = 3 << 16;

/** A piece's saved JSON in order: texts, and byte columns standing for their base64 (written later, a slice at a
 *  time); joined, what pieceText writes. A store's columns are most of a busy sandbox's save (16 of 17 MB at
 *  100,000 records): written in one go, with the text around them, they held the packing worker for a few hundred
 *  milliseconds that nothing could interrupt. */
type Segment = string | Uint8Array;
function pieceSegments(piece: Piece, mark: string): Segment[] {
  if (piece instanceof Uint8Array) return ['"', piece, '"'];
  if ('seconds' in piece) return [pieceText(piece)];
  const columns: Uint8Array[] = [];
  const text = JSON.stringify(savedTexts(piece, (bytes) => `${mark}${columns.push(bytes) - 1}`));
  const out: Segment[] = [];
  const open = `"${mark}`;
  let from = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf('"', at + open.length);
    const column = columns[Number(text.slice(at + open.length, end))];
    if (end < 0 || !column) throw new Error('snapshot parts: unknown column');
    // The quotes stay; the marker between them becomes the column's base64.
    out.push(text.slice(from, at + 1), column);
    from = end;
  }
  out.push(text.slice(from));
  return out;
}

/** toBase64 of the bytes a slice at a time, `pace` awaited between slices. */
async function base64Paced(bytes: Uint8Array, pace: () => Promise<void>): Promise<string> {
  let out = '';
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    await pace();
    out += toBase64(bytes.subarray(at, at + SLICE_BYTES));
  }
  return out;
}

/** Packs a snapshot given as parts (in the packing worker): the text with its markers and each piece's saved form,
 *  each made and encoded on its own, gzipped as one stream, then base64 (PARTS_FORMAT). The work is done in slices
 *  with `pace` awaited between them (the packing worker's PackPacer gives way to the learner there); the gzip is
 *  the same as of one write, the stream never being flushed between writes. */
export async function packParts(p: SnapshotParts, pace: () => Promise<void> = async () => undefined): Promise<PackedParts> {
  const enc = new TextEncoder();
  const stream = new CompressionStream('gzip');
  const compressed = new Response(stream.readable).arrayBuffer();
  const writer = stream.writable.getWriter();
  const write = async (bytes: Uint8Array<ArrayBuffer>): Promise<number> => {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      await pace();
      await writer.write(bytes.subarray(at, at + SLICE_BYTES));
    }
    return bytes.length;
  };
  let parts: number[];
  let jsonChars: number;
  try {
    parts = [await write(enc.encode(p.text))];
    jsonChars = p.text.length;
    const mark = `${p.marker}column-`;
    for (let k = 0; k < p.pieces.length; k++) {
      await pace();
      let bytes = 0;
      let chars = 0;
      for (const segment of pieceSegments(p.pieces[k]!, mark)) {
        if (typeof segment === 'string') {
          bytes += await write(enc.encode(segment));
          chars += segment.length;
        } else {
          for (let at = 0; at < segment.length; at += SLICE_BYTES) {
            const written = await write(toBase64Bytes(segment.subarray(at, at + SLICE_BYTES)));
            // Base64 is ASCII: a character a byte.
            bytes += written;
            chars += written;
          }
        }
      }
      parts.push(bytes);
      // In the joined text the piece's saved form takes the place of its quoted marker.
      jsonChars += chars - (p.marker.length + String(k).length + 2);
    }
    await writer.close();
  } catch (e) {
    // The stream is let go, and its output (which then fails too) is not waited for.
    compressed.catch(() => undefined);
    await writer.abort(e).catch(() => undefined);
    throw e;
  }
  const gz = new Uint8Array(await compressed);
  return { format: PARTS_FORMAT, data: await base64Paced(gz, pace), jsonChars, marker: p.marker, parts };
}

export function isPacked(saved: unknown): saved is PackedSnapshot {
  if (typeof saved !== 'object' || saved === null || typeof (saved as { data?: unknown }).data !== 'string') return false;
  const format = (saved as { format?: unknown }).format;
  return format === PACKED_FORMAT || format === PARTS_FORMAT;
}

const MARKER = /^trailwatch-bytes-[0-9a-f]{32}-$/;

/** A saved sandbox back to the snapshot object: packed saves are unpacked, older plain saves pass through. */
export async function unpackSnapshot(saved: unknown): Promise<unknown> {
  if (!isPacked(saved)) return saved;
  const bytes = await through(fromBase64(saved.data), new DecompressionStream('gzip'));
  const decoder = new TextDecoder();
  if (saved.format === PACKED_FORMAT) return JSON.parse(decoder.decode(bytes));
  const { parts, marker } = saved;
  const bad = (): never => {
    throw new Error('저장된 샌드박스의 구성이 올바르지 않습니다(parts).');
  };
  if (!Array.isArray(parts) || parts.length === 0 || typeof marker !== 'string' || !MARKER.test(marker)) bad();
  let at = 0;
  const values = parts.map((n) => {
    if (!Number.isInteger(n) || n < 0 || at + n > bytes.length) bad();
    const v = JSON.parse(decoder.decode(bytes.subarray(at, at + n))) as unknown;
    at += n;
    return v;
  });
  if (at !== bytes.length) bad();
  return withPieces(values[0], marker, values.slice(1), bad);
}

/** `skeleton` with each marker string `${marker}${k}` replaced by `pieces[k]`, as joinParts does in the text. */
function withPieces(skeleton: unknown, marker: string, pieces: unknown[], bad: () => never): unknown {
  const put = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.startsWith(marker)) return v;
      const k = Number(v.slice(marker.length));
      return Number.isInteger(k) && k >= 0 && k < pieces.length ? pieces[k] : bad();
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = put(v[i]);
      return v;
    }
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) o[key] = put(o[key]);
      return o;
    }
    return v;
  };
  return put(skeleton);
}
