// Rule names are [.\-_A-Za-z0-9]+ (PutRule), so "constructor" or "__proto__" name rules like any other: found,
// listed, matched, deleted and restored, and never mistaken for members every object has.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../simulator/core/contract';
import { EventsModel } from '../../../simulator/events/model';
import { account, inbox, ROOT, ruleToTopic } from './bus-setup';
import { newAccount, ok, rootConsole } from '../support';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
const PATTERN = JSON.stringify({ source: ['aws.signin'] });

describe('rules named like members every object has', () => {
  it('are absent until put, then described, listed and deleted like any rule', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    for (const name of NAMES) {
      const missing = acct.call('events:DescribeRule', { Name: name }, c);
      expect(missing.ok ? null : missing.error).toEqual({ code: 'ResourceNotFoundException', message: `Rule ${name} does not exist on EventBus default.` });
    }
    for (const name of NAMES) ok(acct.call('events:PutRule', { Name: name, EventPattern: PATTERN }, c));
    const listed = (ok(acct.call('events:ListRules', {}, c))['Rules'] as JsonObject[]).map((r) => r['Name']);
    expect(listed).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(ok(acct.call('events:DescribeRule', { Name: name }, c))['Name']).toBe(name);
    ok(acct.call('events:DeleteRule', { Name: '__proto__' }, c));
    expect((ok(acct.call('events:ListRules', {}, c))['Rules'] as JsonObject[]).map((r) => r['Name'])).toEqual(['constructor', 'hasOwnProperty', 'toString']);
  });

  it('match events and send them to their targets', () => {
    const { acct, seen } = account();
    ruleToTopic(acct, '__proto__', { source: ['aws.signin'] });
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
    expect(seen.flatMap((e) => (e.type === 'rule.matched' ? [e.ruleName] : []))).toEqual(['__proto__']);
    expect(inbox(acct)).toHaveLength(1);
  });

  it('survive a snapshot and its restore', () => {
    const m = new EventsModel();
    for (const name of NAMES) {
      m.putRule('us-east-1', { name, arn: `arn:aws:events:us-east-1:123456789012:rule/${name}`, eventPattern: PATTERN, scheduleExpression: null, state: 'ENABLED', description: '', targets: [] });
    }
    const saved = m.snapshot();
    const back = new EventsModel();
    back.restore(saved);
    expect(back.ordered('us-east-1').map((r) => r.name)).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(back.rule('us-east-1', name).name).toBe(name);
    expect(JSON.stringify(back.snapshot())).toBe(JSON.stringify(saved));
    expect(() => back.restore({ version: 2, regions: { 'us-east-1': null } })).toThrow('events snapshot: malformed');
  });
});
