// The Insights event record for trails, field by field as the "CloudTrail record contents for Insights events
// for trails" page and its examples write it: no userIdentity, eventSource or eventName at the top level
// (those live in insightDetails), eventType AwsCloudTrailInsight, eventCategory Insight last, Start and End
// sharing one sharedEventID.
import type { CloudTrailRecord, Json, JsonObject } from '../../core/contract';
import { isoSeconds, MINUTE_MS } from '../time';
import type { Attribute, SeriesKey, Tallies } from './series';

/** The eventVersion of AWS's current Insights example for trails. */
export const INSIGHT_EVENT_VERSION = '1.08';
/** Attributions list at most five values per attribute, highest average first. */
const TOP = 5;

export interface InsightEventInput {
  key: SeriesKey;
  state: 'Start' | 'End';
  accountId: string;
  eventID: string;
  sharedEventID: string;
  /** When the unusual activity started (Start) or stopped (End), minute-aligned. */
  eventMinute: number;
  baselineAverage: number;
  baselineMinutes: number;
  baselineBy: Tallies;
  insightAverage: number;
  insightMinutes: number;
  /** Calls (or errors) per value during the Insights period; divided by insightMinutes. */
  insightBy: Tallies;
}

/** Averages as AWS prints them: plain decimals with up to ten places (0.0017857143, 1.7561507937). */
export function rate(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

function top(tally: Tallies[Attribute], minutes: number): JsonObject[] {
  return [...tally.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP)
    .map(([value, n]) => ({ value, average: rate(n / minutes) }));
}

/** Call-rate events attribute to identities, user agents and error codes; error-rate events only to the first
 *  two ("Top error codes are not necessary for error rate Insights events"). */
function attributesFor(key: SeriesKey): Attribute[] {
  return key.insightType === 'ApiErrorRateInsight' ? ['userIdentityArn', 'userAgent'] : ['userIdentityArn', 'userAgent', 'errorCode'];
}

export function buildInsightRecord(i: InsightEventInput): CloudTrailRecord {
  const attributions: Json[] = attributesFor(i.key).map((attribute) => ({
    attribute,
    insight: top(i.insightBy[attribute], i.insightMinutes),
    baseline: top(i.baselineBy[attribute], i.baselineMinutes),
  }));
  const details: JsonObject = {
    state: i.state,
    eventSource: i.key.eventSource,
    eventName: i.key.eventName,
    insightType: i.key.insightType,
  };
  // Error-rate Insights are kept per error code (ListInsightsMetricData requires ErrorCode for them); the
  // record names the code it is about.
  if (i.key.errorCode !== undefined) details['errorCode'] = i.key.errorCode;
  details['insightContext'] = {
    statistics: {
      baseline: { average: rate(i.baselineAverage) },
      insight: { average: rate(i.insightAverage) },
      insightDuration: i.insightMinutes,
      baselineDuration: i.baselineMinutes,
    },
    attributions,
  };
  const record = {
    eventVersion: INSIGHT_EVENT_VERSION,
    eventTime: isoSeconds(i.eventMinute * MINUTE_MS),
    awsRegion: i.key.region,
    eventID: i.eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: i.accountId,
    sharedEventID: i.sharedEventID,
    insightDetails: details,
    eventCategory: 'Insight',
  };
  // The shared record type describes API-call records; Insights records lack their caller fields by design.
  return record as unknown as CloudTrailRecord;
}
