// The minutes a batch of log events falls in: metric filters publish per event minute (filters-runtime.ts).

const MINUTE = 60_000;

export interface BatchMinutes {
  /** The distinct event minutes (epoch ms), ascending. */
  minutes: number[];
  /** minuteOf[i]: the index in `minutes` of event i's minute. */
  minuteOf: number[];
}

/** batchMinutesOf for events as objects (PutLogEvents, a Lambda function's output). */
export function batchMinutes(events: readonly { timestamp: number }[]): BatchMinutes {
  return batchMinutesOf(events.map((e) => e.timestamp));
}

/**
 * The minutes of a batch, from its events' timestamps, and each event's place among them. A trail's batch is
 * stored in time order, so each event's minute is the previous one's or a later one: read in one pass, without
 * a map of minutes or a sort. Any other order (PutLogEvents batches may go back in time; a NaN timestamp has no
 * order) is sorted the way it always was, which decides where a NaN minute goes.
 */
export function batchMinutesOf(timestamps: ArrayLike<number>): BatchMinutes {
  const minutes: number[] = [];
  const minuteOf = new Array<number>(timestamps.length);
  let last = NaN;
  for (let i = 0; i < timestamps.length; i++) {
    const minute = Math.floor(timestamps[i]! / MINUTE) * MINUTE;
    if (minute !== last) {
      // A later minute, or the first one; a NaN or an earlier minute leaves the order to the sort.
      if (minutes.length > 0 ? !(minute > last) : Number.isNaN(minute)) return sortedMinutes(timestamps);
      // As a map key would: a -0 minute (a timestamp of -0) is published as 0.
      minutes.push(minute === 0 ? 0 : minute);
      last = minute;
    }
    minuteOf[i] = minutes.length - 1;
  }
  return { minutes, minuteOf };
}

/** The general case: minutes gathered in a map and sorted by their difference. */
function sortedMinutes(timestamps: ArrayLike<number>): BatchMinutes {
  const seen = new Map<number, number>();
  const eventMinutes = Array.from(timestamps, (t) => Math.floor(t / MINUTE) * MINUTE);
  for (const m of eventMinutes) seen.set(m, 0);
  const minutes = [...seen.keys()].sort((a, b) => a - b);
  minutes.forEach((m, k) => seen.set(m, k));
  return { minutes, minuteOf: eventMinutes.map((m) => seen.get(m)!) };
}
