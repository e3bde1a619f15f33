import { AwsError, type Json, type ObjectStore } from '../core/contract';
import { fromBase64, toBase64 } from '../core/format';
import { md5Hex } from './md5';
import { configFromJson, configToJson, type MetricsConfig } from './metrics-config';

export interface S3Object {
  body: Uint8Array;
  etag: string;
  lastModified: number;
  contentType: string;
  /** User metadata (x-amz-meta-*), keys without the prefix; CloudTrail puts digest signatures here. */
  metadata?: Record<string, string>;
}
export interface Bucket {
  name: string;
  region: string;
  creationDate: number;
  policy: string | null;
  objects: Map<string, S3Object>;
  /** Metrics configurations by Id (request metrics); absent until the first PutBucketMetricsConfiguration. */
  metrics?: Map<string, MetricsConfig>;
}

/** S3 state. Bucket names are global to the partition; each bucket lives in one Region. */
export class S3Model implements ObjectStore {
  buckets = new Map<string, Bucket>();
  constructor(private readonly now: () => number) {}

  bucket(name: string): Bucket {
    const b = this.buckets.get(name);
    if (!b) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    return b;
  }

  bucketExists(bucket: string): boolean {
    return this.buckets.has(bucket);
  }
  bucketRegion(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.region;
  }
  bucketPolicy(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.policy ?? undefined;
  }
  putObject(bucket: string, key: string, body: Uint8Array, contentType = 'binary/octet-stream', metadata?: Record<string, string>): S3Object {
    const o: S3Object = { body: body.slice(), etag: `"${md5Hex(body)}"`, lastModified: this.now(), contentType };
    if (metadata && Object.keys(metadata).length > 0) o.metadata = { ...metadata };
    this.bucket(bucket).objects.set(key, o);
    return o;
  }
  objectMetadata(bucket: string, key: string): Record<string, string> | undefined {
    const o = this.buckets.get(bucket)?.objects.get(key);
    return o ? { ...o.metadata } : undefined;
  }
  getObject(bucket: string, key: string): Uint8Array | undefined {
    return this.buckets.get(bucket)?.objects.get(key)?.body.slice();
  }
  deleteObject(bucket: string, key: string): void {
    this.buckets.get(bucket)?.objects.delete(key);
  }
  listKeys(bucket: string, prefix = ''): string[] {
    const b = this.buckets.get(bucket);
    if (!b) return [];
    return [...b.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  snapshot(): Json {
    return [...this.buckets.values()].map((b) => ({
      name: b.name, region: b.region, creationDate: b.creationDate, policy: b.policy,
      objects: [...b.objects.entries()].map(([key, o]) => ({
        key, body: toBase64(o.body), etag: o.etag, lastModified: o.lastModified, contentType: o.contentType, ...(o.metadata ? { metadata: o.metadata } : {}),
      })),
      ...(b.metrics?.size ? { metricsConfigurations: [...b.metrics.values()].sort((x, y) => (x.id < y.id ? -1 : 1)).map(configToJson) } : {}),
    }));
  }
  restore(s: Json): void {
    this.buckets.clear();
    for (const b of s as { name: string; region: string; creationDate: number; policy: string | null; objects: { key: string; body: string; etag: string; lastModified: number; contentType: string; metadata?: Record<string, string> }[]; metricsConfigurations?: unknown }[]) {
      const objects = new Map<string, S3Object>();
      for (const o of b.objects) {
        const obj: S3Object = { body: fromBase64(o.body), etag: o.etag, lastModified: o.lastModified, contentType: o.contentType };
        if (o.metadata && typeof o.metadata === 'object') obj.metadata = Object.fromEntries(Object.entries(o.metadata).filter(([, v]) => typeof v === 'string'));
        objects.set(o.key, obj);
      }
      const bucket: Bucket = { name: b.name, region: b.region, creationDate: b.creationDate, policy: b.policy, objects };
      if (Array.isArray(b.metricsConfigurations)) {
        const configs = b.metricsConfigurations.map(configFromJson).filter((c): c is MetricsConfig => c !== undefined);
        if (configs.length) bucket.metrics = new Map(configs.map((c) => [c.id, c]));
      }
      this.buckets.set(b.name, bucket);
    }
  }
}
