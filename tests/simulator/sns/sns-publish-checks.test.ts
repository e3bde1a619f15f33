// Publish's cheap paths: the size limit decided from the text's length where it can be, and topic-policy
// decisions kept between publishes but never outliving a policy change.
import { describe, expect, it } from 'vitest';
import { policyAllowsServicePublish, defaultTopicPolicy } from '../../../simulator/sns/topic-policy';
import { newAccount, ok, rootConsole } from '../support';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const allowEvents = (sourceArn?: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: TOPIC,
    ...(sourceArn ? { Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } } } : {}),
  }],
});

describe('sns:Publish message size', () => {
  it('counts UTF-8 bytes: 256 KiB of three-byte characters is the limit', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'us-east-1');
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    const fits = '가'.repeat(87_381); // 262,143 bytes
    expect(acct.call('sns:Publish', { TopicArn: TOPIC, Message: fits }, c).ok).toBe(true);
    const over = acct.call('sns:Publish', { TopicArn: TOPIC, Message: `${fits}가` }, c); // 262,146 bytes
    expect(over.ok ? '' : over.error).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Message too long' });
    expect(acct.call('sns:Publish', { TopicArn: TOPIC, Message: 'a'.repeat(262_144) }, c).ok).toBe(true);
    expect(acct.call('sns:Publish', { TopicArn: TOPIC, Message: 'a'.repeat(262_145) }, c).ok).toBe(false);
  });
});

describe('policyAllowsServicePublish', () => {
  it('answers each policy, topic, principal and source on its own merits, however often asked', () => {
    const ctx = { sourceAccount: '123456789012' };
    const rule = 'arn:aws:events:us-east-1:123456789012:rule/r';
    for (let i = 0; i < 3; i++) {
      expect(policyAllowsServicePublish(defaultTopicPolicy(TOPIC, '123456789012'), TOPIC, 'events.amazonaws.com', ctx)).toBe(false);
      expect(policyAllowsServicePublish(allowEvents(), TOPIC, 'events.amazonaws.com', ctx)).toBe(true);
      expect(policyAllowsServicePublish(allowEvents(), `${TOPIC}2`, 'events.amazonaws.com', ctx)).toBe(false);
      expect(policyAllowsServicePublish(allowEvents(), TOPIC, 'cloudwatch.amazonaws.com', ctx)).toBe(false);
      expect(policyAllowsServicePublish(allowEvents(rule), TOPIC, 'events.amazonaws.com', { ...ctx, sourceArn: rule })).toBe(true);
      expect(policyAllowsServicePublish(allowEvents(rule), TOPIC, 'events.amazonaws.com', { ...ctx, sourceArn: `${rule}x` })).toBe(false);
      // No source ARN at all is not the empty one: the condition cannot hold.
      expect(policyAllowsServicePublish(allowEvents(rule), TOPIC, 'events.amazonaws.com', ctx)).toBe(false);
    }
  });
});
