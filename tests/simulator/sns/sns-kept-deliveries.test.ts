// Deliveries of whole EventBridge events are kept as rows (kept-delivery.ts) with their texts in templates
// (event-messages.ts): every read, the inbox, listeners and snapshots must see exactly what the plain objects
// publish made before gave, including texts no template was made for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboxActions } from '../../../simulator/sns/api-inbox';
import { EventMessages, varyingValues } from '../../../simulator/sns/event-messages';
import { KeptDelivery } from '../../../simulator/sns/kept-delivery';
import { SnsModel, type Delivery, type DeliveryOrigin } from '../../../simulator/sns/model';
import { UuidColumn } from '../../../simulator/sns/uuid-column';
import type { JsonObject } from '../../../simulator/core/contract';
import { account, inbox, ROOT, ruleToTopic, TOPIC } from '../events/bus-setup';
import { ok } from '../support';

const ARN = 'arn:aws:sns:us-east-1:123456789012:alerts';
const RULE = 'arn:aws:events:us-east-1:123456789012:rule/watch';

/** An EventBridge event's text as JSON.stringify writes it for a CloudTrail record. */
function eventText(o: { id: string; time: string; eventID: string; requestID?: string; amzId?: string; session?: string; bucket?: string; extra?: JsonObject }): string {
  const record: JsonObject = {
    eventVersion: '1.11',
    userIdentity: {
      type: 'AssumedRole', accountId: '123456789012', accessKeyId: 'ASIAQ2ZPGM6LY6NPMIOU',
      ...(o.session ? { sessionContext: { attributes: { creationDate: o.session, mfaAuthenticated: 'false' } } } : {}),
    },
    eventTime: o.time,
    eventSource: o.amzId ? 's3.amazonaws.com' : 'ec2.amazonaws.com',
    eventName: o.amzId ? 'PutObject' : 'StopInstances',
    requestParameters: { bucketName: o.bucket ?? 'reports', ...(o.extra ?? {}) },
    responseElements: null,
    ...(o.amzId ? { additionalEventData: { 'x-amz-id-2': o.amzId } } : {}),
    ...(o.requestID ? { requestID: o.requestID } : {}),
    eventID: o.eventID,
    readOnly: false,
    eventType: 'AwsApiCall',
  };
  return JSON.stringify({ version: '0', id: o.id, 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.s3', account: '123456789012', time: o.time, region: 'us-east-1', resources: [], detail: record });
}

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0')}`;
const iso = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString().slice(0, 19) + 'Z';

/** Texts no template fits well: escapes, non-ASCII, values that look like holes or packed kinds but are not. */
const UNUSUAL: string[] = [
  eventText({ id: uuid(1), time: iso(1), eventID: uuid(2), requestID: 'REQ', extra: { key: '보고서/2026년 1월.csv' } }),
  eventText({ id: uuid(3), time: iso(2), eventID: uuid(4), extra: { quote: 'say "hi"\\ \n\t\u2028 done', nul: 'a\u0000b' } }),
  eventText({ id: 'A3265A47-B320-4660-9237-C0667ED03FE0', time: '2026-01-01T00:00:00.000Z', eventID: 'not-a-uuid', requestID: '9b98b58594c7bdb5' }),
  eventText({ id: uuid(5), time: iso(3), eventID: uuid(6), extra: { hole: '\u0000', template: '${0}{{1}}%s', same: uuid(5) } }),
  eventText({ id: uuid(7), time: iso(4), eventID: 'has "quote" inside', requestID: 'back\\slash' }),
  eventText({ id: '', time: '', eventID: '' }),
  '{"version":"0","id":"',
  '{"version":"0","id":"x"',
  '{"version":"0","id":"ab\\"cd","time":"2026-01-01T00:00:00Z"}',
  '{"version":"0","id":"😀","detail":{"eventTime":"\ud800","eventID":"é"}}',
];

describe('EventMessages', () => {
  it('gives back every text exactly, common and unusual, in any order and repeated', () => {
    const texts: string[] = [];
    for (let i = 0; i < 50; i++) {
      texts.push(eventText({ id: uuid(100 + i), time: iso(i), eventID: uuid(200 + i), requestID: uuid(300 + i), session: iso(i - 60), ...(i % 3 === 0 ? { amzId: `c8/LRenvbWTRdYRRtmQYUJV1G/WxTvqF0ypORk6XGmGJgvSEVhWG+oSgCVnGKS2onzPEW6z${i}0m0=` } : {}) }));
      if (i % 10 === 0) texts.push(...UNUSUAL);
    }
    const store = new EventMessages();
    const ids = texts.map((t) => store.add(t));
    texts.forEach((t, i) => expect(store.get(ids[i]!)).toBe(t));
  });

  it('cuts an event at its varying values, in the order the text holds them', () => {
    const amzId = 'DDF8THwYoErJTgZzpOxbmiWECFOC/QGIL8MazHTJQShhQzBTLCr4P/RZiHdgSBdMd8Htt4WlWyY=';
    const text = eventText({ id: uuid(1), time: iso(5), eventID: uuid(2), requestID: '9B98B58594C7BDB5', amzId, session: iso(0) });
    expect(varyingValues(text)).toEqual([uuid(1), iso(5), 'ASIAQ2ZPGM6LY6NPMIOU', iso(0), iso(5), amzId, '9B98B58594C7BDB5', uuid(2)]);
    // A value holding an escaped quote is not cut (TemplatedTexts would not find it as written).
    expect(varyingValues(UNUSUAL[8]!)).toEqual([]);
    expect(varyingValues('{"version":"0","id":"')).toEqual([]);
  });

  it('keeps one template for events of one shape, and a text handed over again once', () => {
    const store = new EventMessages();
    const a = eventText({ id: uuid(1), time: iso(1), eventID: uuid(2), requestID: uuid(3) });
    const b = eventText({ id: uuid(4), time: iso(2), eventID: uuid(5), requestID: uuid(6) });
    expect(store.add(a)).toBe(0);
    expect(store.add(a)).toBe(0);
    expect(store.add(b)).toBe(1);
    expect(store.size).toBe(2);
    expect([store.get(0), store.get(1)]).toEqual([a, b]);
  });

  it('property: any text after the event prefix reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 8 }), fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (tails, values) => {
        const store = new EventMessages();
        const texts = tails.map((t, i) => `{"version":"0","id":"${values[i] ?? t}","time":"${t}"${t}`);
        const ids = texts.map((t) => store.add(t));
        texts.forEach((t, i) => {
          expect(store.get(ids[i]!)).toBe(t);
        });
      }),
    );
  });
});

