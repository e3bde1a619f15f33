/** A growable Int32 column: millions of small numbers without an object or a boxed number each. It grows by
 *  half, not double: the columns of a long-running account are most of its memory, and spare capacity is
 *  a third of a column on average when doubling. */
export class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.max(16, Math.ceil(this.data.length * 1.5)));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}
