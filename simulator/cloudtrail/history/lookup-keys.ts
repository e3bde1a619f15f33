// What LookupEvents can filter on and show for one record, derived from the record alone.
import type { CloudTrailRecord } from '../../core/contract';

export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** Insights lookups accept only these attributes (LookupEvents API reference). */
export const INSIGHT_LOOKUP_KEYS: readonly LookupAttributeKey[] = ['EventId', 'EventName', 'EventSource'];

/** The name Event history shows as "User name": 'root', the IAM user name, the role session name, or the
 *  service that acted. Matches Principal.userName in contract.ts for the same caller. */
export function usernameOf(record: CloudTrailRecord): string | undefined {
  const id = record.userIdentity;
  if (!id) return undefined;
  switch (id.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return id.userName;
    case 'AssumedRole':
    case 'FederatedUser':
      return id.arn?.split('/').pop();
    case 'AWSService':
      return id.invokedBy;
    default:
      return id.userName;
  }
}

/** Resource name as Event history lists it: the resource part of the ARN after its type prefix
 *  (bucket name, instance id, user name, bucket/key for objects). */
export function resourceNameOf(arn: string): string {
  // arn:partition:service:region:account:resource — the resource is all after the fifth colon ('' without one).
  const second = nthColon(arn, 2);
  const third = second < 0 ? -1 : arn.indexOf(':', second + 1);
  const fifth = third < 0 ? -1 : nthColon(arn, 2, third);
  const resource = fifth < 0 ? '' : arn.slice(fifth + 1);
  const service = second < 0 ? undefined : arn.slice(second + 1, third < 0 ? arn.length : third);
  if (service === 's3') return resource;
  const slash = resource.indexOf('/');
  return slash >= 0 ? resource.slice(slash + 1) : resource;
}

/** Where the `n`th colon after position `after` is, or -1. */
function nthColon(s: string, n: number, after = -1): number {
  let at = after;
  for (let i = 0; i < n && (i === 0 || at >= 0); i++) at = s.indexOf(':', at + 1);
  return at;
}

/** A resource's ARN; S3 list operations name an `ARNPrefix` instead (record contents reference). */
export function resourceArnOf(r: { ARN?: string; ARNPrefix?: string }): string {
  return r.ARN ?? r.ARNPrefix ?? '';
}

export function resourcesOf(record: CloudTrailRecord): { ResourceType: string; ResourceName: string }[] {
  return (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: resourceNameOf(resourceArnOf(r)) }));
}

/** Every (attribute, value) pair the record can be found by, handed to `visit` in order (no pair arrays: the
 *  event history asks this of every record). */
export function visitLookupPairs(record: CloudTrailRecord, visit: (key: LookupAttributeKey, value: string) => void): void {
  visit('EventId', record.eventID);
  visit('ReadOnly', record.readOnly === true ? 'true' : String(record.readOnly ?? false));
  // Insights records have no top-level eventName/eventSource; they are found by the ones they describe.
  const insight = record.insightDetails as { eventName?: string; eventSource?: string } | undefined;
  const eventName = record.eventName ?? insight?.eventName;
  const eventSource = record.eventSource ?? insight?.eventSource;
  if (eventName) visit('EventName', eventName);
  if (eventSource) visit('EventSource', eventSource);
  const user = usernameOf(record);
  if (user) visit('Username', user);
  const key = record.userIdentity?.accessKeyId;
  if (key) visit('AccessKeyId', key);
  visitResourcePairs(record, visit);
}

/** The pairs of the record's resources, the last visitLookupPairs hands over: two for each resource. */
export function visitResourcePairs(record: CloudTrailRecord, visit: (key: LookupAttributeKey, value: string) => void): void {
  const resources = record.resources;
  if (resources) {
    for (const r of resources) {
      visit('ResourceType', r.type);
      visit('ResourceName', resourceNameOf(resourceArnOf(r)));
    }
  }
}

/** Every (attribute, value) pair the record can be found by. */
export function lookupPairsOf(record: CloudTrailRecord): [LookupAttributeKey, string][] {
  const pairs: [LookupAttributeKey, string][] = [];
  visitLookupPairs(record, (k, v) => pairs.push([k, v]));
  return pairs;
}
