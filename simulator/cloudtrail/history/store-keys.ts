// The event history's lookup keys of a record ("attribute\0value", see lookup-keys.ts), as routing hands them to
// the store for every record.
import type { CloudTrailRecord, UserIdentity } from '../../core/contract';
import { visitLookupPairs, visitResourcePairs } from './lookup-keys';

/** Lookup attributes whose values repeat from record to record: their keys are kept as one string each, so the
 *  index finds them without a new string to build and hash per record. Event ids and resource names are mostly
 *  unique; they are built each time and never kept here. */
const REPEATING = ['ReadOnly', 'EventName', 'EventSource', 'Username', 'AccessKeyId', 'ResourceType'];
/** Bounds each attribute's kept keys (an account with endless users simply stops sharing past it). */
const MAX_SHARED_KEYS = 4096;
/** Kept keys by attribute, then value; an attribute absent here is not a repeating one. */
const sharedKeys = new Map<string, Map<string, string>>(REPEATING.map((k) => [k, new Map()]));

/** The list storeKeysOf is filling, and how many keys it holds so far: one visitor function for every record,
 *  not a closure per record. */
let collecting: string[] = [];
let collected = 0;
/** Whether storeKeysOf is leaving out the EventId key (the store is handed the event id itself instead). */
let skippingEventId = false;

function collectKey(k: string, v: string): void {
  const byValue = sharedKeys.get(k);
  if (byValue === undefined) {
    if (!(skippingEventId && k === 'EventId')) collecting[collected++] = `${k}\u0000${v}`;
    return;
  }
  let key = byValue.get(v);
  if (key === undefined) {
    key = `${k}\u0000${v}`;
    if (byValue.size < MAX_SHARED_KEYS) byValue.set(v, key);
  }
  collecting[collected++] = key;
}

/** The record's lookup keys; without its EventId key when `eventId` is false (EventStore.add's `unique`).
 *  Written over `into`'s own keys: the event store reads the list and keeps none, so routing refills one list
 *  (a new one grew its backing store a few times per record). */
export function storeKeysOf(record: CloudTrailRecord, eventId = true, into: string[] = []): string[] {
  collecting = into;
  collected = 0;
  skippingEventId = !eventId;
  visitLookupPairs(record, collectKey);
  // Never cut to 0 (every record has keys), which would give the list a new, empty backing store. Set only when it
  // changes: writing an array's length is a call into the runtime even when it stays the same.
  if (into.length !== collected) into.length = collected;
  return into;
}


/** What a record's keys before its resources' are made of: the caller fields usernameOf and AccessKeyId read,
 *  and the action's names. */
interface KeysOfCall {
  /** The keys before the resources' (visitLookupPairs hands the resources' pairs last). */
  keys: string[];
  eventName: string;
  eventSource: string;
  readOnly: boolean | undefined;
  type: UserIdentity['type'];
  userName: string | undefined;
  arn: string | undefined;
  invokedBy: string | undefined;
  accessKeyId: string | undefined;
}

/**
 * The keys of each action's last record before its resources' keys, given again to the next record of that
 * action whose every field they are made of is the same (nearly every record of a busy account: the same caller
 * calling the same action): storeKeysOf's lookups of shared keys and the caller's user name are done once per
 * change of caller, not once per record. Only the resources' keys are made for each record. Without the EventId
 * key, as routing asks for them.
 */
export class ActionKeys {
  private readonly byAction = new WeakMap<object, KeysOfCall>();

  /** storeKeysOf(record, false, into); `action` is the record's action definition (any object standing for it). */
  keysOf(record: CloudTrailRecord, action: object, into: string[]): string[] {
    const id = record.userIdentity as UserIdentity | undefined;
    const { eventName, eventSource } = record;
    // Insights records are found by the names their details hold: never kept.
    if (id === undefined || id === null || !eventName || !eventSource) return storeKeysOf(record, false, into);
    const last = this.byAction.get(action);
    if (
      last !== undefined && last.eventName === eventName && last.eventSource === eventSource && last.readOnly === record.readOnly && last.type === id.type &&
      last.userName === id.userName && last.arn === id.arn && last.invokedBy === id.invokedBy && last.accessKeyId === id.accessKeyId
    ) {
      const keys = last.keys;
      for (let i = 0; i < keys.length; i++) into[i] = keys[i]!;
      collecting = into;
      collected = keys.length;
      skippingEventId = true;
      visitResourcePairs(record, collectKey);
      if (into.length !== collected) into.length = collected;
      return into;
    }
    storeKeysOf(record, false, into);
    this.byAction.set(action, {
      keys: into.slice(0, into.length - 2 * (record.resources?.length ?? 0)),
      eventName, eventSource, readOnly: record.readOnly, type: id.type, userName: id.userName, arn: id.arn, invokedBy: id.invokedBy, accessKeyId: id.accessKeyId,
    });
    return into;
  }
}
