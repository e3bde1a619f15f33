// SnsModel.publish picks a topic's confirmed subscriptions in place (no filtered copy), and a delivery's origin
// is checked key by key with for…in (no Object.keys array): deliveries, their order and ids, what listeners are
// told and which deliveries are kept as rows must stay what the copy and Object.keys gave.
import { describe, expect, it } from 'vitest';
import { KeptDelivery, keepsMessage } from '../../../simulator/sns/kept-delivery';
import { SnsModel, type Delivery, type DeliveryOrigin } from '../../../simulator/sns/model';

const ARN = 'arn:aws:sns:us-east-1:123456789012:alerts';
const RULE = 'arn:aws:events:us-east-1:123456789012:rule/watch';
const EVENT = (n: number) => JSON.stringify({ version: '0', id: `0000000${n}-0000-4000-8000-000000000000`, 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.ec2', time: '2026-01-01T00:00:00Z', detail: { eventName: 'StopInstances' } });

function model(confirmed: boolean[]): SnsModel {
  const m = new SnsModel();
  const t = m.createTopic('us-east-1', 'alerts', ARN, '123456789012');
  confirmed.forEach((c, i) => t.subscriptions.push({ subscriptionArn: `${ARN}:${i}`, protocol: 'email', endpoint: `u${i}@example.com`, confirmed: c }));
  return m;
}

describe('SnsModel.publish', () => {
  it('delivers to the confirmed subscriptions only, in their order, and tells listeners after all are kept', () => {
    for (const pattern of [[false, true, false, true], [true], [false], [], [false, false, true], [true, true, true]]) {
      const m = model(pattern);
      const told: [string, number][] = [];
      m.onDelivery((d) => told.push([d.subscriptionArn, m.deliveries.length]));
      const want = pattern.flatMap((c, i) => (c ? [`${ARN}:${i}`] : []));
      for (let n = 0; n < 2; n++) {
        const origin: DeliveryOrigin = { kind: 'eventbridge', ruleArn: RULE, eventId: `0000000${n}-0000-4000-8000-000000000000` };
        const out = m.publish(m.topicByArn('us-east-1', ARN), { messageId: `m${n}`, subject: null, message: EVENT(n), atMs: 1_000 + n, origin });
        expect(out.map((d) => d.subscriptionArn)).toEqual(want);
        expect(out.every((d) => d instanceof KeptDelivery)).toBe(true);
        expect(out.map((d) => [d.message, d.origin])).toEqual(want.map(() => [EVENT(n), origin]));
      }
      expect(m.deliveries.map((d) => d.id)).toEqual(want.concat(want).map((_, i) => `msg-${String(i + 1).padStart(6, '0')}`));
      expect(told).toEqual([...want.map((s) => [s, want.length]), ...want.map((s) => [s, 2 * want.length])]);
    }
  });
});

describe('keepsMessage: the origin must have exactly kind, ruleArn, eventId, in that order, as its own keys', () => {
  /** What keepsMessage answered when it read the origin's keys with Object.keys. */
  const byObjectKeys = (o: object) => {
    const keys = Object.keys(o);
    return keys.length === 3 && keys[0] === 'kind' && keys[1] === 'ruleArn' && keys[2] === 'eventId';
  };
  const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
  Object.assign(inherited, { kind: 'eventbridge', ruleArn: RULE, eventId: 'e' });
  const hidden = { kind: 'eventbridge', ruleArn: RULE, eventId: 'e' };
  Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
  const withSymbol = { kind: 'eventbridge', ruleArn: RULE, eventId: 'e', [Symbol('s')]: 1 };
  const origins: [string, object][] = [
    ['exact', { kind: 'eventbridge', ruleArn: RULE, eventId: 'e' }],
    ['reordered', { kind: 'eventbridge', eventId: 'e', ruleArn: RULE }],
    ['one more', { kind: 'eventbridge', ruleArn: RULE, eventId: 'e', more: 1 }],
    ['one fewer', { kind: 'eventbridge', ruleArn: RULE }],
    ['an integer key first', { 0: 'x', kind: 'eventbridge', ruleArn: RULE, eventId: 'e' }],
    ['an inherited enumerable key', inherited],
    ['a non-enumerable own key', hidden],
    ['a symbol key', withSymbol],
  ];
  for (const [name, origin] of origins) {
    it(`${name}`, () => {
      expect(keepsMessage(EVENT(1), null, 5, origin as DeliveryOrigin)).toBe(byObjectKeys(origin) && (origin as { eventId?: unknown }).eventId !== undefined);
    });
  }
  it('holds for a plain delivery read back from a snapshot', () => {
    const m = model([true]);
    m.publish(m.topicByArn('us-east-1', ARN), { messageId: 'm', subject: null, message: EVENT(1), atMs: 5, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: 'e' } });
    const back = new SnsModel();
    back.restore(m.snapshot());
    const [d] = back.deliveries as Delivery[];
    expect(d).toBeInstanceOf(KeptDelivery);
    expect(JSON.stringify(d)).toBe(JSON.stringify(m.deliveries[0]));
  });
});
