// AWS/S3 daily storage metrics: "BucketSizeBytes" (StorageType StandardStorage: every object of the simulation
// is in S3 Standard) and "NumberOfObjects" (StorageType AllStorageTypes), reported once a day per bucket for
// free (S3 user guide, "Metrics and dimensions"), with dimensions BucketName and StorageType. The datapoint
// covers one day and is stamped with the start of that day; an empty bucket reports nothing. The size of
// objects whose bytes are made on first read is counted when the datum is read (producers-s3-size.ts).
import type { Bucket } from '../s3/model';
import { DAY } from './metric-types';
import type { MetricStore } from './metric-store';
import { bucketSizeAtDayEnd } from './producers-s3-size';

export function publishBucketDay(store: MetricStore, bucket: Bucket, dayEnd: number): void {
  const count = bucket.objects.size;
  if (count === 0) return;
  const bytes = bucketSizeAtDayEnd(bucket);
  const ts = dayEnd - DAY;
  store.put('AWS/S3', {
    MetricName: 'BucketSizeBytes', Timestamp: ts, ...(typeof bytes === 'number' ? { Value: bytes } : { ValueLater: bytes }), Unit: 'Bytes',
    Dimensions: [{ Name: 'BucketName', Value: bucket.name }, { Name: 'StorageType', Value: 'StandardStorage' }],
  }, dayEnd);
  store.put('AWS/S3', {
    MetricName: 'NumberOfObjects', Timestamp: ts, Value: count, Unit: 'Count',
    Dimensions: [{ Name: 'BucketName', Value: bucket.name }, { Name: 'StorageType', Value: 'AllStorageTypes' }],
  }, dayEnd);
}
