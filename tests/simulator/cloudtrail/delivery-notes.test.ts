// Delivery results reach a trail's actor folded, when someone reads the trail (trail-registry.ts `notes`).
// Checked against the machine as it was, one step per delivery: the same status, key for key and in the same
// order (snapshots keep it), whatever runs of deliveries, failures, digests, logging changes and reads.
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { noted, type DeliveryNote } from '../../../simulator/cloudtrail/trails/delivery-notes';
import { trailMachine, type TrailEvent } from '../../../simulator/cloudtrail/trails/trail-machine';
import { TrailRegistry } from '../../../simulator/cloudtrail/trails/trail-registry';
import type { TrailStatus } from '../../../simulator/cloudtrail/trails/trail-types';
import { mainTrailConfig, notedAsTheMachineDid as before } from './helpers';

const config = mainTrailConfig({ multiRegion: true, validation: true });

type Step = { kind: 'note'; note: DeliveryNote } | { kind: 'event'; event: TrailEvent } | { kind: 'read' };

// Few distinct times, so repeats at the same instant (several Regions, a file and its digest) are common.
const atMs = fc.integer({ min: 1, max: 6 }).map((n) => n * 300_000);
const note: fc.Arbitrary<DeliveryNote> = fc.oneof(
  fc.record({ type: fc.constant('trail.delivered' as const), atMs, cloudWatchLogs: fc.boolean() }),
  fc.record({ type: fc.constant('trail.digestDelivered' as const), atMs }),
  fc.record({ type: fc.constant('trail.deliveryFailed' as const), atMs, errorCode: fc.constantFrom('AccessDenied', 'NoSuchBucket') }),
);
const event: fc.Arbitrary<TrailEvent> = fc.oneof(
  fc.record({ type: fc.constant('trail.startLogging' as const), atMs }),
  fc.record({ type: fc.constant('trail.stopLogging' as const), atMs }),
  fc.constant({ type: 'trail.update' as const, config: { ...config, s3BucketName: 'other' } }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: note.map((n) => ({ kind: 'note' as const, note: n })) },
  { weight: 1, arbitrary: event.map((e) => ({ kind: 'event' as const, event: e })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'read' as const }) },
);

describe('delivery results folded per trail', () => {
  it('noted gives what the machine gave, or the very status when that already says so', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 30 }), (notes) => {
        let old: TrailStatus = { isLogging: true, startLoggingMs: 0 };
        let now: TrailStatus = old;
        for (const n of notes) {
          const next = noted(now, n);
          old = before(old, n);
          expect(JSON.stringify(next)).toBe(JSON.stringify(old));
          if (JSON.stringify(now) === JSON.stringify(next)) expect(next).toBe(now);
          now = next;
        }
      }),
    );
  });

  it('a registry that keeps results until read has, at every read and in its snapshot, what one step per result gave', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const reg = new TrailRegistry('123456789012');
        reg.create(config);
        const reference = createActor(trailMachine, { input: { config } }).start();
        let old: TrailStatus = reference.getSnapshot().context.status;
        const persisted = () => JSON.stringify(reference.getPersistedSnapshot());
        for (const s of steps) {
          if (s.kind === 'note') {
            reg.note(config.arn, s.note);
            // The old registry sent every result to the actor (skipping only those already said), as the
            // machine's own actions then did.
            old = before(old, s.note);
            reference.send({ type: 'trail.deliveriesNoted', status: old });
          } else if (s.kind === 'event') {
            reg.send(config.arn, s.event);
            reference.send(s.event);
            old = reference.getSnapshot().context.status;
          } else {
            expect(JSON.stringify(reg.get(config.arn))).toBe(JSON.stringify(reference.getSnapshot().context));
          }
          // Routing's view keeps the fields it reads current whatever is still kept.
          const routed = reg.routable()[0]!;
          expect(routed.config).toBe(reference.getSnapshot().context.config);
          expect(routed.status.isLogging).toBe(old.isLogging);
          expect(routed.status.startLoggingMs).toBe(old.startLoggingMs);
          expect(routed.status.insightsSinceMs).toEqual(old.insightsSinceMs);
        }
        expect(JSON.stringify(reg.snapshot())).toBe(`[${persisted()}]`);
        expect(JSON.stringify(reg.all()[0])).toBe(JSON.stringify(reference.getSnapshot().context));
      }),
    );
  });

  it('a result for a deleted trail is dropped; one kept before a delete is applied first; restore forgets kept ones', () => {
    const reg = new TrailRegistry('123456789012');
    reg.create(config);
    reg.send(config.arn, { type: 'trail.startLogging', atMs: 1 });
    const saved = reg.snapshot();
    reg.note(config.arn, { type: 'trail.deliveryFailed', atMs: 300_000, errorCode: 'NoSuchBucket' });
    reg.restore(saved);
    expect(reg.get(config.arn)!.status.latestDeliveryError).toBeUndefined();
    reg.note(config.arn, { type: 'trail.delivered', atMs: 600_000, cloudWatchLogs: false });
    expect(reg.all()[0]!.status.latestDeliveryMs).toBe(600_000);
    reg.note(config.arn, { type: 'trail.digestDelivered', atMs: 900_000 });
    reg.delete(config.arn);
    reg.note(config.arn, { type: 'trail.delivered', atMs: 1_200_000, cloudWatchLogs: false });
    expect(reg.get(config.arn)).toBeUndefined();
    expect(reg.snapshot()).toEqual([]);
  });

  it('ListTrails-style readers see the results; routing does not make the actor step', () => {
    const reg = new TrailRegistry('123456789012');
    reg.create(config);
    reg.send(config.arn, { type: 'trail.startLogging', atMs: 1 });
    const routed = reg.routable();
    reg.note(config.arn, { type: 'trail.delivered', atMs: 300_000, cloudWatchLogs: true });
    expect(reg.routable()).toBe(routed);
    expect(routed[0]!.status.latestDeliveryMs).toBeUndefined();
    const all = reg.all();
    expect(all).not.toBe(routed);
    expect(all[0]!.status).toMatchObject({ latestDeliveryMs: 300_000, latestCloudWatchLogsDeliveryMs: 300_000 });
  });
});
