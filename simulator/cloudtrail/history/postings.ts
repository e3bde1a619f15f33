// The ascending record ids of one lookup key (EventName=…, Username=…). A busy Region's frequent keys each hold
// hundreds of thousands of ids, most a few apart: ids are kept in blocks of 32, each block's first id whole and
// the rest as the difference from the one before in 7-bit groups (one byte for a gap under 128). ReadOnly=true
// then costs about a byte a record instead of four. A lookup walks from its newest id back block by block,
// finding the first block by bisection over the blocks' first ids, so it never decodes more than it reads.

const BLOCK = 32;

export class Postings {
  /** Per block: its first id and where its differences start in `bytes`. */
  private marks = new Int32Array(2);
  private bytes = new Uint8Array(8);
  private used = 0;
  length = 0;
  last = 0;

  static of(ids: ArrayLike<number>): Postings {
    const p = new Postings();
    for (let i = 0; i < ids.length; i++) p.push(ids[i]!);
    return p;
  }

  /** Appends an id greater than every id held. */
  push(id: number): void {
    if (this.length % BLOCK === 0) {
      const block = this.length / BLOCK;
      if (2 * block + 2 > this.marks.length) this.marks = grown(this.marks, 2 * block + 2);
      this.marks[2 * block] = id;
      this.marks[2 * block + 1] = this.used;
    } else {
      let gap = id - this.last;
      if (this.used + 5 > this.bytes.length) this.bytes = grown(this.bytes, this.used + 5);
      while (gap >= 128) {
        this.bytes[this.used++] = (gap & 127) | 128;
        gap >>>= 7;
      }
      this.bytes[this.used++] = gap;
    }
    this.last = id;
    this.length++;
  }

  get first(): number {
    return this.marks[0]!;
  }

  /** Block `b`'s ids into `out`; how many. */
  private decode(b: number, out: Int32Array): number {
    const n = Math.min(BLOCK, this.length - b * BLOCK);
    let id = this.marks[2 * b]!;
    let at = this.marks[2 * b + 1]!;
    out[0] = id;
    for (let j = 1; j < n; j++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = this.bytes[at++]!;
        // Gaps are below 2^31: the fifth group holds at most three bits, so the shift never reaches the sign.
        gap |= (byte & 127) << shift;
        shift += 7;
      } while (byte >= 128);
      id += gap;
      out[j] = id;
    }
    return n;
  }

  /** Hands `visit` the ids from `maxId` down to `minId`, newest first, until it returns false. */
  visitDescending(maxId: number, minId: number, visit: (id: number) => boolean): void {
    const blocks = Math.ceil(this.length / BLOCK);
    // The last block whose first id is <= maxId.
    let lo = 0;
    let hi = blocks;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.marks[2 * mid]! <= maxId) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Int32Array(BLOCK);
    for (let b = lo - 1; b >= 0; b--) {
      for (let j = this.decode(b, ids) - 1; j >= 0; j--) {
        const id = ids[j]!;
        if (id > maxId) continue;
        if (id < minId || !visit(id)) return;
      }
    }
  }

  /** Every id, ascending. */
  toArray(): number[] {
    const out: number[] = [];
    const ids = new Int32Array(BLOCK);
    for (let b = 0; b * BLOCK < this.length; b++) {
      const n = this.decode(b, ids);
      for (let j = 0; j < n; j++) out.push(ids[j]!);
    }
    return out;
  }

  /**
   * What the index keeps for the ids from `minId` on: nothing, one id, or Postings. The blocks from the one
   * holding the first kept id are copied as they are (bytes and marks), not decoded and encoded again: expiry
   * cuts busy keys of hundreds of thousands of ids at once. That block's ids before `minId` stay (at most 31);
   * a lookup walks down to its own lowest id and never reads them, and the next cut drops them.
   */
  from(minId: number): number | Postings | undefined {
    if (this.length === 0 || this.last < minId) return undefined;
    const blocks = Math.ceil(this.length / BLOCK);
    let lo = 0;
    let hi = blocks;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.marks[2 * mid]! <= minId) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(0, lo - 1);
    const ids = new Int32Array(BLOCK);
    const n = this.decode(start, ids);
    let kept = this.length - (start + 1) * BLOCK > 0 ? this.length - (start + 1) * BLOCK : 0;
    for (let j = 0; j < n; j++) if (ids[j]! >= minId) kept++;
    if (kept === 1) return this.last;
    if (start === 0) return this;
    const out = new Postings();
    const off = this.marks[2 * start + 1]!;
    out.marks = this.marks.slice(2 * start, 2 * blocks);
    for (let b = 0; b < blocks - start; b++) out.marks[2 * b + 1]! -= off;
    out.bytes = this.bytes.slice(off, this.used);
    out.used = this.used - off;
    out.length = this.length - start * BLOCK;
    out.last = this.last;
    return out;
  }
}

/** A copy of `a` with room for at least `need` items: half again while small, an eighth past 64 K. */
function grown<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  const n = a.length;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(n * (n < 1 << 16 ? 1.5 : 1.125))));
  next.set(a);
  return next;
}

/** What the index keeps for a key with these ids: nothing, the one id itself, or Postings. */
export function postingsOf(ids: readonly number[]): number | Postings | undefined {
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? ids[0]! : Postings.of(ids);
}
