import { AwsError, type ComputedObjects, type Json, type ObjectContent, type ObjectStore, type ReproducibleContent } from '../core/contract';
import { fromBase64, toBase64 } from '../core/format';
import { configFromJson, configToJson, type MetricsConfig } from './metrics-config';
import { StoredObject } from './stored-object';
import { ObjectMap } from './object-map';

export type S3Object = StoredObject;

/** S3's answer for a bucket that does not exist. An AwsError is never changed once made, so one serves every
 *  call that meets a missing bucket (making one per call was a measurable share of a refused call). */
export const NO_SUCH_BUCKET = new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
export interface Bucket {
  name: string;
  region: string;
  creationDate: number;
  policy: string | null;
  /** An ObjectMap when the S3 model made the bucket; tests may hand in a plain Map. */
  objects: Map<string, S3Object>;
  /** Metrics configurations by Id (request metrics); absent until the first PutBucketMetricsConfiguration. */
  metrics?: Map<string, MetricsConfig>;
}

/** The index of the first of the sorted `keys` at or after `from` (strictly after it when `strictly`). */
function firstAtOrAfter(keys: readonly string[], from: string, strictly: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < from || (strictly && keys[mid]! === from)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** S3 state. Bucket names are global to the partition; each bucket lives in one Region. */
export class S3Model implements ObjectStore {
  buckets = new Map<string, Bucket>();
  /** Who computes the objects a snapshot saved as recipes (CloudTrail's unsigned digests). */
  computed: ComputedObjects | undefined;
  constructor(private readonly now: () => number) {}

  bucket(name: string): Bucket {
    const b = this.buckets.get(name);
    if (!b) throw NO_SUCH_BUCKET;
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
    const o = new StoredObject(this.now(), contentType, body.slice(), metadata);
    this.bucket(bucket).objects.set(key, o);
    return o;
  }
  putComputedObject(bucket: string, key: string, contentType: string, content: () => ObjectContent, recipe?: () => Json | undefined): void {
    this.bucket(bucket).objects.set(key, new StoredObject(this.now(), contentType, content, undefined, undefined, recipe));
  }
  putReproducibleObject(bucket: string, key: string, contentType: string, content: ReproducibleContent): void {
    this.bucket(bucket).objects.set(key, StoredObject.reproducible(this.now(), contentType, content));
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
    return [...this.keysFrom(bucket, prefix)];
  }

  /**
   * The bucket's keys under `prefix` in order, from the first after `after` (all when '', as StartAfter). With a
   * `delimiter`, only the first key of each folder below the prefix (what a listing needs to name the folder):
   * the rest of the folder is skipped by binary search (a folder of Regions over 10,920 digests read them all).
   */
  *keysFrom(bucket: string, prefix = '', after = '', delimiter = ''): Generator<string> {
    const b = this.buckets.get(bucket);
    if (!b) return;
    const keys = b.objects instanceof ObjectMap ? b.objects.sortedKeys() : [...b.objects.keys()].sort();
    // The first key past both `after` and the keys sorting before the prefix.
    const pastAfter = after !== '' && after >= prefix;
    let i = firstAtOrAfter(keys, pastAfter ? after : prefix, pastAfter);
    for (; i < keys.length && keys[i]!.startsWith(prefix); i++) {
      const key = keys[i]!;
      yield key;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut < 0) continue;
      // Every key starting with the folder sorts before the folder with its last character raised, and every
      // later key not starting with it sorts at or after that.
      const folder = key.slice(0, cut + delimiter.length);
      const last = folder.charCodeAt(folder.length - 1);
      if (last < 0xffff) i = firstAtOrAfter(keys, folder.slice(0, -1) + String.fromCharCode(last + 1), false) - 1;
    }
  }

  snapshot(): Json {
    return [...this.buckets.values()].map((b) => ({
      name: b.name, region: b.region, creationDate: b.creationDate, policy: b.policy,
      objects: [...b.objects.entries()].map(([key, o]): Json => {
        // An object not computed yet (a digest nobody has read) is saved as its producer's recipe: saving
        // must not sign thousands of digests after a long fast-forward.
        const recipe = o.recipe();
        if (recipe !== undefined) return { key, computed: recipe, lastModified: o.lastModified, contentType: o.contentType };
        return { key, body: toBase64(o.body), etag: o.etag, lastModified: o.lastModified, contentType: o.contentType, ...(o.metadata ? { metadata: o.metadata } : {}) };
      }),
      ...(b.metrics?.size ? { metricsConfigurations: [...b.metrics.values()].sort((x, y) => (x.id < y.id ? -1 : 1)).map(configToJson) } : {}),
    }));
  }
  restore(s: Json): void {
    this.buckets.clear();
    for (const b of s as { name: string; region: string; creationDate: number; policy: string | null; objects: { key: string; body: string; etag: string; lastModified: number; contentType: string; metadata?: Record<string, string>; computed?: Json }[]; metricsConfigurations?: unknown }[]) {
      const objects = new ObjectMap();
      for (const o of b.objects) {
        if (o.computed !== undefined) {
          const computed = this.computed;
          if (!computed) throw new Error(`s3 snapshot: object ${o.key} is computed, and nothing can compute it`);
          const recipe = o.computed;
          const reproducible = computed.reproducible?.(recipe);
          if (reproducible) {
            objects.set(o.key, StoredObject.reproducible(o.lastModified, o.contentType, reproducible));
            continue;
          }
          objects.set(o.key, new StoredObject(o.lastModified, o.contentType, () => computed.content(recipe), undefined, undefined, () => computed.recipe(recipe)));
          continue;
        }
        const metadata = o.metadata && typeof o.metadata === 'object' ? Object.fromEntries(Object.entries(o.metadata).filter(([, v]) => typeof v === 'string')) : undefined;
        objects.set(o.key, new StoredObject(o.lastModified, o.contentType, fromBase64(o.body), metadata, o.etag));
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
