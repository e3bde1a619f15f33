// Insights series add a run of calls with the same attribution values to their tallies once (series.ts
// settle). The tallies must be exactly what counting call by call gives, values in the order they first
// appeared, whatever interleaving of callers, user agents, error codes, minutes, snapshots and analysis
// happens while a run is open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { attributedArn, InsightsEngine } from '../../../simulator/cloudtrail/insights/engine';
import { record, T0, TestRandom } from './helpers';

const MIN = 60_000;

type Tallies = Record<'userIdentityArn' | 'userAgent' | 'errorCode', [string, number][]>;
interface SeriesJson {
  key: { insightType: string; eventName: string; errorCode?: string };
  pending: [number, number, Tallies][];
  window: [number, number, Tallies][];
}

const ARNS = [`arn:aws:iam::123456789012:user/alice`, `arn:aws:sts::123456789012:assumed-role/Ops/s1`, `arn:aws:sts::123456789012:assumed-role/Ops/s2`, undefined];
const AGENTS = ['aws-cli/2.13.5', 'console.amazonaws.com', undefined];
const ERRORS = [undefined, undefined, 'NoSuchBucket', 'AccessDenied'];

type Step = { kind: 'call'; arn: number; agent: number; error: number; name: number; write: boolean; later: number } | { kind: 'advance' } | { kind: 'snapshot' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('call' as const), arn: fc.nat(ARNS.length - 1), agent: fc.nat(AGENTS.length - 1), error: fc.nat(ERRORS.length - 1), name: fc.nat(1), write: fc.boolean(),
      later: fc.constantFrom(0, 0, 0, 20_000, 60_000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'advance' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'snapshot' as const }) },
);

/** Tallies per series and minute, counted call by call as the engine did before it counted runs. */
class OneByOne {
  readonly buckets = new Map<string, Map<number, { count: number; by: Record<keyof Tallies, Map<string, number>> }>>();
  count(id: string, minute: number, values: Record<keyof Tallies, string | undefined>): void {
    let series = this.buckets.get(id);
    if (!series) this.buckets.set(id, (series = new Map()));
    let b = series.get(minute);
    if (!b) series.set(minute, (b = { count: 0, by: { userIdentityArn: new Map(), userAgent: new Map(), errorCode: new Map() } }));
    b.count++;
    for (const a of ['userIdentityArn', 'userAgent', 'errorCode'] as const) {
      const v = values[a];
      if (v !== undefined) b.by[a].set(v, (b.by[a].get(v) ?? 0) + 1);
    }
  }
}

describe('Insights tallies counted in runs', () => {
  it('equal counting call by call, in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const engine = new InsightsEngine(new TestRandom());
        const reference = new OneByOne();
        let now = T0;
        for (const s of steps) {
          if (s.kind === 'advance') {
            now += MIN;
            engine.advanceTo(now, () => false);
            continue;
          }
          if (s.kind === 'snapshot') {
            engine.snapshot();
            continue;
          }
          now += s.later;
          const atMs = now;
          const error = ERRORS[s.error];
          const r: CloudTrailRecord = record({
            atMs, eventName: s.name ? 'DeleteBucket' : 'PutBucketPolicy', eventSource: 's3.amazonaws.com', readOnly: !s.write,
            userIdentity: { type: 'IAMUser', ...(ARNS[s.arn] ? { arn: ARNS[s.arn] } : {}) }, ...(AGENTS[s.agent] ? { userAgent: AGENTS[s.agent] } : { userAgent: undefined }),
            ...(error ? { errorCode: error } : {}),
          });
          engine.count(r, atMs);
          const minute = Math.floor(atMs / MIN);
          const values = { userIdentityArn: attributedArn(ARNS[s.arn]), userAgent: AGENTS[s.agent], errorCode: error ?? 'null' };
          if (s.write) reference.count(`ApiCallRateInsight|${r.eventName}|`, minute, values);
          if (error) reference.count(`ApiErrorRateInsight|${r.eventName}|${error}`, minute, values);
        }
        const seen = new Set<string>();
        for (const s of engine.snapshot() as unknown as SeriesJson[]) {
          const id = `${s.key.insightType}|${s.key.eventName}|${s.key.errorCode ?? ''}`;
          const expected = reference.buckets.get(id)!;
          for (const [minute, count, by] of [...s.window, ...s.pending]) {
            const b = expected.get(minute)!;
            expect(count).toBe(b.count);
            expect(by).toEqual({ userIdentityArn: [...b.by.userIdentityArn], userAgent: [...b.by.userAgent], errorCode: [...b.by.errorCode] });
            seen.add(`${id}@${minute}`);
          }
        }
        // Every minute counted is in the snapshot (nothing here is old enough to leave the baseline window).
        const counted = [...reference.buckets].flatMap(([id, m]) => [...m.keys()].map((minute) => `${id}@${minute}`));
        expect([...seen].sort()).toEqual(counted.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('an advance in the middle of a run closes it before the minute is analysed', () => {
    const engine = new InsightsEngine(new TestRandom());
    const r = record({ atMs: T0, eventName: 'DeleteBucket', eventSource: 's3.amazonaws.com', readOnly: false });
    for (let i = 0; i < 10; i++) engine.count(r, T0);
    // Ten calls against an empty baseline are unusual: the Insights event opened names all ten.
    const [start] = engine.advanceTo(T0 + MIN, () => true);
    expect(start?.state).toBe('Start');
    expect([...start!.insightBy.userIdentityArn]).toEqual([[r.userIdentity.arn, 10]]);
    expect([...start!.insightBy.userAgent]).toEqual([[r.userAgent, 10]]);
    const [s] = engine.snapshot() as unknown as SeriesJson[];
    expect(s!.pending).toEqual([]);
    expect(s!.window.map((b) => [b[1], b[2].userIdentityArn])).toEqual([[10, [[r.userIdentity.arn, 10]]]]);
    // Counting on after the advance starts a run of its own in the next minute.
    engine.count(r, T0 + MIN);
    expect((engine.snapshot() as unknown as SeriesJson[])[0]!.pending.map((b) => [b[1], b[2].userIdentityArn])).toEqual([[1, [[r.userIdentity.arn, 1]]]]);
  });
});

