// Publish's refusal of a service principal the topic policy does not name is made once per topic and principal,
// and topics are found by the name in their ARN: the answers must stay AWS's, topic by topic, policy by policy.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { SnsModel } from '../../../simulator/sns/model';
import { defaultTopicAttributes } from '../../../simulator/sns/topic-policy';
import { account, eventBridgeTopicPolicy, ROOT, TOPIC } from '../events/bus-setup';
import { ok } from '../support';

const OTHER = 'arn:aws:sns:us-east-1:123456789012:other';
const refusal = (topic: string) =>
  `User: events.amazonaws.com is not authorized to perform: SNS:Publish on resource: ${topic} because no resource-based policy allows the SNS:Publish action`;

describe("EventBridge's publish to a topic whose policy does not name it", () => {
  it('is refused in words naming each topic, the same every time, until the policy allows it', () => {
    const { acct, seen } = account({ policy: false });
    ok(acct.call('sns:CreateTopic', { Name: 'other' }, ROOT));
    ok(acct.call('sns:Subscribe', { TopicArn: OTHER, Protocol: 'email', Endpoint: 'other@example.com' }, ROOT));
    ok(acct.call('events:PutRule', { Name: 'logins', EventPattern: JSON.stringify({ source: ['aws.signin'] }) }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'logins', Targets: [{ Id: 'a', Arn: TOPIC }, { Id: 'b', Arn: OTHER }] }, ROOT));
    const publishes = (): CloudTrailRecord[] => seen.flatMap((e) => (e.type === 'record.written' && e.record.eventName === 'Publish' ? [e.record] : []));

    for (let i = 0; i < 3; i++) ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
    const refused = publishes();
    expect(refused.map((r) => [r.errorCode, r.errorMessage])).toEqual(
      [0, 1, 2].flatMap(() => [['AuthorizationError', refusal(TOPIC)], ['AuthorizationError', refusal(OTHER)]]),
    );
    const invoked = seen.flatMap((e) => (e.type === 'target.invoked' ? [e] : []));
    expect(invoked.map((e) => [e.targetId, e.ok, e.errorCode])).toEqual([0, 1, 2].flatMap(() => [['a', false, 'AuthorizationError'], ['b', false, 'AuthorizationError']]));

    // The policy changes: the topic that now names EventBridge takes the message, the other still refuses.
    ok(acct.call('sns:SetTopicAttributes', { TopicArn: OTHER, AttributeName: 'Policy', AttributeValue: eventBridgeTopicPolicy(OTHER) }, ROOT));
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
    expect(publishes().slice(6).map((r) => [r.errorCode ?? null, r.errorMessage ?? null])).toEqual([['AuthorizationError', refusal(TOPIC)], [null, null]]);
    const inbox = ok(acct.call('sim:ReadInbox', {}, ROOT))['Notifications'] as JsonObject[];
    expect(inbox.map((n) => n['TopicArn'])).toEqual([OTHER]);
  });
});

describe('SnsModel.topicByArn', () => {
  const topic = (name: string, arn: string) => ({ name, arn, subscriptions: [], attributes: defaultTopicAttributes(arn, '123456789012') });

  it('finds a topic by its ARN in the Region asked, however a snapshot keyed it', () => {
    const m = new SnsModel();
    m.restore({ version: 2, seq: 0, regions: { 'us-east-1': { 'not-its-name': topic('alerts', TOPIC), other: topic('other', OTHER) } }, deliveries: [] });
    expect(m.topicByArn('us-east-1', TOPIC).name).toBe('alerts');
    expect(m.topicByArn('us-east-1', OTHER).name).toBe('other');
    expect(() => m.topicByArn('eu-west-1', TOPIC)).toThrow('Topic does not exist');
    expect(() => m.topicByArn('us-east-1', `${TOPIC}x`)).toThrow('Topic does not exist');
  });

  it('never takes a member every object has for a topic', () => {
    const m = new SnsModel();
    m.createTopic('us-east-1', 'alerts', TOPIC, '123456789012');
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(() => m.topicByArn('us-east-1', `arn:aws:sns:us-east-1:123456789012:${name}`)).toThrow('Topic does not exist');
    }
  });
});

describe('SnsModel.topicByArn asked for the same topic again', () => {
  const topic = (name: string, arn: string) => ({ name, arn, subscriptions: [], attributes: defaultTopicAttributes(arn, '123456789012') });

  it('never answers a topic that was deleted, replaced, restored over, or asked for in another Region', () => {
    const m = new SnsModel();
    const first = m.createTopic('us-east-1', 'alerts', TOPIC, '123456789012');
    expect(m.topicByArn('us-east-1', TOPIC)).toBe(first);
    expect(m.topicByArn('us-east-1', TOPIC)).toBe(first);
    expect(() => m.topicByArn('eu-west-1', TOPIC)).toThrow('Topic does not exist');
    // DeleteTopic removes it from the Region's topics.
    delete m.topics('us-east-1')['alerts'];
    expect(() => m.topicByArn('us-east-1', TOPIC)).toThrow('Topic does not exist');
    const second = m.createTopic('us-east-1', 'alerts', TOPIC, '123456789012');
    expect(m.topicByArn('us-east-1', TOPIC)).toBe(second);
    expect(second).not.toBe(first);
    // A snapshot keeps it under another key and another topic under its name with another ARN.
    m.restore({ version: 2, seq: 0, regions: { 'us-east-1': { elsewhere: topic('alerts', TOPIC), alerts: topic('alerts', OTHER) } }, deliveries: [] });
    const restored = m.topicByArn('us-east-1', TOPIC);
    expect(restored).not.toBe(second);
    expect(restored).toBe(m.topics('us-east-1')['elsewhere']);
    expect(m.topicByArn('us-east-1', OTHER)).toBe(m.topics('us-east-1')['alerts']);
    expect(m.topicByArn('us-east-1', TOPIC)).toBe(restored);
  });
});
