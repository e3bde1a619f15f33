import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator';
import { INSPECT_API, inspectParams } from '../../../simulator/inspect';

const START = Date.parse('2026-11-23T00:00:00Z');
const root = { as: 'root', region: 'us-east-1', via: 'cli' as const };

function account() {
  const a = new Account({ seed: 1, startMs: START });
  a.call('iam:CreateAccessKey', {}, { ...root, via: 'console' });
  a.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, { ...root, via: 'console' });
  return a;
}

function historyNames(a: Account, region: string): string[] {
  const r = a.call(INSPECT_API, inspectParams('cloudtrail:LookupEvents', { MaxResults: 50 }), { ...root, region });
  if (!r.ok) throw new Error(r.error.message);
  return (r.response['Events'] as { EventName: string }[]).map((e) => e.EventName);
}

describe('sim:Inspect', () => {
  it('runs the real LookupEvents handler and writes no record of its own', () => {
    const a = account();
    const before = historyNames(a, 'us-east-1');
    expect(before).toContain('CreateVpc');
    const seen: string[] = [];
    a.bus.on((e) => { if (e.type === 'record.written') seen.push(e.record.eventName); });
    for (let i = 0; i < 3; i++) {
      const r = a.call(INSPECT_API, inspectParams('cloudtrail:LookupEvents'), root);
      expect(r.ok).toBe(true);
      expect(r.records).toEqual([]);
      expect(r.routing).toEqual([]);
    }
    expect(seen).toEqual([]);
    expect(historyNames(a, 'us-east-1')).toEqual(before);
    // The same lookup as a real call is recorded, as it would be in AWS.
    const real = a.call('cloudtrail:LookupEvents', {}, root);
    expect(real.records.map((r) => r.eventName)).toEqual(['LookupEvents']);
  });

  it('needs no console session, access key or permission (it is the simulator looking, not a person)', () => {
    const a = new Account({ seed: 1, startMs: START });
    const r = a.call(INSPECT_API, inspectParams('s3:ListBuckets'), { as: 'nobody', region: 'eu-west-1', via: 'console' });
    expect(r).toMatchObject({ ok: true, records: [] });
  });

  it('refuses actions that change the account, and unknown ones, without touching state', () => {
    const a = account();
    const put = a.call(INSPECT_API, inspectParams('s3:CreateBucket', { Bucket: 'sneaky-bucket' }), root);
    expect(put).toMatchObject({ ok: false, error: { code: 'Sim.NotReadOnly' }, records: [] });
    const list = a.call(INSPECT_API, inspectParams('s3:ListBuckets'), root);
    expect(list.ok && (list.response['Buckets'] as unknown[]).length).toBe(0);
    expect(a.call(INSPECT_API, inspectParams('s3:Nope'), root)).toMatchObject({ ok: false, error: { code: 'Sim.UnknownApi' } });
    expect(a.call(INSPECT_API, inspectParams(INSPECT_API), root)).toMatchObject({ ok: false, error: { code: 'Sim.UnknownApi' } });
    expect(a.call(INSPECT_API, { Params: {} }, root)).toMatchObject({ ok: false, error: { code: 'Sim.InvalidParameter' } });
  });

  it('returns AWS errors of the inner handler as they are', () => {
    const a = account();
    const r = a.call(INSPECT_API, inspectParams('cloudtrail:LookupEvents', { MaxResults: 99 }), root);
    expect(r).toMatchObject({ ok: false, error: { code: 'InvalidMaxResultsException', message: 'MaxResults must be between 1 and 50.' }, records: [] });
  });

  it('is not in the AWS catalog and leaves snapshots unchanged', () => {
    const a = account();
    expect(a.catalog().some((d) => d.api === INSPECT_API)).toBe(false);
    const snap = JSON.stringify(a.snapshot());
    a.call(INSPECT_API, inspectParams('ec2:DescribeVpcs'), root);
    const after = a.snapshot() as { random: unknown };
    const before = JSON.parse(snap) as { random: unknown };
    expect({ ...after, random: null }).toEqual({ ...before, random: null });
  });

  it('runs the simulator-only ValidateLogs', () => {
    const a = account();
    const r = a.call(INSPECT_API, inspectParams('cloudtrail:ValidateLogs', { TrailARN: 'missing' }), root);
    expect(r.ok).toBe(false);
    expect(r.records).toEqual([]);
    if (!r.ok) expect(r.error.code).toBe('TrailNotFoundException');
  });
});
