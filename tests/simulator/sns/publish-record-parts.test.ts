// A Publish record's requestParameters and resources are handed out again while publishes name the same topic.
// Records must still say exactly what each publish asked, topic by topic, with and without a Subject, refused,
// failed or delivered, as the objects made afresh for every publish did.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator/core/contract';
import { PublishRecordParts, topicResources } from '../../../simulator/sns/publish-record-parts';
import { newAccount, ok, rootConsole } from '../support';

const ACCOUNT = '123456789012';
const arn = (name: string, region = 'us-east-1') => `arn:aws:sns:${region}:${ACCOUNT}:${name}`;

describe('PublishRecordParts', () => {
  it('answers what a fresh object would, whatever order the topics and subjects come in', () => {
    const parts = new PublishRecordParts(ACCOUNT);
    const asks: [string, string | undefined][] = [
      [arn('a'), undefined], [arn('a'), undefined], [arn('b'), 'hi'], [arn('a'), undefined], [arn('b'), undefined], [arn('b'), ''],
      ['', undefined], [arn('a'), 'x'], [arn('a'), undefined], [arn('a', 'eu-west-1'), undefined], [arn('a'), undefined],
    ];
    for (const [topicArn, subject] of asks) {
      expect(parts.requestParameters(topicArn, subject)).toEqual(subject ? { topicArn, subject } : { topicArn });
      expect(parts.resources(topicArn)).toEqual([{ accountId: ACCOUNT, type: 'AWS::SNS::Topic', ARN: topicArn }]);
      expect(parts.resources(topicArn)).toEqual(topicResources(ACCOUNT, topicArn));
    }
  });
});

describe('Publish records through the account', () => {
  it('name each publish its own topic, subject and outcome', () => {
    const { acct, ingested } = newAccount();
    const root = rootConsole(acct);
    for (const name of ['a', 'b']) ok(acct.call('sns:CreateTopic', { Name: name }, root));
    const publishes: JsonObject[] = [
      { TopicArn: arn('a'), Message: 'one' },
      { TopicArn: arn('a'), Message: 'two', Subject: 'S' },
      { TopicArn: arn('b'), Message: 'three' },
      { TopicArn: arn('a'), Message: 'four' },
      { TopicArn: arn('missing'), Message: 'five' },
      { TopicArn: arn('b') },
      { TopicArn: arn('b'), Message: 'six' },
    ];
    const from = ingested.length;
    const answers = publishes.map((p) => acct.call('sns:Publish', p, root));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'NotFound', 'InvalidParameter', 'ok']);
    const records = ingested.slice(from);
    expect(records.map((r) => r.requestParameters)).toEqual(publishes.map((p) => (p['Subject'] ? { topicArn: p['TopicArn'], subject: p['Subject'] } : { topicArn: p['TopicArn'] })));
    expect(records.map((r) => r.resources)).toEqual(publishes.map((p) => [{ accountId: ACCOUNT, type: 'AWS::SNS::Topic', ARN: p['TopicArn'] }]));
    expect(records.map((r) => r.errorCode ?? null)).toEqual([null, null, null, null, 'NotFound', 'InvalidParameter', null]);
  });
});
