import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('SNS', () => {
  it('topics, email subscriptions and Publish (a data event) deliver to the inbox', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'us-west-2');
    const arn = ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c))['TopicArn'];
    expect(arn).toBe('arn:aws:sns:us-west-2:123456789012:alerts');
    expect(ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c))['TopicArn']).toBe(arn);
    ok(acct.call('sns:Subscribe', { TopicArn: arn as string, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    const r = acct.call('sns:Publish', { TopicArn: arn as string, Subject: 'Root login', Message: 'root signed in' }, c);
    const id = ok(r)['MessageId'];
    const rec = onlyRecord(r);
    expect(rec.eventCategory).toBe('Data');
    expect(rec.requestParameters).toEqual({ topicArn: arn, subject: 'Root login' });
    expect(acct.sns.model.deliveries).toEqual([
      expect.objectContaining({ endpoint: 'me@example.com', protocol: 'email', messageId: id, subject: 'Root login', message: 'root signed in' }),
    ]);
    const missing = acct.call('sns:Publish', { TopicArn: 'arn:aws:sns:us-west-2:123456789012:nope', Message: 'x' }, c);
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'NotFound', message: 'Topic does not exist' });
    expect(ok(acct.call('sns:ListTopics', {}, c))['Topics']).toEqual([{ TopicArn: arn }]);
    ok(acct.call('sns:DeleteTopic', { TopicArn: arn as string }, c));
    expect(ok(acct.call('sns:ListTopics', {}, c))['Topics']).toEqual([]);
  });
});
