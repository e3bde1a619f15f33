import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { trailMachine } from '../../../simulator/cloudtrail/trails/trail-machine';
import { TrailRegistry } from '../../../simulator/cloudtrail/trails/trail-registry';
import { mainTrailConfig } from './helpers';

const config = mainTrailConfig({ multiRegion: false, validation: false });

describe('trail machine', () => {
  it('starts not logging and toggles with trail.startLogging / trail.stopLogging', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    expect(actor.getSnapshot().value).toBe('notLogging');
    expect(actor.getSnapshot().context.status.isLogging).toBe(false);
    actor.send({ type: 'trail.startLogging', atMs: 1000 });
    expect(actor.getSnapshot().value).toBe('logging');
    expect(actor.getSnapshot().context.status).toMatchObject({ isLogging: true, startLoggingMs: 1000 });
    actor.send({ type: 'trail.stopLogging', atMs: 2000 });
    expect(actor.getSnapshot().context.status).toMatchObject({ isLogging: false, stopLoggingMs: 2000 });
  });

  it('ignores a second start (the logging start time stays) and a stop while not logging', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    actor.send({ type: 'trail.stopLogging', atMs: 500 });
    expect(actor.getSnapshot().context.status.stopLoggingMs).toBeUndefined();
    actor.send({ type: 'trail.startLogging', atMs: 1000 });
    actor.send({ type: 'trail.startLogging', atMs: 5000 });
    expect(actor.getSnapshot().context.status.startLoggingMs).toBe(1000);
  });

  it('accepts nothing after trail.delete', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    actor.send({ type: 'trail.startLogging', atMs: 1000 });
    actor.send({ type: 'trail.delete' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.status.isLogging).toBe(false);
    actor.send({ type: 'trail.startLogging', atMs: 2000 });
    actor.send({ type: 'trail.update', config: { ...config, s3BucketName: 'other' } });
    expect(actor.getSnapshot().context.status.isLogging).toBe(false);
    expect(actor.getSnapshot().context.config.s3BucketName).toBe('logs');
  });

  it('records delivery results and clears an old delivery error on success', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    actor.send({ type: 'trail.deliveryFailed', atMs: 100, errorCode: 'NoSuchBucket' });
    expect(actor.getSnapshot().context.status.latestDeliveryError).toBe('NoSuchBucket');
    actor.send({ type: 'trail.delivered', atMs: 200, cloudWatchLogs: false });
    expect(actor.getSnapshot().context.status.latestDeliveryError).toBeUndefined();
    expect(actor.getSnapshot().context.status.latestDeliveryMs).toBe(200);
    expect(actor.getSnapshot().context.status.latestCloudWatchLogsDeliveryMs).toBeUndefined();
  });

  it('restores from a persisted snapshot in the same state', () => {
    const actor = createActor(trailMachine, { input: { config } }).start();
    actor.send({ type: 'trail.startLogging', atMs: 1000 });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as ReturnType<typeof actor.getPersistedSnapshot>;
    const restored = createActor(trailMachine, { snapshot: persisted, input: { config } }).start();
    expect(restored.getSnapshot().value).toBe('logging');
    restored.send({ type: 'trail.stopLogging', atMs: 3000 });
    expect(restored.getSnapshot().context.status.stopLoggingMs).toBe(3000);
  });
});

describe('TrailRegistry.all', () => {
  it('is the same array until a trail is created, changed, deleted or restored, then shows the change', () => {
    const reg = new TrailRegistry('123456789012');
    reg.create(config);
    const first = reg.all();
    expect(reg.all()).toBe(first);
    expect(first[0]!.status.isLogging).toBe(false);
    reg.send(config.arn, { type: 'trail.startLogging', atMs: 1000 });
    expect(reg.all()).not.toBe(first);
    expect(reg.all()[0]!.status.isLogging).toBe(true);
    const second = { ...config, name: 'second', arn: config.arn.replace('main', 'second') };
    reg.create(second);
    expect(reg.all().map((t) => t.config.name)).toEqual(['main', 'second']);
    const saved = reg.snapshot();
    reg.delete(second.arn);
    expect(reg.all().map((t) => t.config.name)).toEqual(['main']);
    reg.restore(saved);
    expect(reg.all().map((t) => t.config.name)).toEqual(['main', 'second']);
  });
});
