import { describe, expect, it } from 'vitest';
import { SANDBOX_START } from '../../../renderer/src/areas/simulator/worker/sandbox-setup';
import { wholeNumber } from '../../../renderer/src/areas/simulator/TrafficControls';
import { hostHarness } from './host-harness';

const ALICE = { as: 'alice', region: 'ap-northeast-2', via: 'cli' };

describe('repeated traffic in the worker host', () => {
  it('makes perMinute real calls a minute for the minutes asked, with progress and no per-call pushes', () => {
    const h = hostHarness();
    const started = h.ask({ kind: 'start', snapshot: null }) as { value: { nowMs: number } };
    expect(started.value.nowMs).toBe(SANDBOX_START);
    const before = h.out.length;
    const r = h.ask({ kind: 'traffic', api: 'ec2:DescribeVpcs', params: {}, ctx: ALICE, perMinute: 7, minutes: 30 });
    expect(r).toMatchObject({ ok: true, value: { calls: 210, failed: 0, errorCodes: [], nowMs: SANDBOX_START + 30 * 60_000 } });
    const pushes = h.out.slice(before).filter((m) => !('id' in m));
    expect(pushes.filter((m) => 'push' in m && m.push === 'sim')).toEqual([]);
    expect(pushes.filter((m) => 'push' in m && m.push === 'traffic').at(-1)).toEqual({ push: 'traffic', done: 210, total: 210 });
    const rows = h.ask({ kind: 'history', query: { region: 'ap-northeast-2', attribute: { key: 'EventName', value: 'DescribeVpcs' } } });
    expect((rows as { value: { rows: unknown[] } }).value.rows).toHaveLength(210);
  });

  it('hands the event history over in chunks that continue exactly where the last one stopped', () => {
    const h = hostHarness();
    h.ask({ kind: 'start', snapshot: null });
    h.ask({ kind: 'traffic', api: 'ec2:DescribeVpcs', params: {}, ctx: ALICE, perMinute: 10, minutes: 23 });
    const query = { region: 'ap-northeast-2' };
    type Page = { value: { rows: { eventId: string }[]; truncated: boolean; cursor?: string } };
    const whole = (h.ask({ kind: 'history', query }) as Page).value;
    expect(whole.cursor).toBeUndefined();
    const ids: string[] = [];
    let cursor: string | undefined;
    let chunks = 0;
    do {
      const page = (h.ask({ kind: 'history', query, limit: 100, ...(cursor ? { cursor } : {}) }) as Page).value;
      ids.push(...page.rows.map((r) => r.eventId));
      expect(page.truncated).toBe(page.cursor !== undefined);
      cursor = page.cursor;
      chunks++;
    } while (cursor);
    expect(chunks).toBe(Math.ceil(whole.rows.length / 100));
    expect(ids).toEqual(whole.rows.map((r) => r.eventId));
  });

  it('counts refused calls by error code, and stops at once on a call the simulation cannot make', () => {
    const h = hostHarness();
    h.ask({ kind: 'start', snapshot: null });
    const denied = h.ask({ kind: 'traffic', api: 's3:DeleteBucket', params: { Bucket: 'no-such-bucket-here' }, ctx: ALICE, perMinute: 2, minutes: 3 });
    expect(denied).toMatchObject({ ok: true, value: { calls: 6, failed: 6 } });
    expect((denied as { value: { errorCodes: string[] } }).value.errorCodes.length).toBe(1);
    const unknown = h.ask({ kind: 'traffic', api: 's3:NoSuchAction', params: {}, ctx: ALICE, perMinute: 2, minutes: 3 });
    expect(unknown).toMatchObject({ ok: false, errorKo: expect.stringContaining('Sim.UnknownApi') });
    expect(h.ask({ kind: 'traffic', api: 'ec2:DescribeVpcs', params: {}, ctx: ALICE, perMinute: 10_000, minutes: 1000 })).toMatchObject({ ok: false, errorKo: expect.stringContaining('2,000,000') });
    expect(h.ask({ kind: 'traffic', api: 'ec2:DescribeVpcs', params: {}, ctx: ALICE, perMinute: 0, minutes: 1 })).toMatchObject({ ok: false, errorKo: expect.stringMatching(/^잘못된 요청/) });
  });

  it('validates the form numbers in Korean', () => {
    expect(wholeNumber('1,000', '분당 호출 수', 1, 10_000)).toEqual({ ok: true, n: 1000 });
    expect(wholeNumber('abc', '분당 호출 수', 1, 10_000)).toMatchObject({ ok: false, errorKo: expect.stringContaining('정수') });
    expect(wholeNumber('0', '기간(분)', 1, 129_600)).toMatchObject({ ok: false, errorKo: expect.stringContaining('입력: 0') });
    expect(wholeNumber('1.5', '기간(분)', 1, 129_600)).toMatchObject({ ok: false });
  });
});
