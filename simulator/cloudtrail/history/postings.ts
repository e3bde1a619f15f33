// The ascending record ids of one lookup key (EventName=…, Username=…), four bytes an id: a busy Region's
// frequent keys each hold hundreds of thousands of ids, which a plain array keeps at eight.

export class Postings {
  private data = new Int32Array(4);
  length = 0;

  static of(ids: ArrayLike<number>): Postings {
    const p = new Postings();
    for (let i = 0; i < ids.length; i++) p.push(ids[i]!);
    return p;
  }

  push(id: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = id;
  }

  get last(): number {
    return this.data[this.length - 1]!;
  }

  get first(): number {
    return this.data[0]!;
  }

  /** What the index keeps for the ids from `minId` on: nothing, one id, or Postings (found by bisection). */
  from(minId: number): number | Postings | undefined {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[mid]! < minId) lo = mid + 1;
      else hi = mid;
    }
    const n = this.length - lo;
    if (n === 0) return undefined;
    if (n === 1) return this.data[lo]!;
    const p = new Postings();
    p.data = this.data.slice(lo, this.length);
    p.length = n;
    return p;
  }

  /** The ids, ascending (a view: valid until the next push). */
  ids(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** What the index keeps for a key with these ids: nothing, the one id itself, or Postings. */
export function postingsOf(ids: readonly number[]): number | Postings | undefined {
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? ids[0]! : Postings.of(ids);
}
