// AWS/S3 request metrics ("Amazon S3 request metrics in CloudWatch", S3 user guide, metrics-dimensions.html):
// once a bucket has a metrics configuration, every request to it that the configuration's filter admits
// publishes 1-minute metrics with dimensions BucketName and FilterId (the configuration's Id).
// - AllRequests, GetRequests, PutRequests, DeleteRequests (DeleteObject and DeleteObjects), HeadRequests,
//   ListRequests: Count, one per request of that kind.
// - 4xxErrors, 5xxErrors: Count, 0 or 1 for every request, so Average is the error rate and Sum the count.
// - BytesDownloaded (responses with a body), BytesUploaded (requests with a body): Bytes.
// - FirstByteLatency (complete request received → response starts), TotalRequestLatency (first byte in →
//   last byte out): Milliseconds.
// Requests are seen as they are: the CloudTrail record every S3 call writes (also for calls IAM refused with
// 403, which S3 counts as 4xx too), read from the event bus.
import type { CloudTrailRecord, JsonObject } from '../core/contract';
import type { EventBus } from '../core/events';
import type { MetricDatumInput, StandardUnit } from '../cloudwatch/metric-types';
import { configMatches } from './metrics-config';
import type { S3Model } from './model';

export type PutMetric = (region: string, namespace: string, datum: MetricDatumInput, receivedAt: number) => void;

type Kind = 'Get' | 'Put' | 'Delete' | 'Head' | 'List' | undefined;

/** The request-type metric each S3 operation counts under (bucket-level operations count only in AllRequests). */
const KIND: Record<string, Kind> = {
  GetObject: 'Get', PutObject: 'Put', CopyObject: 'Put', UploadPart: 'Put', DeleteObject: 'Delete', DeleteObjects: 'Delete',
  HeadObject: 'Head', HeadBucket: 'Head', ListObjects: 'List', ListObjectsV2: 'List', ListObjectVersions: 'List', ListMultipartUploads: 'List',
};

/** S3's server-side (5xx) error codes; every other error it answers is a 4xx. */
const SERVER_ERRORS = new Set(['InternalError', 'ServiceUnavailable', 'SlowDown', 'NotImplemented']);

/**
 * The simulation's latency model, deterministic: a fixed service time per kind of request until the first
 * byte, then the transfer at 100 MB/s (100,000 bytes per millisecond). Errors answer after a short check.
 */
export const FIRST_BYTE_MS: Record<NonNullable<Kind> | 'Other' | 'Error', number> = { Get: 10, Put: 15, Delete: 8, Head: 5, List: 20, Other: 10, Error: 4 };
export const BYTES_PER_MS = 100_000;

export interface RequestLatency {
  firstByteMs: number;
  totalMs: number;
}

export function latencyOf(kind: Kind, failed: boolean, bytesIn: number, bytesOut: number): RequestLatency {
  const firstByteMs = failed ? FIRST_BYTE_MS.Error : FIRST_BYTE_MS[kind ?? 'Other'];
  return { firstByteMs, totalMs: firstByteMs + Math.ceil((bytesIn + bytesOut) / BYTES_PER_MS) };
}

const num = (o: JsonObject | undefined, k: string) => (typeof o?.[k] === 'number' ? (o[k] as number) : 0);

/** Publishes the request metrics of one S3 request, for every configuration of its bucket that counts it. */
export function publishRequestMetrics(s3: S3Model, record: CloudTrailRecord, now: number, put: PutMetric): void {
  if (record.eventSource !== 's3.amazonaws.com') return;
  const rp = record.requestParameters;
  const bucketName = typeof rp?.['bucketName'] === 'string' ? rp['bucketName'] : undefined;
  const bucket = bucketName === undefined ? undefined : s3.buckets.get(bucketName);
  if (!bucket?.metrics?.size) return;
  const key = typeof rp?.['key'] === 'string' ? rp['key'] : undefined;
  const kind = KIND[record.eventName];
  const failed = record.errorCode !== undefined;
  const serverError = failed && SERVER_ERRORS.has(record.errorCode ?? '');
  const bytesIn = num(record.additionalEventData, 'bytesTransferredIn');
  const bytesOut = num(record.additionalEventData, 'bytesTransferredOut');
  const latency = latencyOf(kind, failed, bytesIn, bytesOut);
  for (const c of [...bucket.metrics.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // The request that created a configuration was served before request metrics existed for it.
    if (c.createdByRequestId !== undefined && c.createdByRequestId === record.requestID) continue;
    if (!configMatches(c, { ...(key !== undefined ? { key } : {}), objectTags: [] })) continue;
    const dims = [{ Name: 'BucketName', Value: bucket.name }, { Name: 'FilterId', Value: c.id }];
    const emit = (MetricName: string, Value: number, Unit: StandardUnit) => put(bucket.region, 'AWS/S3', { MetricName, Dimensions: dims, Timestamp: now, Value, Unit }, now);
    emit('AllRequests', 1, 'Count');
    if (kind) emit(`${kind}Requests`, 1, 'Count');
    emit('4xxErrors', failed && !serverError ? 1 : 0, 'Count');
    emit('5xxErrors', serverError ? 1 : 0, 'Count');
    if (bytesOut > 0) emit('BytesDownloaded', bytesOut, 'Bytes');
    if (bytesIn > 0) emit('BytesUploaded', bytesIn, 'Bytes');
    emit('FirstByteLatency', latency.firstByteMs, 'Milliseconds');
    emit('TotalRequestLatency', latency.totalMs, 'Milliseconds');
  }
}

/** Listens to every record the account writes and publishes S3's request metrics from them. */
export function watchRequests(s3: S3Model, bus: EventBus, now: () => number, put: PutMetric): void {
  bus.on((e) => {
    if (e.type === 'record.written') publishRequestMetrics(s3, e.record, now(), put);
  });
}
