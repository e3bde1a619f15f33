// Counting finds a call's series by comparing key members (no id string per call). These check that it lands
// every call in the one series its Region, type, API and error code name, before and after a restore, and
// that the attributed-ARN memo answers as the pattern does for callers taking turns.
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../simulator/core/contract';
import { attributedArn, InsightsEngine } from '../../../simulator/cloudtrail/insights/engine';
import { record, T0, TestRandom } from './helpers';

const MIN = 60_000;

interface SeriesJson {
  key: { region: string; insightType: string; eventSource: string; eventName: string; errorCode?: string };
  pending: [number, number, unknown][];
}

/** Call counts per series key, as the snapshot tells them. */
function countsOf(snapshot: Json): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of snapshot as unknown as SeriesJson[]) {
    const k = s.key;
    const id = JSON.stringify([k.region, k.insightType, k.eventSource, k.eventName, k.errorCode ?? null]);
    expect(out.has(id)).toBe(false);
    out.set(id, s.pending.reduce((n, b) => n + b[1], 0));
  }
  return out;
}

/** A mixed stream: same eventName in two services and Regions, several error codes, reads and writes. */
function stream(n: number) {
  const regions = ['us-east-1', 'eu-west-1'];
  const apis: [string, string][] = [['ec2.amazonaws.com', 'DeleteTags'], ['rds.amazonaws.com', 'DeleteTags'], ['s3.amazonaws.com', 'DeleteBucket']];
  const errors = [undefined, 'NoSuchBucket', 'AccessDenied', 'Client.UnauthorizedOperation'];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [eventSource, eventName] = apis[i % 3]!;
    const errorCode = errors[(i >> 1) % 4];
    const r = record({ atMs: T0, eventSource, eventName, awsRegion: regions[(i >> 2) % 2]!, readOnly: i % 5 === 0, ...(errorCode ? { errorCode } : {}) });
    out.push(r);
  }
  return out;
}

/** What the counts must be, worked out directly from the records. */
function expected(records: ReturnType<typeof stream>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (id: string) => out.set(id, (out.get(id) ?? 0) + 1);
  for (const r of records) {
    if (r.readOnly === false) add(JSON.stringify([r.awsRegion, 'ApiCallRateInsight', r.eventSource, r.eventName, null]));
    if (r.errorCode) add(JSON.stringify([r.awsRegion, 'ApiErrorRateInsight', r.eventSource, r.eventName, r.errorCode]));
  }
  return out;
}

describe('Insights counting finds each call its series', () => {
  it('one series per Region, type, API and error code, however calls interleave', () => {
    const engine = new InsightsEngine(new TestRandom());
    const records = stream(600);
    for (const r of records) engine.count(r, T0);
    expect(countsOf(engine.snapshot())).toEqual(expected(records));
  });

  it('after a restore, calls join the restored series rather than new ones', () => {
    const records = stream(400);
    const first = records.slice(0, 150);
    const rest = records.slice(150);
    const straight = new InsightsEngine(new TestRandom());
    for (const r of records) straight.count(r, T0);
    const restored = new InsightsEngine(new TestRandom());
    for (const r of first) restored.count(r, T0);
    restored.restore(JSON.parse(JSON.stringify(restored.snapshot())) as Json);
    for (const r of rest) restored.count(r, T0);
    expect(restored.snapshot()).toEqual(straight.snapshot());
    expect(countsOf(restored.snapshot())).toEqual(expected(records));
  });

  it('a restore drops the series counted before it', () => {
    const engine = new InsightsEngine(new TestRandom());
    for (const r of stream(50)) engine.count(r, T0);
    engine.restore(null);
    const later = stream(30);
    for (const r of later) engine.count(r, T0 + MIN);
    expect(countsOf(engine.snapshot())).toEqual(expected(later));
  });

  it('the attributed ARN is the pattern answer for callers taking turns', () => {
    const arns = ['arn:aws:sts::123456789012:assumed-role/Deploy/s1', 'arn:aws:iam::123456789012:user/alice', 'arn:aws:sts::123456789012:assumed-role/Deploy/s2', undefined, ''];
    for (let i = 0; i < 20; i++) {
      const arn = arns[(i * 7) % arns.length];
      const m = arn ? /^(arn:aws:sts::\d{12}:assumed-role\/[^/]+)\/.+$/.exec(arn) : null;
      expect(attributedArn(arn)).toBe(arn ? (m ? m[1] : arn) : undefined);
    }
  });
});
