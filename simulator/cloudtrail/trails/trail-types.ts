// A trail's configuration and status, as plain JSON so xstate snapshots persist them unchanged.

export type ReadWriteType = 'All' | 'ReadOnly' | 'WriteOnly';

export interface DataResource {
  Type: string;
  Values: string[];
}

export interface BasicEventSelector {
  ReadWriteType: ReadWriteType;
  IncludeManagementEvents: boolean;
  DataResources: DataResource[];
  ExcludeManagementEventSources: string[];
}

export type SelectorOperator = 'Equals' | 'StartsWith' | 'EndsWith' | 'NotEquals' | 'NotStartsWith' | 'NotEndsWith';
export const SELECTOR_OPERATORS: readonly SelectorOperator[] = [
  'Equals',
  'StartsWith',
  'EndsWith',
  'NotEquals',
  'NotStartsWith',
  'NotEndsWith',
];

export type FieldSelector = { Field: string } & Partial<Record<SelectorOperator, string[]>>;

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: FieldSelector[];
}

export type TrailSelectors =
  | { kind: 'basic'; eventSelectors: BasicEventSelector[] }
  | { kind: 'advanced'; advancedEventSelectors: AdvancedEventSelector[] };

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

export interface InsightSelector {
  InsightType: InsightType;
  EventCategories?: string[];
}

export interface TrailConfig {
  name: string;
  arn: string;
  homeRegion: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  snsTopicName?: string;
  includeGlobalServiceEvents: boolean;
  isMultiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  kmsKeyId?: string;
  selectors: TrailSelectors;
  insightSelectors: InsightSelector[];
}

export interface TrailStatus {
  isLogging: boolean;
  startLoggingMs?: number;
  stopLoggingMs?: number;
  latestDeliveryMs?: number;
  latestDigestDeliveryMs?: number;
  latestCloudWatchLogsDeliveryMs?: number;
  latestNotificationMs?: number;
  latestDeliveryError?: string;
  latestDeliveryAttemptMs?: number;
  /** When each selected Insights type last (re)started: PutInsightSelectors adding it, or StartLogging. AWS
   *  needs up to 36 hours from then before it delivers Insights events. */
  insightsSinceMs?: Partial<Record<InsightType, number>>;
}

/** The default event selector of a new trail: all management events, no data events (PutEventSelectors docs). */
export function defaultSelectors(): TrailSelectors {
  return {
    kind: 'basic',
    eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  };
}

export function trailArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}
