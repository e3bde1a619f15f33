import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';
import { account, inbox, ROOT, ruleToTopic, TOPIC } from './bus-setup';

const err = (r: ReturnType<Account['call']>) => (r.ok ? { code: '', message: '' } : r.error);

describe('EventBridge rule and target validation', () => {
  it('ScheduleExpression: rate() with the right singular/plural unit and six-field cron() only', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    for (const good of ['rate(1 minute)', 'rate(5 minutes)', 'rate(1 day)', 'cron(0 12 * * ? *)', 'cron(0/15 * ? * MON-FRI *)']) {
      ok(acct.call('events:PutRule', { Name: 'sched', ScheduleExpression: good }, c));
    }
    for (const bad of ['rate(1 minutes)', 'rate(5 minute)', 'rate(0 minutes)', 'rate(5 weeks)', 'cron(0 12 * * *)', 'cron(0 12 * * * *)', 'every 5 minutes']) {
      expect(err(acct.call('events:PutRule', { Name: 'sched', ScheduleExpression: bad }, c)), bad).toEqual({ code: 'ValidationException', message: 'Parameter ScheduleExpression is not valid.' });
    }
  });

  it('PutTargets checks each target input as the service does', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('events:PutRule', { Name: 'r', EventPattern: '{"source":["my.app"]}' }, c));
    const put = (t: object) => err(acct.call('events:PutTargets', { Rule: 'r', Targets: [{ Id: 't1', Arn: TOPIC, ...t }] }, c));
    expect(put({ InputTransformer: { InputPathsMap: { a: '$.detail.a' }, InputTemplate: '"<a> and <b>"' } })).toEqual({
      code: 'ValidationException', message: 'InputTemplate for target t1 contains invalid placeholder b.',
    });
    expect(put({ Input: '{"a":1}', InputPath: '$.detail' }).message).toBe('Only one of Input, InputPath, or InputTransformer must be provided for target t1.');
    expect(put({ Input: 'not json' }).message).toBe('Input for target t1 is not a valid JSON text.');
    expect(put({ InputTransformer: { InputPathsMap: {} } }).message).toBe("1 validation error detected: Value null at 'targets.1.member.inputTransformer.inputTemplate' failed to satisfy constraint: Member must not be null");
    expect(put({ Id: 'bad id' }).code).toBe('ValidationException');
    expect(err(acct.call('events:PutTargets', { Rule: 'nope', Targets: [{ Id: 't', Arn: TOPIC }] }, c))).toEqual({ code: 'ResourceNotFoundException', message: 'Rule nope does not exist on EventBus default.' });
    const okPut = acct.call('events:PutTargets', { Rule: 'r', Targets: [{ Id: 't1', Arn: TOPIC, InputPath: '$.detail' }] }, c);
    expect(ok(okPut)).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect(onlyRecord(okPut).eventName).toBe('PutTargets');
  });

  it('TestEventPattern answers through the call surface and is a read-only management event', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const event = JSON.stringify({ id: '1', account: '123456789012', source: 'aws.ec2', time: '2026-11-01T00:00:00Z', region: 'us-east-1', resources: [], 'detail-type': 'EC2 Instance State-change Notification', detail: { state: 'running' } });
    const r = acct.call('events:TestEventPattern', { EventPattern: '{"detail":{"state":["running","stopped"]}}', Event: event }, c);
    expect(ok(r)).toEqual({ Result: true });
    expect(onlyRecord(r)).toMatchObject({ eventName: 'TestEventPattern', readOnly: true, eventCategory: 'Management', responseElements: null });
    expect(ok(acct.call('events:TestEventPattern', { EventPattern: '{"detail":{"state":["stopped"]}}', Event: event }, c))).toEqual({ Result: false });
    expect(err(acct.call('events:TestEventPattern', { EventPattern: '{"detail":{"state":"running"}}', Event: event }, c)).code).toBe('InvalidEventPatternException');
    expect(err(acct.call('events:TestEventPattern', { EventPattern: '{"source":["x"]}', Event: '{"id":"1"}' }, c))).toEqual({ code: 'ValidationException', message: 'Parameter Event is not valid.' });
  });
});

