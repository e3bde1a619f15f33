// SnsModel.publish writes its delivery object out for each shape (with an origin, or without one) instead of
// spreading `{ origin }` in: listeners and the inbox must see the same members in the same order either way,
// and no `origin` member at all when none was given.
import { describe, expect, it } from 'vitest';
import { SnsModel, type Delivery, type DeliveryOrigin } from '../../../simulator/sns/model';

const MEMBERS = ['id', 'topicArn', 'subscriptionArn', 'protocol', 'endpoint', 'messageId', 'subject', 'message', 'timestamp', 'read'];

describe('SnsModel.publish delivery shapes', () => {
  it('lists origin last when given, and leaves it out when not', () => {
    const m = new SnsModel();
    const t = m.createTopic('us-east-1', 'alerts', 'arn:aws:sns:us-east-1:123456789012:alerts', '123456789012');
    t.subscriptions.push({ subscriptionArn: `${t.arn}:1`, protocol: 'email', endpoint: 'a@example.com', confirmed: true });
    const told: Delivery[] = [];
    m.onDelivery((d) => told.push(d));
    const origin: DeliveryOrigin = { kind: 'alarm', alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a' };
    const [withOrigin] = m.publish(t, { messageId: 'm1', subject: 's', message: 'hello', atMs: 5, origin });
    const [without] = m.publish(t, { messageId: 'm2', subject: null, message: 'bye', atMs: 6 });
    expect(Object.keys(withOrigin!)).toEqual([...MEMBERS, 'origin']);
    expect(withOrigin!.origin).toBe(origin);
    expect(Object.keys(without!)).toEqual(MEMBERS);
    expect('origin' in without!).toBe(false);
    expect(told.map((d) => JSON.stringify(d))).toEqual([
      '{"id":"msg-000001","topicArn":"arn:aws:sns:us-east-1:123456789012:alerts","subscriptionArn":"arn:aws:sns:us-east-1:123456789012:alerts:1","protocol":"email","endpoint":"a@example.com","messageId":"m1","subject":"s","message":"hello","timestamp":5,"read":false,"origin":{"kind":"alarm","alarmArn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:a"}}',
      '{"id":"msg-000002","topicArn":"arn:aws:sns:us-east-1:123456789012:alerts","subscriptionArn":"arn:aws:sns:us-east-1:123456789012:alerts:1","protocol":"email","endpoint":"a@example.com","messageId":"m2","subject":null,"message":"bye","timestamp":6,"read":false}',
    ]);
  });
});