describe('UuidColumn', () => {
  it('gives back every id exactly, packed or not', () => {
    const ids = [uuid(1), 'A3265A47-B320-4660-9237-C0667ED03FE0', '', 'x', 'a3265a47-b320-4660-9237-c0667ed03fe', 'a3265a47-b320-4660-9237-c0667ed03fe0', 'g3265a47-b320-4660-9237-c0667ed03fe0', 'a3265a47xb320-4660-9237-c0667ed03fe0', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000', 'a3265a47-b320-4660-9237-c0667ed03fé0'];
    const col = new UuidColumn();
    const at = ids.map((s) => col.push(s));
    ids.forEach((s, i) => expect(col.get(at[i]!)).toBe(s));
  });

  it('property: any string reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uuid(), fc.string(), fc.string({ minLength: 36, maxLength: 36 }))), (ids) => {
        const col = new UuidColumn();
        const at = ids.map((s) => col.push(s));
        ids.forEach((s, i) => {
          expect(col.get(at[i]!)).toBe(s);
        });
      }),
    );
  });
});

/** The model with one topic and the given subscriptions (all confirmed). */
function model(subscriptions: number): SnsModel {
  const m = new SnsModel();
  const t = m.createTopic('us-east-1', 'alerts', ARN, '123456789012');
  for (let i = 0; i < subscriptions; i++) t.subscriptions.push({ subscriptionArn: `${ARN}:${uuid(900 + i)}`, protocol: i % 2 ? 'email-json' : 'email', endpoint: `u${i}@example.com`, confirmed: true });
  return m;
}

/** What publish made before deliveries were kept: a plain object per subscription. */
function plainDeliveries(m: SnsModel, published: { messageId: string; subject: string | null; message: string; atMs: number; origin?: DeliveryOrigin }[]): Delivery[] {
  const topic = m.topicByArn('us-east-1', ARN);
  const out: Delivery[] = [];
  for (const p of published) {
    for (const s of topic.subscriptions) {
      out.push({ id: `msg-${String(out.length + 1).padStart(6, '0')}`, topicArn: ARN, subscriptionArn: s.subscriptionArn, protocol: s.protocol, endpoint: s.endpoint, messageId: p.messageId, subject: p.subject, message: p.message, timestamp: p.atMs, read: false, ...(p.origin ? { origin: p.origin } : {}) });
    }
  }
  return out;
}

