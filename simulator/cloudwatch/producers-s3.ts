// AWS/S3 daily storage metrics: "BucketSizeBytes" (StorageType StandardStorage: every object of the simulation
// is in S3 Standard) and "NumberOfObjects" (StorageType AllStorageTypes), reported once a day per bucket for
// free (S3 user guide, "Metrics and dimensions"), with dimensions BucketName and StorageType. The datapoint
// covers one day and is stamped with the start of that day; an empty bucket reports nothing.
import type { Bucket } from '../s3/model';
import { DAY } from './metric-types';
import type { MetricStore } from './metric-store';

export function publishBucketDay(store: MetricStore, bucket: Bucket, dayEnd: number): void {
  let bytes = 0;
  for (const o of bucket.objects.values()) bytes += o.body.length;
  const count = bucket.objects.size;
  if (count === 0) return;
  const ts = dayEnd - DAY;
  store.put('AWS/S3', {
    MetricName: 'BucketSizeBytes', Timestamp: ts, Value: bytes, Unit: 'Bytes',
    Dimensions: [{ Name: 'BucketName', Value: bucket.name }, { Name: 'StorageType', Value: 'StandardStorage' }],
  }, dayEnd);
  store.put('AWS/S3', {
    MetricName: 'NumberOfObjects', Timestamp: ts, Value: count, Unit: 'Count',
    Dimensions: [{ Name: 'BucketName', Value: bucket.name }, { Name: 'StorageType', Value: 'AllStorageTypes' }],
  }, dayEnd);
}
