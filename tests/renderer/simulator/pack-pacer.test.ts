// Packing a saved sandbox gives way to the learner (pack-pacer.ts): between slices of its work it waits while the
// page keeps asking the simulator's worker things, at most MAX_DEFER_MS per save in all, and packing in slices
// writes the same save as packing in one go.
import { describe, expect, it } from 'vitest';
import { MAX_DEFER_MS, PackPacer, QUIET_MS, SLICE_MS } from '../../../renderer/src/areas/simulator/worker/pack-pacer';
import { packParts, snapshotParts, unpackSnapshot } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';
import { Account } from '../../../simulator/account';

/** A pacer on a clock that only moves when told (or when it sleeps), counting the tasks it yields. */
function fakePacer(overshootMs = 0) {
  let t = 1000;
  const log: string[] = [];
  const pacer = new PackPacer({
    now: () => t,
    sleep: async (ms) => {
      log.push(`sleep ${ms}`);
      t += ms + overshootMs;
    },
    nextTask: async () => {
      log.push('task');
    },
  });
  return { pacer, log, advance: (ms: number) => (t += ms) };
}

describe('the packing pacer', () => {
  it('runs a slice without stopping, then yields a task between slices', async () => {
    const { pacer, log, advance } = fakePacer();
    const pace = pacer.forSave();
    await pace();
    advance(SLICE_MS - 1);
    await pace();
    expect(log).toEqual([]);
    advance(1);
    await pace();
    expect(log).toEqual(['task']);
  });

  it('waits while the learner is busy, until QUIET_MS after the last request', async () => {
    const { pacer, log, advance } = fakePacer();
    const pace = pacer.forSave();
    advance(SLICE_MS);
    pacer.busy();
    advance(50);
    await pace();
    expect(log).toEqual(['task', `sleep ${QUIET_MS - 50}`]);
  });

  it('gives way for at most MAX_DEFER_MS in all, however busy the learner stays', async () => {
    const { pacer, log, advance } = fakePacer();
    const pace = pacer.forSave();
    // Every slice finds the learner busy just now.
    for (let i = 0; i < 200; i++) {
      advance(SLICE_MS);
      pacer.busy();
      await pace();
    }
    const waited = log.filter((l) => l.startsWith('sleep')).reduce((n, l) => n + Number(l.slice('sleep '.length)), 0);
    expect(waited).toBe(MAX_DEFER_MS);
    // Timers that fire late: the clock says how long was waited, and the waits stop once that reaches the limit.
    const late = fakePacer(7);
    const latePace = late.pacer.forSave();
    for (let i = 0; i < 200; i++) {
      late.advance(SLICE_MS);
      late.pacer.busy();
      await latePace();
    }
    const sleeps = late.log.filter((l) => l.startsWith('sleep')).map((l) => Number(l.slice('sleep '.length)));
    const slept = sleeps.reduce((n, ms) => n + ms + 7, 0);
    expect(slept).toBeGreaterThanOrEqual(MAX_DEFER_MS);
    expect(slept - sleeps.at(-1)! - 7).toBeLessThan(MAX_DEFER_MS);
    // The last wait was cut to what was left of the limit.
    expect(sleeps.at(-1)!).toBeLessThan(QUIET_MS);
    // A new save may give way again.
    const next = pacer.forSave();
    advance(SLICE_MS);
    pacer.busy();
    await next();
    expect(log.at(-1)).toBe(`sleep ${QUIET_MS}`);
  });
});

describe('packing in slices', () => {
  it('writes the same save as packing in one go, and it unpacks to the snapshot', async () => {
    const acct = new Account({ seed: 3, startMs: Date.parse('2026-01-01T00:00:00Z') });
    for (let i = 0; i < 3000; i++) acct.call('s3:ListBuckets', {}, { as: 'root', region: 'us-east-1', via: 'console' });
    const marker = 'trailwatch-bytes-0123456789abcdef0123456789abcdef-';
    let paced = 0;
    const inSlices = await packParts(snapshotParts((out) => acct.snapshot(out), marker), async () => {
      paced++;
    });
    const inOneGo = await packParts(snapshotParts((out) => acct.snapshot(out), marker));
    expect(paced).toBeGreaterThan(3);
    // A part longer than a slice: written to gzip in several.
    expect(Math.max(...inSlices.parts)).toBeGreaterThan(3 << 16);
    expect(inSlices).toEqual(inOneGo);
    expect(await unpackSnapshot(inSlices)).toEqual(JSON.parse(JSON.stringify(acct.snapshot())));
  });

  it('fails as a whole, leaving nothing unhandled, when the work stops part-way', async () => {
    const acct = new Account({ seed: 3, startMs: Date.parse('2026-01-01T00:00:00Z') });
    for (let i = 0; i < 3000; i++) acct.call('s3:ListBuckets', {}, { as: 'root', region: 'us-east-1', via: 'console' });
    let calls = 0;
    const stopping = async () => {
      if (++calls === 4) throw new Error('stopped');
    };
    await expect(packParts(snapshotParts((out) => acct.snapshot(out)), stopping)).rejects.toThrow('stopped');
  });

  it('counts the joined text\'s characters and each part\'s bytes where the saved texts hold Hangul', async () => {
    const acct = new Account({ seed: 4, startMs: Date.parse('2026-01-01T00:00:00Z') });
    const root = { as: 'root', region: 'us-east-1', via: 'console' as const };
    // Management events (the event history's store) whose requests hold Hangul: their templates do.
    for (let i = 0; i < 200; i++) expect(acct.call('iam:CreateUser', { UserName: `user-${i}`, Tags: [{ Key: '팀', Value: `학습${i}` }] }, root).ok).toBe(true);
    const parts = snapshotParts((out) => acct.snapshot(out));
    expect(parts.text).not.toContain('학습');
    const packed = await packParts(parts);
    const json = JSON.stringify(acct.snapshot());
    expect(json).toContain('학습');
    expect(packed.jsonChars).toBe(json.length);
    expect(await unpackSnapshot(packed)).toEqual(JSON.parse(json));
  });
});