function publishedMix(): { messageId: string; subject: string | null; message: string; atMs: number; origin?: DeliveryOrigin }[] {
  const out = [];
  for (let i = 0; i < 30; i++) {
    const message = i % 7 === 6 ? UNUSUAL[i % UNUSUAL.length]! : eventText({ id: uuid(i), time: iso(i), eventID: uuid(1000 + i), requestID: uuid(2000 + i) });
    const origin: DeliveryOrigin = i % 5 === 4 ? { kind: 'api', publisher: 'arn:aws:iam::123456789012:root' } : { kind: 'eventbridge', ruleArn: i % 2 ? RULE : `${RULE}-2`, eventId: i % 9 === 8 ? 'Not-A-UUID' : uuid(i) };
    out.push({ messageId: i % 8 === 7 ? 'MSG' : uuid(5000 + i), subject: i % 11 === 10 ? 'Subject' : null, message, atMs: Date.UTC(2026, 0, 1) + i * 1500 + (i % 4 === 3 ? 0.5 : 0), origin });
  }
  out.push({ messageId: uuid(1), subject: null, message: 'plain text', atMs: Date.UTC(2026, 0, 2) });
  return out;
}

describe('kept deliveries', () => {
  it('read, list and snapshot as the plain deliveries publish made, in order', () => {
    const m = model(3);
    const published = publishedMix();
    const told: Delivery[] = [];
    m.onDelivery((d) => told.push(d));
    for (const p of published) m.publish(m.topicByArn('us-east-1', ARN), p);
    const plain = plainDeliveries(model(3), published);
    expect(m.deliveries.filter((d) => d instanceof KeptDelivery).length).toBeGreaterThan(40);
    expect(m.deliveries.map((d) => ({ ...JSON.parse(JSON.stringify(d)) }))).toEqual(plain);
    // Member by member, through the accessors.
    m.deliveries.forEach((d, i) => {
      const p = plain[i]!;
      expect([d.id, d.topicArn, d.subscriptionArn, d.protocol, d.endpoint, d.messageId, d.subject, d.message, d.timestamp, d.read, d.origin]).toEqual([p.id, p.topicArn, p.subscriptionArn, p.protocol, p.endpoint, p.messageId, p.subject, p.message, p.timestamp, p.read, p.origin]);
    });
    expect(told).toEqual(plain);
    const reference = model(3);
    reference.deliveries = plain;
    (reference as unknown as { seq: number }).seq = plain.length;
    expect(JSON.stringify(m.snapshot())).toBe(JSON.stringify(reference.snapshot()));
  });

  it('answer ReadInbox and MarkNotificationRead as plain deliveries do', () => {
    const m = model(2);
    for (const p of publishedMix()) m.publish(m.topicByArn('us-east-1', ARN), p);
    const plain = model(2);
    plain.deliveries = JSON.parse(JSON.stringify(m.deliveries)) as Delivery[];
    const ask = (x: SnsModel, name: string, p: JsonObject) => inboxActions(x).find((a) => a.def.api === name)!.handler(p, {} as never);
    const both = (name: string, p: JsonObject) => expect(JSON.stringify(ask(m, name, p))).toBe(JSON.stringify(ask(plain, name, p)));
    both('sim:ReadInbox', {});
    both('sim:MarkNotificationRead', { Id: 'msg-000003' });
    both('sim:ReadInbox', { UnreadOnly: true });
    both('sim:ReadInbox', { Endpoint: 'u1@example.com' });
    both('sim:MarkNotificationRead', { All: true });
    both('sim:ReadInbox', {});
    expect(JSON.stringify(m.snapshot())).toBe(JSON.stringify({ ...(plain.snapshot() as JsonObject), seq: m.deliveries.length }));
  });

  it('restore keeps what a kept delivery writes back byte for byte, and leaves every other shape as it was', () => {
    const m = model(2);
    for (const p of publishedMix()) m.publish(m.topicByArn('us-east-1', ARN), p);
    const snap = m.snapshot() as JsonObject;
    const text = eventText({ id: uuid(1), time: iso(1), eventID: uuid(2) });
    const odd: JsonObject[] = [
      // Members in another order, one more member, no id (version 1), an id publish never writes, a string time.
      { topicArn: ARN, id: 'msg-000100', subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 1, read: false, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(1) } },
      { id: 'msg-000101', topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 1, read: false, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(1) }, note: 1 },
      { topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 1 },
      { id: 'msg-1', topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 1, read: true, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(1) } },
      { id: 'msg-000102', topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: '1', read: false, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(1) } },
      { id: 'msg-000103', topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 2, read: false, origin: { eventId: uuid(1), kind: 'eventbridge', ruleArn: RULE } },
      { id: 'msg-000104', topicArn: ARN, subscriptionArn: 's', protocol: 'email', endpoint: 'e', messageId: uuid(1), subject: null, message: text, timestamp: 3, read: false, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(1) } },
    ];
    const input = { ...snap, deliveries: [...(snap['deliveries'] as JsonObject[]), ...odd] };
    const back = new SnsModel();
    back.restore(input);
    // What restore made before: each delivery as given, with an id and a read flag.
    const expected = (input.deliveries as JsonObject[]).map((d, i) => ({ ...d, id: typeof d['id'] === 'string' ? d['id'] : `msg-${String(i + 1).padStart(6, '0')}`, read: d['read'] === true }));
    expect(JSON.stringify(back.snapshot())).toBe(JSON.stringify({ ...input, deliveries: expected }));
    expect(back.deliveries.filter((d) => d instanceof KeptDelivery).length).toBe(m.deliveries.filter((d) => d instanceof KeptDelivery).length + 1);
    // Publishing after a restore goes on from the restored numbering (two subscriptions: two deliveries).
    back.publish(back.topicByArn('us-east-1', ARN), { messageId: uuid(7), subject: null, message: text, atMs: 5, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(8) } });
    expect(back.deliveries.at(-1)!.id).toBe(`msg-${String(m.deliveries.length + 2).padStart(6, '0')}`);
    expect(back.deliveries.at(-1)!.message).toBe(text);
  });

  it('an account whose rule sends events to a topic shows them in the inbox, and restores to the same bytes', () => {
    const { acct } = account();
    ruleToTopic(acct, 'all-s3', { source: ['aws.s3'] });
    for (let i = 0; i < 4; i++) ok(acct.call('s3:CreateBucket', { Bucket: `kept-${i}` }, ROOT));
    acct.advance(60_000);
    const kept = acct.sns.model.deliveries.filter((d) => d instanceof KeptDelivery);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    const mail = inbox(acct);
    expect(mail.filter((n) => (JSON.parse(n.Message) as { source: string }).source === 'aws.s3').length).toBe(kept.length);
    const snap = acct.sns.model.snapshot();
    const copy = new SnsModel();
    copy.restore(snap);
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(snap));
    expect(copy.deliveries.map((d) => d.message)).toEqual(acct.sns.model.deliveries.map((d) => d.message));
    expect(TOPIC).toBe(ARN);
  });
});

