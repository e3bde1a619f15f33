// The S3 objects a CloudWatch read makes bytes of: a bucket's daily BucketSizeBytes is worked out when first
// read, from its objects' sizes (metric-store.ts, settle). See s3/objects-read.ts for why a host asks.
import type { JsonObject } from '../core/contract';
import type { ObjectsWanted } from '../s3/objects-read';

const SIZE_READS = new Set(['cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics']);

/** Every object, when `api` may read a bucket's size (a query naming BucketSizeBytes, in a metric or in a
 *  SEARCH expression); undefined otherwise. Which buckets is not worked out: such reads are rare. */
export function objectsReadByMetricQuery(api: string, params: JsonObject): ObjectsWanted | undefined {
  if (!SIZE_READS.has(api) || !JSON.stringify(params).includes('BucketSizeBytes')) return undefined;
  return () => true;
}
