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
  const colonParts = arn.split(':');
  const resource = colonParts.slice(5).join(':');
  if (colonParts[2] === 's3') return resource;
  const slash = resource.indexOf('/');
  return slash >= 0 ? resource.slice(slash + 1) : resource;
}

/** A resource's ARN; S3 list operations name an `ARNPrefix` instead (record contents reference). */
export function resourceArnOf(r: { ARN?: string; ARNPrefix?: string }): string {
  return r.ARN ?? r.ARNPrefix ?? '';
}

export function resourcesOf(record: CloudTrailRecord): { ResourceType: string; ResourceName: string }[] {
  return (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: resourceNameOf(resourceArnOf(r)) }));
}

/** Every (attribute, value) pair the record can be found by. */
export function lookupPairsOf(record: CloudTrailRecord): [LookupAttributeKey, string][] {
  const pairs: [LookupAttributeKey, string][] = [
    ['EventId', record.eventID],
    ['ReadOnly', String(record.readOnly ?? false)],
  ];
  // Insights records have no top-level eventName/eventSource; they are found by the ones they describe.
  const insight = record.insightDetails as { eventName?: string; eventSource?: string } | undefined;
  const eventName = record.eventName ?? insight?.eventName;
  const eventSource = record.eventSource ?? insight?.eventSource;
  if (eventName) pairs.push(['EventName', eventName]);
  if (eventSource) pairs.push(['EventSource', eventSource]);
  const user = usernameOf(record);
  if (user) pairs.push(['Username', user]);
  const key = record.userIdentity?.accessKeyId;
  if (key) pairs.push(['AccessKeyId', key]);
  for (const r of resourcesOf(record)) {
    pairs.push(['ResourceType', r.ResourceType], ['ResourceName', r.ResourceName]);
  }
  return pairs;
}
