/** A growable Int32 column: millions of small numbers without an object or a boxed number each. It grows by
 *  half, not double, and past 64 K numbers (256 KB) by an eighth: the columns of a long-running account are
 *  most of its memory, spare capacity is a third of a column on average when doubling (a ninth at an eighth),
 *  and while a column grows its old and new copies are both alive. Copying a few more times (a memory copy
 *  of the column each eighth) costs little next to the memory it saves at the peak; a quiet Region's
 *  columns of a few hundred thousand records gain as much as the busiest. */
const LARGE = 1 << 16;

export class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    // The common case stays small enough for V8 to inline into its callers (several pushes per recorded call);
    // growing is a call of its own.
    if (this.length === this.data.length) this.grow(1);
    this.data[this.length++] = v;
  }

  /** Room for `n` more numbers, so a caller can write them into `data` from `length` on and add `n` to `length`. */
  reserve(n: number): void {
    if (this.length + n > this.data.length) this.grow(n);
  }

  private grow(need: number): void {
    let size = this.data.length;
    while (size < this.length + need) size = Math.max(16, Math.ceil(size * (size < LARGE ? 1.5 : 1.125)));
    const next = new Int32Array(size);
    next.set(this.data);
    this.data = next;
  }
}
