// policyAllowsServicePublish keeps its answers (the last question, then one per policy, topic, service, source
// and account): asked in any order and again, it must give each question the answer its policy gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTopicPolicy, policyAllowsServicePublish } from '../../../simulator/sns/topic-policy';

const ACCOUNT = '123456789012';
const TOPIC_A = `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`;
const TOPIC_B = `arn:aws:sns:us-east-1:${ACCOUNT}:other`;
const RULE_A = `arn:aws:events:us-east-1:${ACCOUNT}:rule/a`;
const RULE_B = `arn:aws:events:us-east-1:${ACCOUNT}:rule/b`;
const EVENTS = 'events.amazonaws.com';

const statement = (extra: object) => ({ Effect: 'Allow', Principal: { Service: EVENTS }, Action: 'sns:Publish', Resource: TOPIC_A, ...extra });
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

interface Question {
  policy: string | undefined;
  topic: string;
  service: string;
  sourceArn: string | undefined;
  account: string;
}

/** Each policy with what it decides, written from the policy's statements. */
const POLICIES: Array<{ text: string | undefined; allows: (q: Question) => boolean }> = [
  // The default policy names "AWS": "*", not service principals.
  { text: defaultTopicPolicy(TOPIC_A, ACCOUNT), allows: () => false },
  { text: policy(statement({})), allows: (q) => q.service === EVENTS && q.topic === TOPIC_A },
  { text: policy(statement({ Condition: { ArnEquals: { 'aws:SourceArn': RULE_A } } })), allows: (q) => q.service === EVENTS && q.topic === TOPIC_A && q.sourceArn === RULE_A },
  { text: policy(statement({ Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } })), allows: (q) => q.service === EVENTS && q.topic === TOPIC_A && q.account === ACCOUNT },
  {
    text: policy(statement({ Resource: '*' }), { ...statement({ Resource: '*' }), Effect: 'Deny', Condition: { ArnLike: { 'aws:SourceArn': '*rule/b' } } }),
    // A Deny whose condition key is absent (no aws:SourceArn) does not apply.
    allows: (q) => q.service === EVENTS && q.sourceArn !== RULE_B },
  { text: 'not json', allows: () => false },
  { text: undefined, allows: () => false },
];

describe('policyAllowsServicePublish, answers kept', () => {
  it("gives every question its policy's answer, in any order and asked again", () => {
    const question = fc.record({
      policy: fc.integer({ min: 0, max: POLICIES.length - 1 }),
      topic: fc.constantFrom(TOPIC_A, TOPIC_B),
      service: fc.constantFrom(EVENTS, 'cloudwatch.amazonaws.com'),
      sourceArn: fc.constantFrom(RULE_A, RULE_B, undefined),
      account: fc.constantFrom(ACCOUNT, '111122223333'),
      again: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 30 }), (questions) => {
        for (const q of questions) {
          const p = POLICIES[q.policy]!;
          const asked: Question = { policy: p.text, topic: q.topic, service: q.service, sourceArn: q.sourceArn, account: q.account };
          // The same question again, with strings that are copies (equal text, other objects) as well.
          for (let i = 0; i <= q.again; i++) {
            const topic = i % 2 === 0 ? q.topic : [...q.topic].join('');
            expect(policyAllowsServicePublish(p.text, topic, q.service, { sourceArn: q.sourceArn, sourceAccount: q.account })).toBe(p.allows(asked));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