describe('EventMessages bounds the templates of one signature', () => {
  it('stops keeping texts whose uncut values differ at one width, and keeps every other shape', () => {
    const store = new EventMessages();
    const withKey = (i: number) => eventText({ id: uuid(i), time: iso(i), eventID: uuid(10_000 + i), extra: { key: `reports/${String(i).padStart(8, '0')}.csv` } });
    const ids = Array.from({ length: 40 }, (_, i) => store.add(withKey(i)));
    expect(ids.filter((id) => id !== undefined)).toHaveLength(16);
    ids.forEach((id, i) => {
      if (id !== undefined) expect(store.get(id)).toBe(withKey(i));
    });
    // Texts of a template already kept are still kept, as are texts of other shapes.
    const again = eventText({ id: uuid(77), time: iso(77), eventID: uuid(78), extra: { key: `reports/${String(3).padStart(8, '0')}.csv` } });
    expect(store.get(store.add(again)!)).toBe(again);
    const other = eventText({ id: uuid(79), time: iso(79), eventID: uuid(80) });
    expect(store.get(store.add(other)!)).toBe(other);
  });

  it('a refused text is delivered as a plain delivery, identical to what publish made before', () => {
    const m = model(1);
    const published = Array.from({ length: 20 }, (_, i) => ({ messageId: uuid(i), subject: null, message: eventText({ id: uuid(i), time: iso(i), eventID: uuid(100 + i), extra: { key: `k-${String(i).padStart(6, '0')}` } }), atMs: Date.UTC(2026, 0, 1) + i, origin: { kind: 'eventbridge', ruleArn: RULE, eventId: uuid(i) } as DeliveryOrigin }));
    for (const p of published) m.publish(m.topicByArn('us-east-1', ARN), p);
    expect(m.deliveries.filter((d) => d instanceof KeptDelivery)).toHaveLength(16);
    expect(JSON.parse(JSON.stringify(m.deliveries))).toEqual(plainDeliveries(model(1), published));
  });

  it('texts holding a raw NUL are not kept (JSON.stringify writes it escaped)', () => {
    expect(EventMessages.keeps('{"version":"0","id":"a\u0000b"}')).toBe(false);
    expect(EventMessages.keeps(UNUSUAL[1]!)).toBe(true);
    expect(EventMessages.keeps(UNUSUAL[0]!)).toBe(true);
    expect(EventMessages.keeps('{"version":"1"}')).toBe(false);
  });
});
