// EventBridge calls its targets with one call context per Region, made once (bus-wiring.ts): targets in
// different Regions, served in turn, must each be called in their own Region as events.amazonaws.com.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { ok } from '../support';
import { account, eventBridgeTopicPolicy, ROOT, TOPIC } from './bus-setup';

const SEOUL = 'arn:aws:sns:ap-northeast-2:123456789012:seoul';
const seoul = { ...ROOT, region: 'ap-northeast-2' };

describe('EventBridge targets in several Regions', () => {
  it('publishes to each topic in its own Region, as events.amazonaws.com, event after event', () => {
    const { acct, seen } = account();
    ok(acct.call('sns:CreateTopic', { Name: 'seoul' }, seoul));
    ok(acct.call('sns:Subscribe', { TopicArn: SEOUL, Protocol: 'email', Endpoint: 'seoul@example.com' }, seoul));
    ok(acct.call('sns:SetTopicAttributes', { TopicArn: SEOUL, AttributeName: 'Policy', AttributeValue: eventBridgeTopicPolicy(SEOUL) }, seoul));
    ok(acct.call('events:PutRule', { Name: 'logins', EventPattern: JSON.stringify({ source: ['aws.signin'] }) }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'logins', Targets: [{ Id: 'home', Arn: TOPIC }, { Id: 'away', Arn: SEOUL }] }, ROOT));

    for (let i = 0; i < 3; i++) ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
    const publishes = seen.flatMap((e): CloudTrailRecord[] => (e.type === 'record.written' && e.record.eventName === 'Publish' ? [e.record] : []));
    expect(publishes.map((r) => [r.awsRegion, (r.requestParameters as { topicArn: string }).topicArn, r.errorCode ?? null])).toEqual(
      [0, 1, 2].flatMap(() => [['us-east-1', TOPIC, null], ['ap-northeast-2', SEOUL, null]]),
    );
    for (const r of publishes) {
      expect(r.userIdentity).toMatchObject({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
      expect(r.sourceIPAddress).toBe('events.amazonaws.com');
    }
  });
});
