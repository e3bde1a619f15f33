// Routing hands the event history one list of lookup keys, refilled for every record (history/store-keys.ts: storeKeysOf, ActionKeys).
// A record with fewer keys than the one before must not leave that record's last keys in the list: every
// lookup must find exactly the records that hold the value, whatever the order of long and short key lists.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { lookupPairsOf } from '../../../simulator/cloudtrail/history/lookup-keys';
import { call, MGMT_DEF, record, T0, world } from './helpers';

/** Records with 0 to 4 resources of their own, and callers and event names that come and go. */
function records(n: number): CloudTrailRecord[] {
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < n; i++) {
    const resources = Array.from({ length: (i * 7) % 5 }, (_, k) => ({ type: 'AWS::EC2::Subnet', ARN: `arn:aws:ec2:us-east-1:123456789012:subnet/subnet-${i}-${k}` }));
    out.push(
      record({
        atMs: T0 + i * 1000,
        eventName: i % 3 ? 'CreateSubnet' : 'DeleteSubnet',
        ...(resources.length ? { resources } : {}),
        ...(i % 4 === 0 ? { userIdentity: { type: 'IAMUser', principalId: 'AIDAOTHER', arn: 'arn:aws:iam::123456789012:user/bob', accountId: '123456789012', accessKeyId: `AKIABOB${i}`, userName: 'bob' } } : {}),
      }),
    );
  }
  return out;
}

function lookup(w: ReturnType<typeof world>, key: string, value: string): string[] {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const params: JsonObject = { LookupAttributes: [{ AttributeKey: key, AttributeValue: value }], MaxResults: 50, ...(token ? { NextToken: token } : {}) };
    const page = call(w, 'LookupEvents', params);
    for (const e of page['Events'] as { EventId: string }[]) ids.push(e.EventId);
    token = page['NextToken'] as string | undefined;
  } while (token);
  return ids.sort();
}

describe('routing refills one list of lookup keys', () => {
  it('every lookup attribute value finds exactly the records holding it', () => {
    const w = world();
    const all = records(60);
    for (const r of all) w.ct.ingest(r, MGMT_DEF);
    // LookupEvents reads up to the present.
    w.clock.ms = T0 + all.length * 1000;
    const expected = new Map<string, string[]>();
    for (const r of all) {
      for (const [k, v] of lookupPairsOf(r)) {
        const id = `${k}\u0000${v}`;
        const list = expected.get(id) ?? [];
        if (!list.includes(r.eventID)) list.push(r.eventID);
        expected.set(id, list);
      }
    }
    expect(expected.size).toBeGreaterThan(100);
    for (const [id, ids] of expected) {
      const [k, v] = id.split('\u0000') as [string, string];
      expect(lookup(w, k, v), id).toEqual([...ids].sort());
    }
  });
});
