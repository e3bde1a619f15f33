// busDeliveryOf reads a record's trail verdicts only as far as reachesDefaultBus needs them: the bus's verdict
// must be the one a full reading of every trail gives, for management and data events alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../simulator/core/contract';
import { busDeliveryOf, DeliveredRouting } from '../../../simulator/events/bus-routing';
import { eventIdFor } from '../../../simulator/events/event-id';
import { reachesDefaultBus, type BusDeliveryContext } from '../../../simulator/events/cloudtrail-event';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

/** Every trail read, as the bus first did it. */
function fullReading(routing: Json): BusDeliveryContext {
  const trails = routing !== null && typeof routing === 'object' && !Array.isArray(routing) && Array.isArray(routing['trails']) ? (routing['trails'] as Json[]) : [];
  const valid = trails.filter((t): t is { code?: Json; landed?: Json } => t !== null && typeof t === 'object' && !Array.isArray(t));
  return { trailLogging: valid.some((t) => t.code !== 'NOT_LOGGING' && t.code !== 'OTHER_REGION'), dataEventSelected: valid.some((t) => t.landed === true) };
}

describe('busDeliveryOf', () => {
  it('leads to the verdict a full reading of the trails gives', () => {
    const verdict = fc.oneof(
      fc.record({ code: fc.constantFrom('LOGGED', 'NOT_LOGGING', 'OTHER_REGION', 'NOT_SELECTED', undefined), landed: fc.constantFrom(true, false, 'true', undefined) }, { requiredKeys: [] }),
      fc.constantFrom(null, 3, 'x', [] as Json[]),
    );
    const routing = fc.oneof(fc.record({ trails: fc.array(verdict, { maxLength: 6 }) }), fc.constantFrom(null, [] as Json[], { trails: 'x' }, {}));
    const record = fc.record({
      eventCategory: fc.constantFrom('Management', 'Data', 'Insight') as fc.Arbitrary<'Management' | 'Data' | 'Insight'>,
      readOnly: fc.boolean(),
      eventName: fc.constantFrom('GetObject', 'PutObject', 'DescribeInstances', 'ListBuckets', 'DeleteBucket', 'GetSessionToken'),
      eventSource: fc.constantFrom('s3.amazonaws.com', 'sts.amazonaws.com', 'ec2.amazonaws.com'),
    });
    fc.assert(
      fc.property(routing, record, (r, fields) => {
        const rec = rootConsoleLogin({ eventType: 'AwsApiCall', ...fields });
        const routingJson = r as Json;
        expect(reachesDefaultBus(rec, busDeliveryOf(routingJson, rec))).toEqual(reachesDefaultBus(rec, fullReading(routingJson)));
        // Whether a trail logs is always read in full; whether one selected the record, for data events.
        const ctx = busDeliveryOf(routingJson, rec);
        expect(ctx.trailLogging).toBe(fullReading(routingJson).trailLogging);
        if (rec.eventCategory === 'Data') expect(ctx.dataEventSelected).toBe(fullReading(routingJson).dataEventSelected);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the trail that selected a data event after the first logging trail', () => {
    const record = rootConsoleLogin({ eventType: 'AwsApiCall', eventCategory: 'Data', eventName: 'PutObject', eventSource: 's3.amazonaws.com', readOnly: false });
    const routing = { trails: [{ code: 'NOT_SELECTED', landed: false }, { code: 'NOT_SELECTED', landed: false }, { code: 'LOGGED', landed: true }] };
    expect(reachesDefaultBus(record, busDeliveryOf(routing, record))).toEqual({ delivered: true, readOnlyManagement: false });
    expect(reachesDefaultBus(record, busDeliveryOf({ trails: routing.trails.slice(0, 2) }, record))).toEqual({ delivered: false, reason: 'data-event-not-logged' });
  });
});

describe('DeliveredRouting', () => {
  it('shows the event id as an own member in the same place, known at once or hashed when read', () => {
    const record = rootConsoleLogin();
    const known = new DeliveredRouting(record, 'DELIVERED', [], eventIdFor(record));
    const lazy = new DeliveredRouting(record, 'DELIVERED', [], undefined);
    for (const r of [known, lazy]) {
      const want = { region: 'us-east-1', delivered: true, code: 'DELIVERED', reasonKo: r.reasonKo, matchedRules: [], eventId: eventIdFor(record), detailType: 'AWS Console Sign In via CloudTrail' };
      expect(JSON.stringify(r)).toBe(JSON.stringify(want));
      // A spread and a structured clone (the worker's messages) carry it too.
      expect({ ...r }).toEqual(want);
      expect(structuredClone(r)).toEqual(want);
      expect(Object.keys(r)).toEqual(Object.keys(want));
    }
  });

  it('gives one id however often and in whatever way it is read, for many records in turn', () => {
    const records = ['a', 'b', 'c'].map((c) => rootConsoleLogin({ eventID: `${c.repeat(8)}-bbbb-4ccc-8ddd-eeeeeeeeeeee` }));
    const lazy = records.map((r) => new DeliveredRouting(r, 'DELIVERED_READ_ONLY', [], undefined));
    const before = lazy.map((r) => JSON.stringify(r));
    records.forEach((record, i) => {
      const r = lazy[i]!;
      for (let k = 0; k < 3; k++) expect(r.eventId).toBe(eventIdFor(record));
      expect(r.eventIdOnce()).toBe(eventIdFor(record));
      expect(JSON.stringify(r)).toBe(before[i]);
      expect(structuredClone(r).eventId).toBe(eventIdFor(record));
    });
    expect(new Set(lazy.map((r) => r.eventId)).size).toBe(3);
  });
});