describe('PutEvents', () => {
  it('a custom event matching a rule reaches its target; bad entries fail one by one', () => {
    const { acct, seen } = account();
    ruleToTopic(acct, 'orders', { source: ['my.shop'], 'detail-type': ['Order Placed'], detail: { total: [{ numeric: ['>', 100] }] } }, {
      InputTransformer: { InputPathsMap: { id: '$.detail.orderId', total: '$.detail.total' }, InputTemplate: '{"order": <id>, "total": <total>, "rule": "<aws.events.rule-name>"}' },
    });
    const entry = (total: number) => ({ Source: 'my.shop', DetailType: 'Order Placed', Detail: JSON.stringify({ orderId: `o-${total}`, total }) });
    const r = acct.call('events:PutEvents', {
      Entries: [entry(250), entry(50), { Source: 'my.shop', DetailType: 'Order Placed' }, { Source: 'aws.s3', DetailType: 'x', Detail: '{}' }, { Source: 's', DetailType: 'd', Detail: '[1' }],
    }, ROOT);
    const answer = ok(r);
    expect(answer['FailedEntryCount']).toBe(3);
    const entries = answer['Entries'] as Record<string, string>[];
    expect(entries[0]!['EventId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[1]!['EventId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries.slice(2)).toEqual([
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
    ]);
    expect(onlyRecord(r)).toMatchObject({ eventName: 'PutEvents', eventCategory: 'Data', resources: [{ type: 'AWS::Events::EventBus', ARN: 'arn:aws:events:us-east-1:123456789012:event-bus/default' }] });
    expect(inbox(acct).map((m) => m.Message)).toEqual(['{"order":"o-250","total":250,"rule":"orders"}']);
    expect(seen.filter((e) => e.type === 'rule.matched')).toEqual([expect.objectContaining({ ruleName: 'orders', eventId: entries[0]!['EventId'], source: 'my.shop' })]);
    expect(err(acct.call('events:PutEvents', { Entries: Array.from({ length: 11 }, () => entry(1)) }, ROOT)).code).toBe('ValidationException');
  });
});

describe('snapshot and restore', () => {
  it('keeps rules, targets, topic policy and the inbox; the restored account keeps delivering', () => {
    const { acct } = account();
    ruleToTopic(acct, 'vpcs', { source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } }, { InputPath: '$.detail.eventName' });
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
    const id = inbox(acct)[0]!.Id;
    ok(acct.call('sim:MarkNotificationRead', { Id: id }, ROOT));
    const snap = acct.snapshot();
    const back = Account.restore(JSON.parse(JSON.stringify(snap)));
    expect(back.snapshot()).toEqual(snap);
    expect(ok(back.call('events:ListTargetsByRule', { Rule: 'vpcs' }, ROOT))['Targets']).toEqual([{ Id: 'inbox', Arn: TOPIC, InputPath: '$.detail.eventName' }]);
    expect(inbox(back)).toEqual([expect.objectContaining({ Id: id, Read: true, Message: '"CreateVpc"' })]);
    ok(back.call('ec2:CreateVpc', { CidrBlock: '10.2.0.0/16' }, ROOT));
    expect(inbox(back).map((m) => [m.Message, m.Read])).toEqual([['"CreateVpc"', false], ['"CreateVpc"', true]]);
    expect(back.sns.model.deliveries.map((d) => d.id)).toEqual(['msg-000001', 'msg-000002']);
  });

  it('same seed and calls give the same bytes, EventBridge deliveries included', () => {
    const run = () => {
      const { acct } = account();
      ruleToTopic(acct, 'vpcs', { source: ['aws.ec2'] });
      ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
      return JSON.stringify(acct.snapshot());
    };
    expect(run()).toBe(run());
  });

  it('refuses a malformed events or sns part', () => {
    const { acct } = account();
    const snap = acct.snapshot() as { services: Record<string, unknown> };
    expect(() => Account.restore({ ...snap, services: { ...snap.services, events: { version: 2, regions: { 'us-east-1': { r: { name: 'r', arn: 'a', state: 'ON', targets: [] } } } } } } as never)).toThrow(/events snapshot/);
    expect(() => Account.restore({ ...snap, services: { ...snap.services, sns: { version: 9, regions: {}, deliveries: [] } } } as never)).toThrow(/sns snapshot/);
    const badPattern = { name: 'r', arn: 'a', eventPattern: '{"source":"x"}', scheduleExpression: null, state: 'ENABLED', description: '', targets: [] };
    expect(() => Account.restore({ ...snap, services: { ...snap.services, events: { version: 2, regions: { 'us-east-1': { r: badPattern } } } } } as never)).toThrow(/invalid pattern or schedule/);
    const badSchedule = { ...badPattern, eventPattern: null, scheduleExpression: 'rate(1 minutes)' };
    expect(() => Account.restore({ ...snap, services: { ...snap.services, events: { version: 2, regions: { 'us-east-1': { r: badSchedule } } } } } as never)).toThrow(/invalid pattern or schedule/);
  });
});
