// Who a service publishes for (SnsModel.serviceOrigin) is set only while its Publish runs: asServiceWith, which
// EventBridge calls with one function per target place, must behave as asService with a closure does.
import { describe, expect, it } from 'vitest';
import { SnsModel, type DeliveryOrigin } from '../../../simulator/sns/model';
import { account, ROOT, ruleToTopic } from '../events/bus-setup';
import { ok } from '../support';

const RULE = 'arn:aws:events:us-east-1:123456789012:rule/r';
const A: DeliveryOrigin = { kind: 'eventbridge', ruleArn: RULE, eventId: 'e-1' };
const B: DeliveryOrigin = { kind: 'alarm', alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a' };

describe('SnsModel.asServiceWith', () => {
  it('hands over its argument, sets the origin while the work runs, and puts back the one before', () => {
    const m = new SnsModel();
    const seen: Array<[DeliveryOrigin | undefined, number]> = [];
    const work = (n: number) => {
      seen.push([m.serviceOrigin, n]);
      return n * 2;
    };
    expect(m.asServiceWith(A, work, 21)).toBe(42);
    expect(m.serviceOrigin).toBeUndefined();
    // Nested: the inner origin for the inner work only.
    expect(m.asService(B, () => m.asServiceWith(A, work, 1) + (work(2), 0))).toBe(2);
    expect(seen).toEqual([[A, 21], [A, 1], [B, 2]]);
    expect(m.serviceOrigin).toBeUndefined();
  });

  it('puts the origin back when the work throws', () => {
    const m = new SnsModel();
    m.serviceOrigin = B;
    expect(() =>
      m.asServiceWith(A, () => {
        throw new Error('refused');
      }, undefined),
    ).toThrow('refused');
    expect(m.serviceOrigin).toBe(B);
  });
});

describe('EventBridge publishing through asServiceWith', () => {
  it('gives each delivery the origin of its own rule and event, and leaves no origin set afterwards', () => {
    const { acct } = account();
    for (const name of ['a', 'b']) ruleToTopic(acct, name, { source: ['aws.s3'] });
    const before = acct.sns.model.deliveries.length;
    const r = acct.call('s3:CreateBucket', { Bucket: 'origin-check' }, ROOT);
    ok(r);
    const routing = r.routing[0] as { eventBridge: { eventId: string } };
    const origins = acct.sns.model.deliveries.slice(before).map((d) => d.origin);
    expect(origins).toEqual([
      { kind: 'eventbridge', ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/a', eventId: routing.eventBridge.eventId },
      { kind: 'eventbridge', ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/b', eventId: routing.eventBridge.eventId },
    ]);
    expect(acct.sns.model.serviceOrigin).toBeUndefined();
  });
});
