// When a minute's rate is unusual. AWS publishes no formula: the user guide says Insights "uses mathematical
// models to determine the normal levels of API event and error rate activity" and raises an event when
// activity "differs significantly from the account's typical usage patterns"; the baseline is "calculated
// over the seven days preceding the start of an Insights event ... CloudTrail rounds the baseline duration to
// a whole integer day", and baselineDuration is "at minimum ... 10080 minutes", ending at the event start
// (logging-insights-events-with-cloudtrail.md, cloudtrail-event-reference-insight-details.md).
//
// Our rule, documented for the learner:
// - baseline window: from 00:00 UTC of the day seven days before the minute, up to the minute (so its length
//   is 10080..11519 minutes, like AWS's 10181 and 11336 examples); minutes without calls count as zero;
// - a minute is unusual when its count exceeds average + max(5 × standard deviation, 5 × √average, 3):
//   five standard deviations of the history, never tighter than five Poisson deviations of the average (a
//   steady 20 calls a minute has no spread, yet 25 is not unusual), and more than 3 calls above it (a few
//   stray calls to a rarely used API are not an anomaly);
// - the Insights event stays open while minutes stay unusual against the baseline it opened with, and ends at
//   the first minute that is not.
import { DAY_MS, MINUTE_MS } from '../time';

export const BASELINE_DAYS = 7;
const SIGMAS = 5;
const MIN_EXCESS = 3;

/** First minute of the baseline window for an Insights event starting at `minute`. */
export function baselineStartMinute(minute: number): number {
  const ms = minute * MINUTE_MS - BASELINE_DAYS * DAY_MS;
  return Math.floor(ms / DAY_MS) * (DAY_MS / MINUTE_MS);
}

export function unusualThreshold(average: number, stddev: number): number {
  return average + Math.max(SIGMAS * stddev, SIGMAS * Math.sqrt(average), MIN_EXCESS);
}
