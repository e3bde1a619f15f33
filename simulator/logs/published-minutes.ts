// A metric filter's publishedMinutes (model.ts): the event minutes it has published for, newest last, asked at
// every batch whether a minute is there and whether the oldest has aged out. Both answers come from the list's
// earliest and latest minutes, kept beside it; a list only ever changes through forget and remember (or is
// replaced whole, by a restore or a new filter), so bounds worked out for a list of the same length still hold.

interface Bounds {
  /** The list's length when the bounds were worked out. */
  length: number;
  earliest: number;
  latest: number;
}

export class PublishedMinutes {
  private readonly bounds = new WeakMap<number[], Bounds>();

  /** The earliest minute of the list (Infinity when empty). */
  earliestOf(minutes: number[]): number {
    return this.boundsOf(minutes).earliest;
  }

  /**
   * minutes.includes(minute). A batch's minutes are mostly later than any published (each new minute of
   * events), and a filter remembers three hours of minutes: such a minute is answered from the latest one
   * instead of a scan of the whole list, for each filter and minute of every batch.
   */
  has(minutes: number[], minute: number): boolean {
    // False for NaN on either side, so a NaN is looked for as includes looks (it finds a NaN).
    if (minute > this.boundsOf(minutes).latest) return false;
    return minutes.includes(minute);
  }

  /** Drops the minutes before `cutoff`, keeping the others' order. In place: a filter that matches every
   *  few minutes ages some out at nearly every batch, and a copy each time (with its earliest minute worked
   *  out afresh) cost as much as all the filters' verdicts. */
  forget(minutes: number[], cutoff: number): void {
    let kept = 0;
    let earliest = Infinity;
    let latest = -Infinity;
    for (let i = 0; i < minutes.length; i++) {
      const m = minutes[i]!;
      if (m < cutoff) continue;
      minutes[kept++] = m;
      if (m < earliest) earliest = m;
      if (m > latest) latest = m;
    }
    minutes.length = kept;
    this.bounds.set(minutes, { length: kept, earliest, latest });
  }

  remember(minutes: number[], minute: number): void {
    const known = this.bounds.get(minutes);
    minutes.push(minute);
    if (known && known.length === minutes.length - 1) {
      known.length = minutes.length;
      if (minute < known.earliest) known.earliest = minute;
      if (minute > known.latest) known.latest = minute;
    }
  }

  private boundsOf(minutes: number[]): Bounds {
    let known = this.bounds.get(minutes);
    if (!known || known.length !== minutes.length) this.bounds.set(minutes, (known = measured(minutes)));
    return known;
  }
}

function measured(minutes: readonly number[]): Bounds {
  let earliest = Infinity;
  let latest = -Infinity;
  for (const m of minutes) {
    if (m < earliest) earliest = m;
    if (m > latest) latest = m;
  }
  return { length: minutes.length, earliest, latest };
}
