// What the bus writes or copies by shortcut (cloudtrail-event.ts's envelope parts kept per source, event-id.ts's
// event id bytes written without the joined text, bus.ts's target results written out) must give what the plain
// way gives: JSON.stringify of the event, the id of the joined text, the spread of the outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { targetResult, type TargetResult } from '../../../simulator/events/bus';
import { cloudTrailEventText, cloudTrailEventView } from '../../../simulator/events/cloudtrail-event';
import { eventIdFor, uuidFrom } from '../../../simulator/events/event-id';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

describe('cloudTrailEventText with envelope parts kept per source', () => {
  it('is JSON.stringify(event) whichever detail-type and account follow a source, escapes included', () => {
    // Few values, so a source comes back with the detail-type and account it was kept with, and with others.
    const text = (plain: string[]) => fc.oneof(fc.constantFrom(...plain), fc.constantFrom('a"b', 'c\\d', 'e\u0001', '한국', 'x\ud800'));
    const envelope = fc.record({
      source: text(['aws.s3', 'aws.iam', 'aws.ec2']),
      detailType: text(['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail']),
      account: text(['111122223333', '123456789012']),
      region: fc.constantFrom('us-east-1', 'ap-northeast-2'),
    });
    const record = rootConsoleLogin();
    const detail = JSON.stringify(record);
    fc.assert(
      fc.property(fc.array(envelope, { minLength: 1, maxLength: 20 }), (envelopes) => {
        for (const e of envelopes) {
          const event = { ...cloudTrailEventView(record, eventIdFor(record)), source: e.source, 'detail-type': e.detailType, account: e.account, region: e.region };
          expect(cloudTrailEventText(event, detail)).toBe(JSON.stringify(event));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact past its size bound', () => {
    const record = rootConsoleLogin();
    const detail = JSON.stringify(record);
    for (let i = 0; i < 700; i++) {
      const event = { ...cloudTrailEventView(record, `id-${i}`), source: `aws.svc${i % 300}`, account: `${i % 7}` };
      expect(cloudTrailEventText(event, detail)).toBe(JSON.stringify(event));
    }
  });
});

describe('eventIdFor', () => {
  it('is the id of "eventbridge:" and the record id, for ASCII, non-ASCII and long record ids in any order', () => {
    const id = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 130, unit: 'grapheme-ascii' }),
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.constantFrom('', '3fcfb586-3e9c-4d24-b2a0-5f3bfe4e1b2a', '한국어-3e9c-4d24-b2a0-5f3bfe4e1b2a', 'x'.repeat(116), 'x'.repeat(117), `${'y'.repeat(60)}é`),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 12 }), (ids) => {
        for (const eventID of [...ids, ...ids]) expect(eventIdFor({ eventID } as Pick<CloudTrailRecord, 'eventID'>)).toBe(uuidFrom(`eventbridge:${eventID}`));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the ids the bus has always given', () => {
    // Written down from the implementation before ids were made from character codes (session 6).
    expect(eventIdFor(rootConsoleLogin())).toBe('257ebac6-cebf-4f0d-868c-df5748f7ccf6');
    expect(uuidFrom('schedule:arn:aws:events:us-east-1:111122223333:rule/r:0')).toBe('05f017c5-a89e-4b28-9dbf-746a86e01a7a');
  });
});

describe('targetResult', () => {
  it('is { id, arn, ...outcome }: the same members in the same order, frozen or not', () => {
    type Outcome = Omit<TargetResult, 'id' | 'arn'>;
    const outcomes: Outcome[] = [
      { ok: true },
      { ok: false, errorCode: 'AuthorizationError', reasonKo: '거부' },
      { reasonKo: 'order', ok: false, errorCode: 'X' } as Outcome,
      { ok: false, errorCode: 'X' },
      { ok: true, reasonKo: 'only a reason' },
      { ok: false, errorCode: undefined, reasonKo: undefined } as unknown as Outcome,
      { ok: true, extra: 1 } as unknown as Outcome,
      { ok: false, errorCode: 'X', reasonKo: 'y', extra: 2 } as unknown as Outcome,
    ];
    for (const outcome of [...outcomes, ...outcomes.map((o) => Object.freeze({ ...o }))]) {
      const got = targetResult('mail', 'arn:aws:sns:us-east-1:111122223333:t', outcome);
      const want = { id: 'mail', arn: 'arn:aws:sns:us-east-1:111122223333:t', ...outcome };
      expect(Object.keys(got)).toEqual(Object.keys(want));
      expect(got).toStrictEqual(want);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      // A copy of its own: the outcome may be shared by every delivery.
      expect(got).not.toBe(outcome);
      expect(Object.isFrozen(got)).toBe(false);
    }
  });
});
