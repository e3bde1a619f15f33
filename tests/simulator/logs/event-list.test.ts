// A stream's events kept column by column must read back exactly what was appended (numbers as stored, -0
// and NaN included; messages as given or as their store gives them back, whichever store each came from),
// and snapshot as the plain events did.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventList } from '../../../simulator/logs/event-list';
import { LogsModel, type LogEvent } from '../../../simulator/logs/model';
import { trailRecordTime } from '../../../simulator/logs/trail-record-fields';
import { START } from '../support';

/** A template store stand-in: texts by id, named so a read from the wrong store shows. */
function store(name: string): { get(id: number): string } {
  return { get: (id: number) => `${name}#${id}` };
}

type Op = { kind: 'plain'; timestamp: number; message: string; ingestionTime: number } | { kind: 'kept'; timestamp: number; ingestionTime: number; store: number; id: number };

const time = fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constantFrom(-0, NaN, 0.5, -1, Number.MAX_SAFE_INTEGER));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('plain' as const), timestamp: time, message: fc.string({ maxLength: 8 }), ingestionTime: time }),
  fc.record({ kind: fc.constant('kept' as const), timestamp: time, ingestionTime: time, store: fc.nat(2), id: fc.nat(1000) }),
);

describe('EventList', () => {
  it('reads back every event as appended, across stores and plain texts mixed in any order', () => {
    const stores = [store('a'), store('b'), store('c')];
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const list = new EventList();
        const expected: LogEvent[] = [];
        for (const o of ops) {
          if (o.kind === 'plain') {
            list.push(o.timestamp, o.message, o.ingestionTime);
            expected.push({ timestamp: o.timestamp, message: o.message, ingestionTime: o.ingestionTime });
          } else {
            list.pushKept(o.timestamp, o.ingestionTime, stores[o.store]!, o.id);
            expected.push({ timestamp: o.timestamp, message: stores[o.store]!.get(o.id), ingestionTime: o.ingestionTime });
          }
        }
        expect(list.length).toBe(expected.length);
        expected.forEach((e, i) => {
          expect(Object.is(list.timestamp(i), e.timestamp)).toBe(true);
          expect(Object.is(list.ingestionTime(i), e.ingestionTime)).toBe(true);
          expect(list.message(i)).toBe(e.message);
          expect(list.isKept(i)).toBe(ops[i]!.kind === 'kept');
        });
        expect(list.toArray()).toEqual(expected);
        expect(JSON.stringify(list)).toBe(JSON.stringify(expected));
      }),
    );
  });
});

describe('a trail delivery stored in time order', () => {
  const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:trail:*';
  const record = (eventTime: string, n: number) => JSON.stringify({ eventVersion: '1.11', eventTime, eventName: 'ListBuckets', requestID: `r-${n}`, eventID: `e-${n}` });

  it('keeps the order a sort by timestamp gives, already in order or not, ties and unreadable times included', () => {
    // A few distinct seconds (ties are likely) and an unreadable time (NaN, which no order places).
    const eventTime = fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-01T00:00:01Z', '2026-11-01T00:00:02Z', '2026-11-01T00:01:00Z', 'not-a-time');
    fc.assert(
      fc.property(fc.array(eventTime, { maxLength: 12 }), fc.boolean(), (times, sorted) => {
        const given = sorted ? [...times].sort() : times;
        const records = given.map((t, i) => record(t, i));
        const compact = new LogsModel();
        compact.groups('us-east-1')['trail'] = compact.newGroup('trail', START);
        compact.deliverTrailRecords(ARN, '123456789012', 'us-east-1', records, START + 60_000);
        const plain = new LogsModel();
        plain.groups('us-east-1')['trail'] = plain.newGroup('trail', START);
        const byTime = records.map((message) => ({ timestamp: trailRecordTime(message), message })).sort((a, b) => a.timestamp - b.timestamp);
        plain.append('us-east-1', 'trail', '123456789012_CloudTrail_us-east-1', byTime, START + 60_000);
        expect(JSON.stringify(compact.snapshot())).toBe(JSON.stringify(plain.snapshot()));
      }),
      // Unreadable times among readable ones out of order.
      { numRuns: 300, examples: [[['2026-11-01T00:00:02Z', '2026-11-01T00:00:01Z', 'not-a-time', '2026-11-01T00:00:00Z'], false], [['2026-11-01T00:00:01Z', 'not-a-time', '2026-11-01T00:00:00Z', 'not-a-time'], false]] },
    );
  });
});
