// A rule whose target's own record matches the rule again (a topic publishing to itself through EventBridge,
// with a trail logging SNS data events) is a loop AWS would run for ever; the simulation stops it after
// MAX_CHAIN links, and says so for each target it no longer invokes.
import { describe, expect, it } from 'vitest';
import { ok } from '../support';
import { account, inbox, ROOT, ruleToTopic, TOPIC } from './bus-setup';

describe('the rule → target → record chain', () => {
  it('stops after four links, the stopped target told why', () => {
    const { acct, seen } = account();
    ok(acct.call('cloudtrail:PutEventSelectors', {
      TrailName: 'main',
      AdvancedEventSelectors: [{ Name: 'sns', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::SNS::Topic'] }] }],
    }, ROOT));
    ruleToTopic(acct, 'echo', { source: ['aws.sns'], detail: { eventName: ['Publish'] } });
    ok(acct.call('sns:Publish', { TopicArn: TOPIC, Message: 'hello' }, ROOT));
    const invoked = seen.flatMap((e) => (e.type === 'target.invoked' ? [`${e.ok} ${e.errorCode ?? ''}`] : []));
    // A stopped target is not invoked, so no target.invoked: its result stands in the routing only.
    expect(invoked).toEqual(['true ', 'true ', 'true ', 'true ']);
    // The learner's message, then one per EventBridge link that published.
    expect(inbox(acct)).toHaveLength(5);
    const publishes = seen.flatMap((e) => (e.type === 'record.written' && e.record.eventName === 'Publish' ? [e] : []));
    expect(publishes).toHaveLength(5);
    const last = (publishes[4]!.routing as { eventBridge?: { matchedRules: { targets: { errorCode?: string; reasonKo?: string }[] }[] } }).eventBridge!;
    expect(last.matchedRules[0]!.targets[0]!.errorCode).toBe('Sim.LoopStopped');
    expect(last.matchedRules[0]!.targets[0]!.reasonKo).toContain('4단계');
  });
});
