// Topic names are letters, digits, hyphens and underscores (SNS CreateTopic), so names such as "constructor" or
// "__proto__" are topics like any other, through create, list, publish, delete and a snapshot round trip.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator/core/contract';
import { SnsModel } from '../../../simulator/sns/model';
import { newAccount, ok, rootConsole } from '../support';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const arn = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

describe('topics named like members every object has', () => {
  it('are created, listed, published to and deleted like any topic', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'us-east-1');
    for (const name of NAMES) {
      expect(ok(acct.call('sns:CreateTopic', { Name: name }, c))).toEqual({ TopicArn: arn(name) });
      // CreateTopic is idempotent for these names too.
      expect(ok(acct.call('sns:CreateTopic', { Name: name }, c))).toEqual({ TopicArn: arn(name) });
      ok(acct.call('sns:Subscribe', { TopicArn: arn(name), Protocol: 'email', Endpoint: 'me@example.com' }, c));
      ok(acct.call('sns:Publish', { TopicArn: arn(name), Message: `to ${name}` }, c));
    }
    const listed = (ok(acct.call('sns:ListTopics', {}, c))['Topics'] as JsonObject[]).map((t) => t['TopicArn']);
    expect(listed).toEqual(NAMES.map(arn).sort());
    const inbox = ok(acct.call('sim:ReadInbox', {}, c))['Notifications'] as JsonObject[];
    expect(inbox.map((n) => n['Message']).sort()).toEqual(NAMES.map((n) => `to ${n}`).sort());
    ok(acct.call('sns:DeleteTopic', { TopicArn: arn('__proto__') }, c));
    const after = acct.call('sns:Publish', { TopicArn: arn('__proto__'), Message: 'gone' }, c);
    expect(after.ok ? null : after.error).toEqual({ code: 'NotFound', message: 'Topic does not exist' });
    expect((ok(acct.call('sns:ListTopics', {}, c))['Topics'] as JsonObject[]).length).toBe(NAMES.length - 1);
  });

  it('survive a snapshot and its restore', () => {
    const m = new SnsModel();
    for (const name of NAMES) m.createTopic('us-east-1', name, arn(name), '123456789012');
    const saved = m.snapshot();
    const back = new SnsModel();
    back.restore(saved);
    for (const name of NAMES) expect(back.topicByArn('us-east-1', arn(name)).name).toBe(name);
    expect(Object.keys(back.topics('us-east-1'))).toEqual(NAMES);
    expect(back.snapshot()).toEqual(saved);
    expect(JSON.stringify(back.snapshot())).toBe(JSON.stringify(saved));
  });

  it('refuses a snapshot whose Region is not a set of topics', () => {
    const m = new SnsModel();
    expect(() => m.restore({ version: 2, seq: 0, regions: { 'us-east-1': null }, deliveries: [] })).toThrow('sns snapshot: malformed');
    expect(() => m.restore({ version: 2, seq: 0, regions: { 'us-east-1': { t: { name: 't' } } }, deliveries: [] })).toThrow('sns snapshot: malformed topic');
  });
});
