// The event times of one Region's history, by position. Records carry eventTime to the second, so a time is
// kept as whole seconds in a 32-bit word: four bytes a record instead of an array's eight (and its spare
// capacity), over the million records a busy Region holds for 90 days. The first time that is not a whole
// second in that range turns the column into 64-bit floats for good, so any time is still kept exactly.
import { IntColumn } from '../../core/int-column';

const MIN_S = -(2 ** 31);
const MAX_S = 2 ** 31 - 1;

function wholeSeconds(ms: number): number | undefined {
  const s = ms / 1000;
  return Number.isInteger(s) && s >= MIN_S && s <= MAX_S && !Object.is(ms, -0) ? s : undefined;
}

export class TimeColumn {
  private seconds: IntColumn | undefined = new IntColumn();
  private exact: number[] | undefined;

  get length(): number {
    return this.seconds ? this.seconds.length : this.exact!.length;
  }

  push(ms: number): void {
    if (this.seconds) {
      const s = wholeSeconds(ms);
      if (s !== undefined) {
        this.seconds.push(s);
        return;
      }
      this.exact = this.toArray(0);
      this.seconds = undefined;
    }
    this.exact!.push(ms);
  }

  /** The time at position `i` (0 ≤ i < length). */
  at(i: number): number {
    return this.seconds ? this.seconds.at(i) * 1000 : this.exact![i]!;
  }

  /** The times from position `from` on, as plain numbers. */
  toArray(from: number): number[] {
    const out: number[] = [];
    for (let i = from; i < this.length; i++) out.push(this.at(i));
    return out;
  }

  /** A copy of the whole seconds from position `from` on, while the column keeps whole seconds (made by `array`
   *  when given: IntColumn.toArray). */
  secondsFrom(from: number, array?: (length: number) => Int32Array): Int32Array | undefined {
    return this.seconds?.toArray(Math.min(from, this.seconds.length), this.seconds.length, array);
  }

  /** The times from position `first` on, in a column of their own (expiry keeps a suffix). */
  keepFrom(first: number): TimeColumn {
    const c = new TimeColumn();
    if (this.seconds) {
      c.seconds = this.seconds.from(Math.min(first, this.seconds.length));
    } else {
      c.seconds = undefined;
      c.exact = this.exact!.slice(first);
    }
    return c;
  }

  static of(times: readonly number[]): TimeColumn {
    const c = new TimeColumn();
    for (const t of times) c.push(t);
    return c;
  }
}
