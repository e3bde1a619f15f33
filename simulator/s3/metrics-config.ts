// S3 metrics configurations: what turns on CloudWatch request metrics for a bucket (PutBucketMetricsConfiguration).
// A configuration is an Id plus an optional filter: a prefix, one tag, an access point ARN, or an And of them
// (S3 API reference, MetricsConfiguration / MetricsFilter / MetricsAndOperator). A bucket holds at most 1,000.
import { AwsError, type Json, type JsonObject } from '../core/contract';
import { isObject } from '../core/service';

export interface S3Tag {
  Key: string;
  Value: string;
}

/** The filter in one normalised form: every predicate present must hold. */
export interface MetricsFilter {
  prefix?: string;
  tags: S3Tag[];
  accessPointArn?: string;
  /** Whether the request wrapped the predicates in And (kept so Get answers in the shape that was put). */
  and: boolean;
}

export interface MetricsConfig {
  id: string;
  filter?: MetricsFilter;
  /** The request that created it (not persisted): that request itself is not counted. */
  createdByRequestId?: string;
}

/** "You can have up to 1,000 metrics configurations per bucket" (PutBucketMetricsConfiguration). */
export const MAX_METRICS_CONFIGS = 1000;

/** "The ID has a 64 character limit and can only contain letters, numbers, periods, dashes, and underscores." */
export function validMetricsId(id: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(id);
}

export const malformedXml = () =>
  new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');

function tagOf(v: Json | undefined): S3Tag {
  if (!isObject(v) || typeof v['Key'] !== 'string' || typeof v['Value'] !== 'string') throw malformedXml();
  return { Key: v['Key'], Value: v['Value'] };
}

/** The request's Filter, or MalformedXML when it is not one of the schema's choices. */
export function parseFilter(v: Json | undefined): MetricsFilter | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw malformedXml();
  const keys = Object.keys(v);
  // MetricsFilter is a union: exactly one member.
  if (keys.length !== 1) throw malformedXml();
  const k = keys[0];
  const x = v[k ?? ''];
  if (k === 'Prefix' && typeof x === 'string') return { prefix: x, tags: [], and: false };
  if (k === 'Tag') return { tags: [tagOf(x)], and: false };
  if (k === 'AccessPointArn' && typeof x === 'string') return { accessPointArn: x, tags: [], and: false };
  if (k === 'And' && isObject(x)) {
    const out: MetricsFilter = { tags: [], and: true };
    if (x['Prefix'] !== undefined) {
      if (typeof x['Prefix'] !== 'string') throw malformedXml();
      out.prefix = x['Prefix'];
    }
    if (x['Tags'] !== undefined) {
      if (!Array.isArray(x['Tags'])) throw malformedXml();
      out.tags = x['Tags'].map(tagOf);
    }
    if (x['AccessPointArn'] !== undefined) {
      if (typeof x['AccessPointArn'] !== 'string') throw malformedXml();
      out.accessPointArn = x['AccessPointArn'];
    }
    return out;
  }
  throw malformedXml();
}

/** The configuration in the SDK's shape (GetBucketMetricsConfiguration, ListBucketMetricsConfigurations). */
export function configWire(c: MetricsConfig): JsonObject {
  const f = c.filter;
  if (!f) return { Id: c.id };
  if (f.and) {
    const and: JsonObject = {};
    if (f.prefix !== undefined) and['Prefix'] = f.prefix;
    if (f.tags.length) and['Tags'] = f.tags.map((t) => ({ ...t }));
    if (f.accessPointArn !== undefined) and['AccessPointArn'] = f.accessPointArn;
    return { Id: c.id, Filter: { And: and } };
  }
  if (f.prefix !== undefined) return { Id: c.id, Filter: { Prefix: f.prefix } };
  if (f.accessPointArn !== undefined) return { Id: c.id, Filter: { AccessPointArn: f.accessPointArn } };
  return { Id: c.id, Filter: { Tag: { ...f.tags[0]! } } };
}

/** One request as request metrics see it. */
export interface ObservedRequest {
  /** Object key for object-level requests; undefined for requests on the bucket itself. */
  key?: string;
  /** Tags of the object the request addressed (the simulation's objects carry none). */
  objectTags: S3Tag[];
  /** Access point the request came through (the simulation has none: requests go to the bucket). */
  accessPointArn?: string;
}

/**
 * Whether a configuration counts a request. Without a filter every request to the bucket counts; with one,
 * "only the HTTP requests made to the objects in the bucket that meet the filter's requirements" (AllRequests).
 */
export function configMatches(c: MetricsConfig, r: ObservedRequest): boolean {
  const f = c.filter;
  if (!f) return true;
  if (r.key === undefined) return false;
  if (f.prefix !== undefined && !r.key.startsWith(f.prefix)) return false;
  if (!f.tags.every((t) => r.objectTags.some((o) => o.Key === t.Key && o.Value === t.Value))) return false;
  if (f.accessPointArn !== undefined && f.accessPointArn !== r.accessPointArn) return false;
  return true;
}

export function configToJson(c: MetricsConfig): Json {
  return c.filter ? { id: c.id, filter: { ...c.filter, tags: c.filter.tags.map((t) => ({ ...t })) } as unknown as Json } : { id: c.id };
}

/** Restores a configuration from an untrusted snapshot, or undefined when it is not one. */
export function configFromJson(v: unknown): MetricsConfig | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { id?: unknown; filter?: { prefix?: unknown; tags?: unknown; accessPointArn?: unknown; and?: unknown } };
  if (typeof o.id !== 'string' || !validMetricsId(o.id)) return undefined;
  if (!o.filter) return { id: o.id };
  const f = o.filter;
  const tags = Array.isArray(f.tags) ? (f.tags as { Key?: unknown; Value?: unknown }[]).filter((t) => typeof t?.Key === 'string' && typeof t?.Value === 'string') as S3Tag[] : [];
  const filter: MetricsFilter = { tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })), and: f.and === true };
  if (typeof f.prefix === 'string') filter.prefix = f.prefix;
  if (typeof f.accessPointArn === 'string') filter.accessPointArn = f.accessPointArn;
  return { id: o.id, filter };
}
