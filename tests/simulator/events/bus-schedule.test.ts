import { describe, expect, it } from 'vitest';
import { nextFiring, parseSchedule } from '../../../simulator/events/bus-schedule';
import { ok, START } from '../support';
import { account, inbox, ROOT, TOPIC } from './bus-setup';

const at = (iso: string) => Date.parse(iso);

describe('scheduled rules', () => {
  it('rate(5 minutes) fires every five minutes from PutRule with a "Scheduled Event" for its own targets', () => {
    const { acct, seen } = account({ trail: false });
    ok(acct.call('events:PutRule', { Name: 'tick', ScheduleExpression: 'rate(5 minutes)' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'tick', Targets: [{ Id: 't', Arn: TOPIC }] }, ROOT));
    acct.advance('PT16M');
    const mail = inbox(acct).reverse();
    expect(mail).toHaveLength(3);
    const events = mail.map((m) => JSON.parse(m.Message) as Record<string, unknown>);
    expect(events.map((e) => e['time'])).toEqual(['2026-11-01T00:05:00Z', '2026-11-01T00:10:00Z', '2026-11-01T00:15:00Z']);
    expect(events[0]).toMatchObject({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012', region: 'us-east-1', resources: ['arn:aws:events:us-east-1:123456789012:rule/tick'], detail: {} });
    expect(seen.filter((e) => e.type === 'rule.matched').length).toBe(3);
    ok(acct.call('events:DisableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT30M');
    expect(inbox(acct)).toHaveLength(3);
  });

  it('a re-enabled rule resumes on its own period boundaries, without firing for the periods it missed', () => {
    const { acct } = account({ trail: false });
    ok(acct.call('events:PutRule', { Name: 'tick', ScheduleExpression: 'rate(5 minutes)' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'tick', Targets: [{ Id: 't', Arn: TOPIC }] }, ROOT));
    acct.advance('PT6M');
    ok(acct.call('events:DisableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT31M');
    // Enabled again at 00:37: nothing for 00:10…00:35, then 00:40 and 00:45 as before.
    ok(acct.call('events:EnableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT1M');
    expect(inbox(acct)).toHaveLength(1);
    acct.advance('PT8M');
    const times = inbox(acct).reverse().map((m) => (JSON.parse(m.Message) as { time: string }).time);
    expect(times).toEqual(['2026-11-01T00:05:00Z', '2026-11-01T00:40:00Z', '2026-11-01T00:45:00Z']);
    // The same through PutRule with State ENABLED, and across a snapshot.
    ok(acct.call('events:DisableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT20M');
    ok(acct.call('events:PutRule', { Name: 'tick', ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' }, ROOT));
    const restored = (acct.constructor as typeof import('../../../simulator/account').Account).restore(acct.snapshot());
    for (const a of [acct, restored]) a.advance('PT6M');
    const after = (a: typeof acct) => inbox(a).reverse().map((m) => (JSON.parse(m.Message) as { time: string }).time).slice(3);
    expect(after(acct)).toEqual(['2026-11-01T01:10:00Z']);
    expect(after(restored)).toEqual(after(acct));
  });

  it('cron(0 12 * * ? *) fires at noon UTC each day; a pattern rule is not offered scheduled events', () => {
    const { acct } = account({ trail: false });
    ok(acct.call('events:PutRule', { Name: 'noon', ScheduleExpression: 'cron(0 12 * * ? *)' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'noon', Targets: [{ Id: 't', Arn: TOPIC, InputTransformer: { InputPathsMap: { t: '$.time' }, InputTemplate: '"noon: <t>"' } }] }, ROOT));
    ok(acct.call('events:PutRule', { Name: 'all-events', EventPattern: '{"source":["aws.events"]}' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'all-events', Targets: [{ Id: 't', Arn: TOPIC, Input: '"other"' }] }, ROOT));
    acct.advance('P2D');
    expect(inbox(acct).map((m) => m.Message)).toEqual(['"noon: 2026-11-02T12:00:00Z"', '"noon: 2026-11-01T12:00:00Z"']);
  });

  it('cron wildcards the simulation does not run are refused clearly, not silently ignored', () => {
    const { acct } = account({ trail: false, topic: false });
    const r = acct.call('events:PutRule', { Name: 'last-day', ScheduleExpression: 'cron(0 12 L * ? *)' }, ROOT);
    expect(r.ok ? '' : r.error.code).toBe('Sim.UnsupportedSchedule');
    expect(r.records).toEqual([]);
    const bad = acct.call('events:PutRule', { Name: 'bad', ScheduleExpression: 'cron(75 12 * * ? *)' }, ROOT);
    expect(bad.ok ? '' : bad.error.message).toBe('Parameter ScheduleExpression is not valid.');
  });

  it('nextFiring follows day-of-week 1-7 = SUN-SAT, steps and names', () => {
    const weekdays = parseSchedule('cron(0/15 9 ? * MON-FRI *)');
    // 2026-11-01 is a Sunday.
    expect(nextFiring(weekdays, START, START)).toBe(at('2026-11-02T09:00:00Z'));
    expect(nextFiring(weekdays, START, at('2026-11-02T09:00:00Z'))).toBe(at('2026-11-02T09:15:00Z'));
    expect(nextFiring(weekdays, START, at('2026-11-06T09:45:00Z'))).toBe(at('2026-11-09T09:00:00Z'));
    expect(nextFiring(parseSchedule('cron(30 6 1 JAN ? 2027)'), START, START)).toBe(at('2027-01-01T06:30:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 1 1 ? 2020)'), START, START)).toBe(Infinity);
    expect(nextFiring(parseSchedule('rate(1 hour)'), START + 30_000, START + 30_000)).toBe(START + 30_000 + 3_600_000);
  });

  it('a 91-day advance with an hourly rule stays fast', () => {
    const { acct } = account({ trail: false });
    ok(acct.call('events:PutRule', { Name: 'hourly', ScheduleExpression: 'rate(1 hour)' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'hourly', Targets: [{ Id: 't', Arn: TOPIC, Input: '"tick"' }] }, ROOT));
    const t0 = performance.now();
    acct.advance('P91D');
    const took = performance.now() - t0;
    expect(acct.sns.model.deliveries).toHaveLength(91 * 24);
    expect(took).toBeLessThan(15_000);
  });
});
