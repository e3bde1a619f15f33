// The registry writes later delivery results into its own kept status (noteInPlace) instead of copying it per
// result: checked against noted(), key for key and in order, and checked never to write into a status the
// trail's actor (or a reader) already holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noted, noteInPlace, type DeliveryNote } from '../../../simulator/cloudtrail/trails/delivery-notes';
import { TrailRegistry } from '../../../simulator/cloudtrail/trails/trail-registry';
import type { TrailStatus } from '../../../simulator/cloudtrail/trails/trail-types';
import { mainTrailConfig, notedAsTheMachineDid } from './helpers';

const config = mainTrailConfig({ multiRegion: true, validation: true });

const atMs = fc.integer({ min: 1, max: 6 }).map((n) => n * 300_000);
const note: fc.Arbitrary<DeliveryNote> = fc.oneof(
  fc.record({ type: fc.constant('trail.delivered' as const), atMs, cloudWatchLogs: fc.boolean() }),
  fc.record({ type: fc.constant('trail.digestDelivered' as const), atMs }),
  fc.record({ type: fc.constant('trail.deliveryFailed' as const), atMs, errorCode: fc.constantFrom('AccessDenied', 'NoSuchBucket') }),
);
/** Statuses as a restored snapshot may hold them: any of the fields, in any order, the error sometimes undefined. */
const start: fc.Arbitrary<TrailStatus> = fc
  .shuffledSubarray(['latestDeliveryMs', 'latestDigestDeliveryMs', 'latestCloudWatchLogsDeliveryMs', 'latestDeliveryError', 'latestDeliveryAttemptMs'] as const)
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(atMs, { minLength: keys.length, maxLength: keys.length }), fc.boolean()))
  .map(([keys, times, undefinedError]) => {
    const s: TrailStatus = { isLogging: true, startLoggingMs: 0 };
    keys.forEach((k, i) => {
      if (k === 'latestDeliveryError') s.latestDeliveryError = undefinedError ? (undefined as unknown as string) : 'AccessDenied';
      else s[k] = times[i]!;
    });
    return s;
  });

describe('delivery results written into a kept status', () => {
  it('noteInPlace and noted (on a copy) leave what the machine made by copying, in key order, from any status', () => {
    fc.assert(
      fc.property(start, fc.array(note, { maxLength: 30 }), (first, notes) => {
        let copied = first;
        let viaNoted = first;
        const own: TrailStatus = { ...first };
        for (const n of notes) {
          copied = notedAsTheMachineDid(copied, n);
          // noted leaves the status it was given as it was.
          const previous = viaNoted;
          const before = { keys: Object.keys(previous), text: JSON.stringify(previous) };
          viaNoted = noted(viaNoted, n);
          expect({ keys: Object.keys(previous), text: JSON.stringify(previous) }).toEqual(before);
          expect(noteInPlace(own, n)).toBe(own);
          for (const s of [own, viaNoted]) {
            expect(Object.keys(s)).toEqual(Object.keys(copied));
            expect(JSON.stringify(s)).toBe(JSON.stringify(copied));
          }
        }
      }),
      // An error key holding undefined (dropped by a success all the same) is tried on every run.
      { examples: [[{ isLogging: true, startLoggingMs: 0, latestDeliveryError: undefined as unknown as string, latestDeliveryMs: 300_000, latestDeliveryAttemptMs: 300_000 }, [{ type: 'trail.delivered', atMs: 300_000, cloudWatchLogs: false }]]] },
    );
  });

  it('the registry never writes into a status its actor or a reader holds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(note, fc.boolean()), { maxLength: 30 }), (steps) => {
        const reg = new TrailRegistry('123456789012');
        reg.create(config);
        reg.send(config.arn, { type: 'trail.startLogging', atMs: 1 });
        const held: { status: TrailStatus; text: string }[] = [];
        for (const [n, read] of steps) {
          reg.note(config.arn, n);
          if (read) {
            const status = reg.get(config.arn)!.status;
            held.push({ status, text: JSON.stringify(status) });
          }
          for (const h of held) expect(JSON.stringify(h.status)).toBe(h.text);
        }
      }),
    );
  });
});
