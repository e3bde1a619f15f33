import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, UserIdentity } from '../../../../simulator/core/contract';
import { ActionKeys, storeKeysOf } from '../../../../simulator/cloudtrail/history/store-keys';

/** A few callers, shared by object as the simulator shares them, each field drawn from a short list so that
 *  callers differ in one field at a time. */
const caller = fc.record({
  type: fc.constantFrom<UserIdentity['type']>('Root', 'IAMUser', 'AssumedRole', 'AWSService', 'FederatedUser'),
  userName: fc.option(fc.constantFrom('admin', 'bob'), { nil: undefined }),
  arn: fc.option(fc.constantFrom('arn:aws:iam::123456789012:user/admin', 'arn:aws:sts::123456789012:assumed-role/r/s1', 'arn:aws:sts::123456789012:assumed-role/r/s2'), { nil: undefined }),
  invokedBy: fc.option(fc.constantFrom('events.amazonaws.com', 'sns.amazonaws.com'), { nil: undefined }),
  accessKeyId: fc.option(fc.constantFrom('AKIAONE', 'ASIATWO'), { nil: undefined }),
});
/** Mostly `usual`, now and then one of `others`: records repeat their action's last record, as in a busy account,
 *  so the kept keys are given again often and every field's change is met. */
function mostly<T>(usual: fc.Arbitrary<T>, others: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: 6 }, { arbitrary: others, weight: 1 });
}
const resources = mostly(
  fc.constant(undefined),
  fc.array(fc.record({ type: fc.constantFrom('AWS::S3::Bucket', 'AWS::EC2::Instance'), ARN: fc.constantFrom('arn:aws:s3:::b1', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1') }), { maxLength: 2 }),
);
const step = fc.record({
  callerIndex: mostly(fc.constant(0), fc.nat(2)),
  /** A change made to the shared caller object itself before this record (its fields are what keys are made of). */
  change: mostly(fc.constant(undefined), fc.tuple(fc.constantFrom('userName', 'arn', 'accessKeyId', 'type', 'invokedBy'), caller)),
  action: mostly(fc.constant(0), fc.nat(2)),
  eventName: mostly(fc.constant('GetUser'), fc.constantFrom('ListBuckets', undefined)),
  eventSource: mostly(fc.constant('iam.amazonaws.com'), fc.constantFrom('s3.amazonaws.com', undefined)),
  readOnly: mostly(fc.constant(true), fc.constantFrom(false, undefined)),
  resources,
  insight: fc.boolean(),
});

describe('ActionKeys', () => {
  it('gives every record exactly the keys storeKeysOf makes, whatever changed since the action\u2019s last record', () => {
    fc.assert(
      fc.property(fc.array(caller, { minLength: 3, maxLength: 3 }), fc.array(step, { maxLength: 40 }), (callers, steps) => {
        const ids = callers.map((c) => ({ ...c }) as UserIdentity);
        const actions = [{}, {}, {}];
        const cache = new ActionKeys();
        const list: string[] = [];
        let n = 0;
        for (const s of steps) {
          const id = ids[s.callerIndex]!;
          if (s.change) (id as unknown as Record<string, unknown>)[s.change[0]] = s.change[1][s.change[0] as keyof typeof s.change[1]];
          const record = {
            eventID: `e-${n++}`, eventTime: '2026-01-01T00:00:00Z', userIdentity: id, eventName: s.eventName, eventSource: s.eventSource, readOnly: s.readOnly,
            ...(s.resources ? { resources: s.resources } : {}),
            ...(s.insight ? { insightDetails: { eventName: 'DeleteBucket', eventSource: 's3.amazonaws.com' } } : {}),
          } as unknown as CloudTrailRecord;
          const expected = storeKeysOf(record, false, []);
          expect(cache.keysOf(record, actions[s.action]!, list)).toEqual(expected);
          expect(list).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
