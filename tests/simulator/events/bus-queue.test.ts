// The bus's queue of offered records and events (bus-queue.ts) and the outcomes the account's wiring reuses for
// refused deliveries (bus-wiring.ts): order, chain depth and texts must be what a fresh object per item gave.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import type { EventBridgeEvent } from '../../../simulator/events/cloudtrail-event';
import { OfferQueue } from '../../../simulator/events/bus-queue';
import { ok } from '../support';
import { rootConsoleLogin } from './cloudtrail-event-fixture';
import { account, eventBridgeTopicPolicy, ROOT, ruleToTopic, TOPIC } from './bus-setup';

const event = (id: string): EventBridgeEvent => ({ version: '0', id, 'detail-type': 'x', source: 's', account: '1', time: 't', region: 'us-east-1', resources: [], detail: {} });

describe('OfferQueue', () => {
  it('gives back records and events in the order offered, with their routing and depth, also when offered while taking', () => {
    const q = new OfferQueue();
    const a = rootConsoleLogin({ eventID: 'a' });
    const b = rootConsoleLogin({ eventID: 'b' });
    q.pushRecord(a, { trails: [] }, 0);
    q.pushEvent(event('e1'), 1);
    const taken: string[] = [];
    let round = 0;
    while (q.take()) {
      taken.push(q.record ? `record ${q.record.eventID} ${JSON.stringify(q.routing)} ${q.depth}` : `event ${q.event?.id} ${q.depth}`);
      // What handling an item offers joins the end of the same run.
      if (round++ === 0) q.pushRecord(b, null, 2);
    }
    expect(taken).toEqual(['record a {"trails":[]} 0', 'event e1 1', 'record b null 2']);
    expect(q.size).toBe(0);
    // Slots are reused from the start once all was taken, and an event's slot holds no record of before.
    q.pushEvent(event('e2'), 0);
    expect(q.take()).toBe(true);
    expect([q.record, q.event?.id, q.routing]).toEqual([undefined, 'e2', null]);
    expect(q.take()).toBe(false);
  });

  it('keeps what was not yet taken when handling an item stops half-way', () => {
    const q = new OfferQueue();
    for (const id of ['a', 'b', 'c']) q.pushRecord(rootConsoleLogin({ eventID: id }), null, 0);
    expect(q.take()).toBe(true);
    expect(q.size).toBe(2);
    q.pushRecord(rootConsoleLogin({ eventID: 'd' }), null, 1);
    const rest: string[] = [];
    while (q.take()) rest.push((q.record as CloudTrailRecord).eventID);
    expect(rest).toEqual(['b', 'c', 'd']);
  });
});

describe('refused deliveries', () => {
  it('explain each refusal in the same words every time, and a success after the policy changes', () => {
    const { acct } = account({ policy: false });
    ruleToTopic(acct, 'logins', { source: ['aws.signin'] });
    const targets = () => {
      const r = acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT);
      const routing = r.routing[0] as JsonObject;
      const bus = routing['eventBridge'] as { matchedRules: Array<{ targets: JsonObject[] }> };
      return bus.matchedRules.flatMap((m) => m.targets);
    };
    const first = targets();
    const second = targets();
    const refusal = `User: events.amazonaws.com is not authorized to perform: SNS:Publish on resource: ${TOPIC} because no resource-based policy allows the SNS:Publish action`;
    const want = {
      id: 'inbox', arn: TOPIC, ok: false, errorCode: 'AuthorizationError',
      reasonKo: `SNS가 게시를 거부했습니다: ${refusal}. 주제의 접근 정책(SetTopicAttributes의 Policy)에 events.amazonaws.com 서비스 주체의 sns:Publish를 허용하는 문이 있어야 합니다.`,
    };
    expect(first).toEqual([want]);
    expect(second).toEqual([want]);
    // Each TargetResult is an object of its own, members in the same order.
    expect(second[0]).not.toBe(first[0]);
    expect(Object.keys(second[0]!)).toEqual(['id', 'arn', 'ok', 'errorCode', 'reasonKo']);
    ok(acct.call('sns:SetTopicAttributes', { TopicArn: TOPIC, AttributeName: 'Policy', AttributeValue: eventBridgeTopicPolicy(TOPIC) }, ROOT));
    expect(targets()).toEqual([{ id: 'inbox', arn: TOPIC, ok: true }]);
    ok(acct.call('sns:DeleteTopic', { TopicArn: TOPIC }, ROOT));
    expect(targets()).toEqual([{ id: 'inbox', arn: TOPIC, ok: false, errorCode: 'NotFound', reasonKo: 'SNS가 게시를 거부했습니다: Topic does not exist. 대상 주제가 없습니다.' }]);
  });
});
