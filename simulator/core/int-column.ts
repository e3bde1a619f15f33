/** A growable column of 32-bit integers: millions of small numbers without an object or a boxed number each.
 *
 *  Kept in chunks of 64 K numbers (256 KB), never in one array that is copied into a larger one as it grows.
 *  On these machines the first touch of fresh memory is what costs: about 3 ms a megabyte (measured: 320 MB of
 *  new Int32Arrays filled in 0.9–1.2 s, the same arrays filled again in 0.02 s). A column that grew by a quarter
 *  at a time wrote each number about five times into fresh memory over its life; at 500,000 calls of the
 *  throughput mix that was 416 MB and 0.9 s of an 8 s run (9% of its profile). A chunk is written once. Only
 *  the first chunk grows (by half, from 1 K numbers), so the many small columns stay small.
 *
 *  `reserve` keeps a run of numbers in one chunk (a text's packed words), skipping to the next chunk when the
 *  run would cross one: positions are then not all used, and a reader of such a column reads only positions it
 *  was given. */
export const CHUNK_BITS = 16;
export const CHUNK = 1 << CHUNK_BITS;
export const CHUNK_MASK = CHUNK - 1;
const FIRST = 1024;

export class IntColumn {
  /** Chunk k holds positions k·CHUNK to (k+1)·CHUNK − 1. Every chunk after the first is CHUNK long; the first
   *  grows until it is, and stays shorter if `reserve` moved on to the next chunk before. */
  readonly chunks: Int32Array[] = [new Int32Array(FIRST)];
  /** The next position to write. */
  length = 0;

  push(v: number): void {
    // The common case stays small enough for V8 to inline into its callers (several pushes per recorded call);
    // a new chunk is a call of its own.
    const at = this.length;
    const chunk = this.chunks[at >>> CHUNK_BITS];
    if (chunk === undefined || (at & CHUNK_MASK) >= chunk.length) {
      this.room(at, 1)[at & CHUNK_MASK] = v;
    } else {
      chunk[at & CHUNK_MASK] = v;
    }
    this.length = at + 1;
  }

  /** The number at position `i` (0 ≤ i < length). */
  at(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }

  set(i: number, v: number): void {
    this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK] = v;
  }

  /** The chunk holding position `i`; position `i` is at `i & CHUNK_MASK` in it. */
  chunkOf(i: number): Int32Array {
    return this.chunks[i >>> CHUNK_BITS]!;
  }

  /** Room for `n` numbers (n ≤ CHUNK) in one chunk from the position returned on, which is `length` unless
   *  they would cross into the next chunk (then that chunk's first). The caller writes them into `chunkOf` of
   *  it and sets `length` past them. */
  reserve(n: number): number {
    if (n > CHUNK) throw new RangeError(`int column: a run of ${n} numbers is longer than a chunk`);
    let at = this.length;
    if ((at & CHUNK_MASK) + n > CHUNK) at = (at | CHUNK_MASK) + 1;
    this.room(at, n);
    return at;
  }

  /** Makes positions `at` to `at + n − 1` (within one chunk) writable; returns their chunk. */
  private room(at: number, n: number): Int32Array {
    const k = at >>> CHUNK_BITS;
    const need = (at & CHUNK_MASK) + n;
    if (need > CHUNK) throw new RangeError('int column: a run would cross into the next chunk');
    let chunk = this.chunks[k];
    while (this.chunks.length < k) this.chunks.push(new Int32Array(CHUNK));
    if (chunk === undefined) {
      chunk = new Int32Array(k === 0 ? Math.max(FIRST, need) : CHUNK);
      this.chunks.push(chunk);
    } else if (chunk.length < need) {
      // Only the first chunk is ever shorter than CHUNK.
      let size = chunk.length;
      while (size < need) size = Math.min(CHUNK, Math.ceil(size * 1.5));
      const next = new Int32Array(size);
      next.set(chunk);
      this.chunks[k] = chunk = next;
    }
    return chunk;
  }

  /** Positions `from` to `to − 1` as one array of their own (a position skipped by `reserve` reads 0), made by
   *  `array` when given (a saver reusing its arrays: see SnapshotWriter.columns). */
  toArray(from = 0, to = this.length, array?: (length: number) => Int32Array): Int32Array {
    const n = Math.max(0, to - from);
    const out = array ? array(n) : new Int32Array(n);
    // A reused array holds an earlier save's numbers: the skipped positions are cleared, as a new one's are.
    if (array) out.fill(0);
    for (let i = from; i < to; ) {
      const chunk = this.chunks[i >>> CHUNK_BITS];
      const o = i & CHUNK_MASK;
      const n = Math.min(to - i, CHUNK - o);
      if (chunk !== undefined && o < chunk.length) out.set(chunk.subarray(o, Math.min(chunk.length, o + n)), i - from);
      i += n;
    }
    return out;
  }

  /**
   * Positions `from` (a chunk's first position) to `length − 1` as a column of their own, renumbered from 0,
   * holding this column's chunks from there on instead of copies: for an owner replacing this column with the
   * result, which must not use this one again (the two would write the same chunks). A history compacting after
   * 90-day expiry kept half a million records' words this way without copying them into fresh memory.
   */
  takeFrom(from: number): IntColumn {
    if ((from & CHUNK_MASK) !== 0) throw new RangeError('int column: takeFrom starts at a chunk\'s first position');
    const c = new IntColumn();
    const kept = this.chunks.slice(from >>> CHUNK_BITS);
    if (kept.length > 0) c.chunks.splice(0, 1, ...kept);
    c.length = Math.max(0, this.length - from);
    return c;
  }

  /** Positions `from` to `length − 1` of this column as a column of their own, renumbered from 0, with `add`
   *  added to each number. A column whose runs `reserve` kept within a chunk keeps them so only when `from` is
   *  a chunk's first position. */
  from(from: number, add = 0): IntColumn {
    const c = new IntColumn();
    const n = Math.max(0, this.length - from);
    for (let i = 0; i < n; ) {
      const src = this.chunks[(from + i) >>> CHUNK_BITS];
      const o = (from + i) & CHUNK_MASK;
      const m = Math.min(n - i, CHUNK - o, CHUNK - (i & CHUNK_MASK));
      const dst = c.room(i, m);
      const d = i & CHUNK_MASK;
      const have = src === undefined ? 0 : Math.max(0, Math.min(m, src.length - o));
      if (add === 0) {
        if (have > 0) dst.set(src!.subarray(o, o + have), d);
      } else {
        for (let j = 0; j < have; j++) dst[d + j] = src![o + j]! + add;
      }
      i += m;
    }
    c.length = n;
    return c;
  }
}
