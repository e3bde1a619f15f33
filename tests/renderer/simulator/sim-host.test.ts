import { describe, expect, it } from 'vitest';
import { TICK_MS } from '../../../renderer/src/areas/simulator/worker/sim-host';
import { hostHarness } from './host-harness';
import type { FromWorker } from '../../../renderer/src/areas/simulator/worker/protocol';
import { SANDBOX_START } from '../../../renderer/src/areas/simulator/worker/sandbox-setup';
import { packText } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';

const ALICE = { as: 'alice', region: 'ap-northeast-2', via: 'console' };

describe('the simulator worker host', () => {
  it('refuses malformed requests with a Korean message and keeps working', () => {
    const h = hostHarness();
    h.host.receive({ id: 7, req: { kind: 'call', api: 's3:PutObject' } });
    const bad = h.out.find((m) => 'id' in m && m.id === 7);
    expect(bad).toMatchObject({ ok: false });
    expect((bad as { errorKo: string }).errorKo).toMatch(/^잘못된 요청입니다/);
    h.host.receive('not even an object');
    expect(h.out.at(-1)).toMatchObject({ id: -1, ok: false });
    expect(h.ask({ kind: 'advance', ms: -5 })).toMatchObject({ ok: false });
    expect(h.ask({ kind: 'advance', ms: 1000 })).toMatchObject({ ok: false, errorKo: expect.stringContaining('시작되지 않았습니다') });
  });

  it('starts a new sandbox with real, recorded setup calls', () => {
    const h = hostHarness();
    const started = h.value<{ nowMs: number; setup: { api: string; ok: boolean; records: unknown[] }[] }>({ kind: 'start', snapshot: null });
    expect(started.nowMs).toBe(SANDBOX_START);
    expect(started.setup.every((s) => s.ok)).toBe(true);
    expect(started.setup.map((s) => s.api)).toContain('iam:EnableMFADevice');
    expect(started.setup[0]!.records.map((r) => (r as { eventName: string }).eventName)).toEqual(['ConsoleLogin', 'CreateUser']);
    const users = h.value<{ ok: boolean; response: { Users: { UserName: string }[] } }>({ kind: 'inspect', action: 'iam:ListUsers', params: {}, region: 'us-east-1' });
    expect(users.response.Users.map((u) => u.UserName)).toEqual(['alice', 'bob']);
  });

  it('answers history rows from LookupEvents, and inspection adds nothing to it', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    const call = h.value<{ ok: boolean; routing: { eventHistory: { region: string } }[] }>({ kind: 'call', api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, ctx: ALICE });
    expect(call.ok).toBe(true);
    expect(call.routing[0]!.eventHistory.region).toBe('us-east-1');
    const q = { kind: 'history', query: { region: 'us-east-1', attribute: { key: 'EventName', value: 'ConsoleLogin' } } };
    const first = h.value<{ rows: { username: string }[] }>(q);
    expect(first.rows.map((r) => r.username)).toEqual(['alice', 'root']);
    const again = h.value<{ rows: unknown[] }>(q);
    expect(again.rows).toHaveLength(2);
    const all = h.value<{ rows: { eventName: string }[] }>({ kind: 'history', query: { region: 'us-east-1' } });
    expect(all.rows.some((r) => r.eventName === 'LookupEvents')).toBe(false);
    const readOnly = h.value<{ rows: unknown[] }>({ kind: 'history', query: { region: 'us-east-1', readOnly: 'true' } });
    expect(readOnly.rows).toHaveLength(0);
    const csv = h.value<{ text: string; count: number }>({ kind: 'download', query: q.query, format: 'csv' });
    expect(csv.count).toBe(2);
    expect(csv.text.split('\n')[0]).toBe('Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,AWS region,Error code,Source IP address,Read only,Event source');
  });

  it('tells the UI when a trail delivers the file holding a record, with its real key', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    const ctx = { as: 'alice', region: 'us-east-1', via: 'cli' };
    const acct = '123456789012';
    h.value({ kind: 'call', api: 's3:CreateBucket', params: { Bucket: 'trail-logs-x' }, ctx });
    const policy = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::trail-logs-x' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::trail-logs-x/AWSLogs/${acct}/*` },
    ] };
    expect(h.value<{ ok: boolean }>({ kind: 'call', api: 's3:PutBucketPolicy', params: { Bucket: 'trail-logs-x', Policy: JSON.stringify(policy) }, ctx }).ok).toBe(true);
    expect(h.value<{ ok: boolean }>({ kind: 'call', api: 'cloudtrail:CreateTrail', params: { Name: 'main', S3BucketName: 'trail-logs-x', IsMultiRegionTrail: true, EnableLogFileValidation: true }, ctx }).ok).toBe(true);
    expect(h.value<{ ok: boolean }>({ kind: 'call', api: 'cloudtrail:StartLogging', params: { Name: 'main' }, ctx }).ok).toBe(true);
    const vpc = h.value<{ records: { eventID: string }[]; routing: { trails: { landed: boolean; deliveryDueTime: string }[] }[] }>({ kind: 'call', api: 'ec2:CreateVpc', params: { CidrBlock: '10.1.0.0/16' }, ctx });
    expect(vpc.routing[0]!.trails[0]!.landed).toBe(true);
    h.out.length = 0;
    h.value({ kind: 'advance', ms: 60_000 });
    expect(h.out.some((m) => 'push' in m && m.push === 'delivered')).toBe(false);
    h.value({ kind: 'advance', ms: 15 * 60_000 });
    const d = h.out.find((m): m is Extract<FromWorker, { push: 'delivered' }> => 'push' in m && m.push === 'delivered' && m.delivered.eventId === vpc.records[0]!.eventID);
    expect(d).toBeDefined();
    expect(d!.delivered.key).toMatch(new RegExp(`^AWSLogs/${acct}/CloudTrail/us-east-1/2026/11/23/${acct}_CloudTrail_us-east-1_20261123T\\d{4}Z_\\w+\\.json\\.gz$`));
    const file = h.value<{ text: string; gzip: boolean }>({ kind: 'object', bucket: 'trail-logs-x', key: d!.delivered.key, region: 'us-east-1' });
    expect(file.gzip).toBe(true);
    expect(file.text).toContain(vpc.records[0]!.eventID);
    expect(h.out.some((m) => 'push' in m && m.push === 'clock' && m.nowMs === SANDBOX_START + 16 * 60_000)).toBe(true);
    // Integrity validation (the CLI's validate-logs) runs as the simulator's own unrecorded call.
    h.value({ kind: 'advance', ms: 3_600_000 });
    const arn = `arn:aws:cloudtrail:us-east-1:${acct}:trail/main`;
    const report = h.value<{ ok: boolean; response?: { valid: boolean; lines: string[] } }>({ kind: 'sim', api: 'sim:ValidateLogs', params: { TrailARN: arn, StartTime: SANDBOX_START / 1000 }, ctx });
    expect(report.ok).toBe(true);
    expect(report.response!.valid).toBe(true);
    expect(report.response!.lines.at(-1)).toBe('1/1 log files valid');
    // A learner edits the delivered file through a real PutObject: validation now fails.
    expect(h.value<{ ok: boolean }>({ kind: 'call', api: 's3:PutObject', params: { Bucket: 'trail-logs-x', Key: d!.delivered.key, Body: '{"Records":[]}' }, ctx }).ok).toBe(true);
    const after = h.value<{ response?: { valid: boolean } }>({ kind: 'sim', api: 'sim:ValidateLogs', params: { TrailARN: arn, StartTime: SANDBOX_START / 1000 }, ctx });
    expect(after.response!.valid).toBe(false);
  });

  it('runs the simulator’s own unrecorded sim:* calls, and tells which events a call caused', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    const inbox = h.value<{ ok: boolean; response?: { UnreadCount: number } }>({ kind: 'sim', api: 'sim:ReadInbox', params: {}, ctx: ALICE });
    expect(inbox).toMatchObject({ ok: true, response: { UnreadCount: 0 } });
    const unknown = h.value<{ ok: boolean; error?: { code: string } }>({ kind: 'sim', api: 'sim:Nothing', params: {}, ctx: ALICE });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'Sim.UnknownApi' } });
    h.out.length = 0;
    h.value({ kind: 'call', api: 'iam:CreateUser', params: { UserName: 'carol' }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } });
    const sims = h.out.filter((m): m is Extract<FromWorker, { push: 'sim' }> => 'push' in m && m.push === 'sim');
    expect(sims.map((m) => [m.event.type, m.duringCall])).toEqual([['record.written', true], ['call.completed', true]]);
    h.out.length = 0;
    h.value({ kind: 'advance', ms: 60_000 });
    expect(h.out.filter((m) => 'push' in m && m.push === 'sim' && m.duringCall)).toEqual([]);
  });

  it('plays the clock at the chosen speed and pauses', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'play', speed: 600 });
    h.intervals.at(-1)!();
    h.intervals.at(-1)!();
    const clocks = h.out.filter((m): m is Extract<FromWorker, { push: 'clock' }> => 'push' in m && m.push === 'clock');
    expect(clocks.at(-1)).toEqual({ push: 'clock', nowMs: SANDBOX_START + 2 * TICK_MS * 600, speed: 600 });
    h.value({ kind: 'play', speed: 0 });
    h.intervals.at(-1)!();
    expect(h.ask({ kind: 'play', speed: 5 })).toMatchObject({ ok: false });
  });

  it('resets to a new sandbox: the start time, the setup, and nothing of before', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'call', api: 'iam:CreateUser', params: { UserName: 'zed' }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } });
    h.value({ kind: 'advance', ms: 86_400_000 });
    expect(h.value<{ rows: unknown[] }>({ kind: 'history', query: { region: 'us-east-1', attribute: { key: 'EventName', value: 'CreateUser' } } }).rows).toHaveLength(3);
    const fresh = h.value<{ nowMs: number; setup: unknown[] }>({ kind: 'reset' });
    expect(fresh.nowMs).toBe(SANDBOX_START);
    expect(fresh.setup.length).toBeGreaterThan(0);
    expect(h.value<{ rows: unknown[] }>({ kind: 'history', query: { region: 'us-east-1', attribute: { key: 'EventName', value: 'CreateUser' } } }).rows).toHaveLength(2);
  });

  it('restores a saved sandbox, and a bad one becomes a new sandbox with a Korean notice', () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'call', api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, ctx: ALICE });
    h.value({ kind: 'advance', ms: 3_600_000 });
    const { snapshot } = h.value<{ snapshot: unknown }>({ kind: 'snapshot' });

    const h2 = hostHarness();
    const restored = h2.value<{ nowMs: number; setup: unknown[]; noticeKo?: string }>({ kind: 'start', snapshot: JSON.parse(JSON.stringify(snapshot)) });
    expect(restored).toMatchObject({ nowMs: SANDBOX_START + 3_600_000, setup: [] });
    expect(restored.noticeKo).toBeUndefined();
    expect(h2.value<{ rows: unknown[] }>({ kind: 'history', query: { region: 'us-east-1', attribute: { key: 'Username', value: 'alice' } } }).rows).toHaveLength(1);

    const h3 = hostHarness();
    const fresh = h3.value<{ nowMs: number; setup: unknown[]; noticeKo?: string }>({ kind: 'start', snapshot: { version: 99 } });
    expect(fresh.nowMs).toBe(SANDBOX_START);
    expect(fresh.setup.length).toBeGreaterThan(0);
    expect(fresh.noticeKo).toMatch(/새 샌드박스를 만들었습니다/);
  });

  it('packs the sandbox for saving in the worker (gzip, base64) and restores from the packed form', async () => {
    const h = hostHarness();
    h.value({ kind: 'start', snapshot: null });
    h.value({ kind: 'call', api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, ctx: ALICE });
    h.value({ kind: 'advance', ms: 3_600_000 });
    const packed = await h.later<{ format: string; data: string; jsonChars: number }>({ kind: 'save' });
    const { snapshot } = h.value<{ snapshot: unknown }>({ kind: 'snapshot' });
    expect(packed.format).toBe('trailwatch-snapshot-parts+json+gzip+base64');
    expect(packed.jsonChars).toBe(JSON.stringify(snapshot).length);
    expect(packed.data.length).toBeLessThan(packed.jsonChars / 3);

    const h2 = hostHarness();
    expect(await h2.later({ kind: 'start', snapshot: JSON.parse(JSON.stringify(packed)) })).toMatchObject({ nowMs: SANDBOX_START + 3_600_000, setup: [] });
    expect(h2.value<{ snapshot: unknown }>({ kind: 'snapshot' }).snapshot).toEqual(snapshot);

    // A sandbox saved before session 12 (the whole text gzipped) still loads.
    const h4 = hostHarness();
    await h4.later({ kind: 'start', snapshot: await packText(JSON.stringify(snapshot)) });
    expect(h4.value<{ snapshot: unknown }>({ kind: 'snapshot' }).snapshot).toEqual(snapshot);

    const h3 = hostHarness();
    const broken = await h3.later<{ setup: unknown[]; noticeKo?: string }>({ kind: 'start', snapshot: { ...packed, data: packed.data.slice(0, 100) } });
    expect(broken.setup.length).toBeGreaterThan(0);
    expect(broken.noticeKo).toMatch(/새 샌드박스를 만들었습니다/);
  });
});
