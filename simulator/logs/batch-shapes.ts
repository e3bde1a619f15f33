// A batch's messages counted by shape and minute, for the metric filters whose verdict follows the shape
// (filter-verdicts.ts) and whose values are fixed numbers. A trail's delivery brings some forty records
// over five minutes in a dozen shapes; such a filter asks one message of each shape instead of every
// message, and publishes a minute's matches from a count (every match publishes the same values).
import type { FilterPattern } from './filter-pattern-types';
import type { FilterVerdicts } from './filter-verdicts';
import type { LogMessage } from './log-message';

interface ShapeGroup {
  /** One message of the shape: every message of it gets this one's verdict. */
  sample: LogMessage;
  /** Messages of the shape in each minute of the batch, by minute index. */
  counts: number[];
}

export class BatchShapes {
  private readonly groups: ShapeGroup[] = [];
  /** Messages with no shape (nothing could be cut): each asked on its own, with its minute index. */
  private readonly loose: { message: LogMessage; minute: number }[] = [];

  /** `minuteOf[i]`: the index, in the batch's sorted minutes, of message i's minute. */
  constructor(verdicts: FilterVerdicts, messages: readonly LogMessage[], minuteOf: readonly number[], minutes: number) {
    const byShape = new Map<object, ShapeGroup>();
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      const minute = minuteOf[i]!;
      const shape = verdicts.shapeOf(message);
      if (shape === undefined) {
        this.loose.push({ message, minute });
        continue;
      }
      let group = byShape.get(shape);
      if (!group) {
        byShape.set(shape, (group = { sample: message, counts: new Array<number>(minutes).fill(0) }));
        this.groups.push(group);
      }
      group.counts[minute]!++;
    }
  }

  /**
   * For each of `patterns` (all shape-following), how many messages of each minute (by index) it matches, or
   * undefined where it matches none: matchCounts for every pattern, with each shape asked once for the whole
   * list (FilterVerdicts.matchingOf). A trail's records each match one or two of a group's filters at most.
   */
  countsByPattern(verdicts: FilterVerdicts, patterns: readonly FilterPattern[], minutes: number): (number[] | undefined)[] {
    const out = new Array<number[] | undefined>(patterns.length).fill(undefined);
    for (const g of this.groups) {
      // A group's sample has a shape: that is what made the group.
      for (const j of verdicts.matchingOf(g.sample, patterns)!) {
        const counts = (out[j] ??= new Array<number>(minutes).fill(0));
        for (let k = 0; k < minutes; k++) counts[k]! += g.counts[k]!;
      }
    }
    for (const l of this.loose) {
      for (let j = 0; j < patterns.length; j++) if (verdicts.matches(patterns[j]!, l.message, true)) (out[j] ??= new Array<number>(minutes).fill(0))[l.minute]!++;
    }
    return out;
  }

  /** How many messages of each minute (by index) a shape-following pattern matches. */
  matchCounts(verdicts: FilterVerdicts, pattern: FilterPattern, minutes: number): number[] {
    const counts = new Array<number>(minutes).fill(0);
    for (const g of this.groups) {
      if (!verdicts.matches(pattern, g.sample, true)) continue;
      for (let k = 0; k < minutes; k++) counts[k]! += g.counts[k]!;
    }
    for (const l of this.loose) if (verdicts.matches(pattern, l.message, true)) counts[l.minute]!++;
    return counts;
  }
}
