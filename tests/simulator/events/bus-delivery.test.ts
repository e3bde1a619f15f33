import { describe, expect, it } from 'vitest';
import { ok } from '../support';
import { account, inbox, ROOT, ruleToTopic, TOPIC } from './bus-setup';

const ROOT_LOGIN = { 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { eventName: ['ConsoleLogin'], userIdentity: { type: ['Root'] } } };

describe('the default event bus delivers CloudTrail records to rules and their SNS targets', () => {
  it("the learner's example: a root ConsoleLogin rule with an InputTransformer sends exactly the short message", () => {
    const { acct, seen } = account();
    ruleToTopic(acct, 'root-login', ROOT_LOGIN, {
      InputTransformer: {
        InputPathsMap: { who: '$.detail.userIdentity.type', at: '$.detail.eventTime', ip: '$.detail.sourceIPAddress', result: '$.detail.responseElements.ConsoleLogin', mfa: '$.detail.additionalEventData.MFAUsed' },
        InputTemplate: '"<who> sign-in <result> at <at> from <ip> (MFA: <mfa>)"',
      },
    });
    acct.advance('PT1H');
    const login = acct.call('signin:ConsoleLogin', { success: true, mfa: false }, { ...ROOT, region: 'ap-northeast-2' });
    ok(login);
    const rec = login.records[0]!;
    // Root signs in through us-east-1 whatever the console Region, so the rule in us-east-1 sees it.
    expect(rec.awsRegion).toBe('us-east-1');
    const mail = inbox(acct);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.Message).toBe(`"Root sign-in Success at ${rec.eventTime} from ${rec.sourceIPAddress} (MFA: No)"`);
    expect(mail[0]!.Read).toBe(false);
    expect(mail[0]!.Origin).toMatchObject({ kind: 'eventbridge', ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/root-login' });
    // The call's routing says where the record went on the EventBridge side.
    expect((login.routing[0] as { eventBridge: unknown }).eventBridge).toMatchObject({
      delivered: true, code: 'DELIVERED', detailType: 'AWS Console Sign In via CloudTrail', matchedRules: [{ ruleName: 'root-login', targets: [{ id: 'inbox', ok: true }] }],
    });
    const types = seen.map((e) => e.type);
    const matched = types.lastIndexOf('rule.matched');
    expect(matched).toBeGreaterThan(-1);
    expect(types.indexOf('target.invoked', matched)).toBeGreaterThan(matched);
    expect(types.indexOf('notification.delivered', matched)).toBeGreaterThan(matched);
    const delivered = seen.find((e) => e.type === 'notification.delivered');
    expect(delivered).toMatchObject({ topicArn: TOPIC, endpoint: 'learner@example.com', deliveryId: mail[0]!.Id });
  });

  it("EventBridge's publish is an SNS data event by events.amazonaws.com: never in event history", () => {
    const { acct, seen } = account();
    ruleToTopic(acct, 'root-login', ROOT_LOGIN);
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
    const publish = seen.flatMap((e) => (e.type === 'record.written' && e.record.eventName === 'Publish' ? [e] : []));
    expect(publish).toHaveLength(1);
    expect(publish[0]!.record.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
    expect(publish[0]!.record.eventCategory).toBe('Data');
    expect(publish[0]!.routing).toMatchObject({ eventHistory: { landed: false, code: 'DATA_EVENT' } });
    // With no input shaping the target receives the whole event.
    const event = JSON.parse(inbox(acct)[0]!.Message) as Record<string, unknown>;
    expect(event).toMatchObject({ version: '0', source: 'aws.signin', 'detail-type': 'AWS Console Sign In via CloudTrail', account: '123456789012', region: 'us-east-1', resources: [] });
    expect((event['detail'] as { eventName: string }).eventName).toBe('ConsoleLogin');
  });

  it('without a topic policy for events.amazonaws.com the publish is refused and nothing arrives', () => {
    const { acct, seen } = account({ policy: false });
    ruleToTopic(acct, 'root-login', ROOT_LOGIN);
    const login = acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT);
    expect(inbox(acct)).toEqual([]);
    expect(seen.find((e) => e.type === 'target.invoked')).toMatchObject({ ok: false, errorCode: 'AuthorizationError' });
    expect((login.routing[0] as { eventBridge: { matchedRules: { targets: { ok: boolean }[] }[] } }).eventBridge.matchedRules[0]!.targets[0]!.ok).toBe(false);
  });

  it('without a logging trail no CloudTrail record reaches the bus', () => {
    const { acct, seen } = account({ trail: false });
    ruleToTopic(acct, 'root-login', ROOT_LOGIN);
    const login = acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT);
    expect((login.routing[0] as { eventBridge?: { code: string } }).eventBridge?.code).toBe('NO_LOGGING_TRAIL');
    expect(seen.some((e) => e.type === 'rule.matched')).toBe(false);
    expect(inbox(acct)).toEqual([]);
  });

  it('read-only Describe* calls skip ENABLED rules but reach ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS rules', () => {
    const { acct } = account();
    const describe = { source: ['aws.ec2'], detail: { eventName: ['DescribeVpcs'] } };
    ruleToTopic(acct, 'normal', describe, { Input: '"normal"' });
    ruleToTopic(acct, 'all-management', describe, { Input: '"all"' }, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    const r = acct.call('ec2:DescribeVpcs', {}, ROOT);
    ok(r);
    expect(inbox(acct).map((m) => m.Message)).toEqual(['"all"']);
    expect((r.routing[0] as { eventBridge: { code: string } }).eventBridge.code).toBe('DELIVERED_READ_ONLY');
  });

  it('an S3 PutObject (a data event) reaches the bus only once a trail logs it', () => {
    const { acct } = account();
    ok(acct.call('s3:CreateBucket', { Bucket: 'photos' }, ROOT));
    ruleToTopic(acct, 'uploads', { source: ['aws.s3'], detail: { eventName: ['PutObject'] } }, { InputPath: '$.detail.requestParameters.key' });
    const before = acct.call('s3:PutObject', { Bucket: 'photos', Key: 'a.jpg', Body: 'x' }, ROOT);
    expect((before.routing[0] as { eventBridge: { code: string } }).eventBridge.code).toBe('DATA_EVENT_NOT_LOGGED');
    expect(inbox(acct)).toEqual([]);
    ok(
      acct.call('cloudtrail:PutEventSelectors', { TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }] }] }, ROOT),
    );
    ok(acct.call('s3:PutObject', { Bucket: 'photos', Key: 'b.jpg', Body: 'y' }, ROOT));
    expect(inbox(acct).map((m) => m.Message)).toEqual(['"b.jpg"']);
  });

  it('DisableRule stops delivery and EnableRule resumes it', () => {
    const { acct } = account();
    ruleToTopic(acct, 'vpcs', { source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } }, { InputPath: '$.detail.eventName' });
    ok(acct.call('events:DisableRule', { Name: 'vpcs' }, ROOT));
    expect(ok(acct.call('events:DescribeRule', { Name: 'vpcs' }, ROOT))['State']).toBe('DISABLED');
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
    expect(inbox(acct)).toEqual([]);
    ok(acct.call('events:EnableRule', { Name: 'vpcs' }, ROOT));
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.1.0.0/16' }, ROOT));
    expect(inbox(acct).map((m) => m.Message)).toEqual(['"CreateVpc"']);
  });

  it('a rule in another Region does not see the record', () => {
    const { acct } = account();
    ok(acct.call('events:PutRule', { Name: 'vpcs', EventPattern: JSON.stringify({ source: ['aws.ec2'] }) }, { ...ROOT, region: 'eu-west-1' }));
    ok(acct.call('events:PutTargets', { Rule: 'vpcs', Targets: [{ Id: 't', Arn: TOPIC }] }, { ...ROOT, region: 'eu-west-1' }));
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
    expect(inbox(acct)).toEqual([]);
  });

  it('a Lambda target is invoked asynchronously by events.amazonaws.com; other target types are reported, not faked', () => {
    const { acct, seen } = account({ topic: false });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    ok(acct.call('iam:CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: trust }, ROOT));
    ok(acct.call('lambda:CreateFunction', { FunctionName: 'on-vpc', Runtime: 'python3.12', Role: 'arn:aws:iam::123456789012:role/fn-role', Handler: 'app.handler', Code: { ZipFile: btoa('PK zip') } }, ROOT));
    acct.advance('PT1M');
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:on-vpc';
    ok(acct.call('events:PutRule', { Name: 'vpcs', EventPattern: JSON.stringify({ source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } }) }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'vpcs', Targets: [{ Id: 'fn', Arn: fn }, { Id: 'queue', Arn: 'arn:aws:sqs:us-east-1:123456789012:q' }] }, ROOT));
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
    const invoke = seen.flatMap((e) => (e.type === 'record.written' && e.record.eventName === 'Invoke' ? [e.record] : []));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]!.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
    const targets = seen.flatMap((e) => (e.type === 'target.invoked' ? [[e.targetId, e.ok, e.errorCode ?? null]] : []));
    expect(targets).toEqual([
      ['fn', true, null],
      ['queue', false, 'Sim.UnsupportedTarget'],
    ]);
  });
});
