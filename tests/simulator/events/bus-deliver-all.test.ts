// deliverAll builds the routing's matched rules with loops into lists made at their size: every matched rule in
// name order, with no target, one or several, each target's result in the order PutTargets gave them, and the
// SimEvents in the order rules and targets were served.
import { describe, expect, it } from 'vitest';
import { account, ROOT, TOPIC } from './bus-setup';
import { ok } from '../support';

const RULE = (name: string) => `arn:aws:events:us-east-1:123456789012:rule/${name}`;
const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:q';
const FAR_TOPIC = 'arn:aws:sns:sa-east-1:123456789012:far';

describe('deliverAll', () => {
  it('lists every matched rule with each target result, in order, for rules of zero, one and three targets', () => {
    const { acct, seen } = account();
    const pattern = JSON.stringify({ source: ['aws.s3'], detail: { eventName: ['CreateBucket'] } });
    for (const name of ['c-one', 'a-none', 'b-three']) ok(acct.call('events:PutRule', { Name: name, EventPattern: pattern }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'c-one', Targets: [{ Id: 'mail', Arn: TOPIC }] }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'b-three', Targets: [{ Id: 'q', Arn: QUEUE }, { Id: 'mail', Arn: TOPIC }, { Id: 'far', Arn: FAR_TOPIC }] }, ROOT));
    const from = seen.length;
    const r = acct.call('s3:CreateBucket', { Bucket: 'deliver-all' }, ROOT);
    ok(r);
    const bus = (r.routing[0] as { eventBridge: { eventId: string; matchedRules: unknown[] } }).eventBridge;
    const mail = { id: 'mail', arn: TOPIC, ok: true };
    expect(JSON.parse(JSON.stringify(bus.matchedRules))).toEqual([
      { ruleName: 'a-none', ruleArn: RULE('a-none'), state: 'ENABLED', targets: [] },
      {
        ruleName: 'b-three', ruleArn: RULE('b-three'), state: 'ENABLED',
        targets: [
          { id: 'q', arn: QUEUE, ok: false, errorCode: 'Sim.UnsupportedTarget', reasonKo: expect.any(String) },
          mail,
          { id: 'far', arn: FAR_TOPIC, ok: false, errorCode: 'Sim.InvalidRegion', reasonKo: expect.any(String) },
        ],
      },
      { ruleName: 'c-one', ruleArn: RULE('c-one'), state: 'ENABLED', targets: [mail] },
    ]);
    const flow = seen.slice(from).flatMap((e) =>
      e.type === 'rule.matched' ? [`matched ${e.ruleName} ${e.eventId === bus.eventId}`] : e.type === 'target.invoked' ? [`invoked ${e.ruleArn.split('/')[1]} ${e.targetId} ${e.ok}`] : [],
    );
    expect(flow).toEqual(['matched a-none true', 'matched b-three true', 'invoked b-three q false', 'invoked b-three mail true', 'invoked b-three far false', 'matched c-one true', 'invoked c-one mail true']);
  });
});
