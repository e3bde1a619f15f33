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
    if (this.length === this.data.length) {
      const n = this.data.length;
      const next = new Int32Array(Math.max(16, Math.ceil(n * (n < LARGE ? 1.5 : 1.125))));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}
