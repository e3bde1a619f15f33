// dataTargetOf names the bucket or resource a data event is turned away for; it is cut with indexOf and slice,
// and must give what the plain replace-and-split reading gives, for any resources.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { dataTargetOf } from '../../../simulator/cloudtrail/trails/selector-match';

function reference(record: CloudTrailRecord): string {
  const arnOf = (r: { ARN?: string; ARNPrefix?: string }) => r.ARN ?? r.ARNPrefix ?? '';
  const object = record.resources?.find((r) => r.type === 'AWS::S3::Object');
  if (object) return arnOf(object).replace('arn:aws:s3:::', '').split('/')[0] ?? arnOf(object);
  const other = record.resources?.[0];
  return other ? (arnOf(other).split(':').pop() ?? arnOf(other)) : record.eventName;
}

const arn = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z0-9.-]{0,12}$/), fc.string({ maxLength: 12 })).map(([b, k]) => `arn:aws:s3:::${b}/${k}`),
  fc.stringMatching(/^[a-z0-9.-]{0,12}$/).map((b) => `arn:aws:s3:::${b}`),
  fc.string({ unit: fc.constantFrom(...'ab:/arn:aws:s3:::'), maxLength: 30 }),
  fc.constant('arn:aws:sns:us-east-1:123456789012:alerts'),
);
const resource = fc.record(
  { type: fc.constantFrom('AWS::S3::Object', 'AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::Lambda::Function'), ARN: arn, ARNPrefix: arn },
  { requiredKeys: ['type'] },
);

describe('dataTargetOf', () => {
  it('gives what the replace-and-split reading gives, whatever the resources', () => {
    fc.assert(
      fc.property(fc.option(fc.array(resource, { maxLength: 3 }), { nil: undefined }), fc.constantFrom('GetObject', 'Publish'), (resources, eventName) => {
        const record = { eventName, ...(resources ? { resources } : {}) } as unknown as CloudTrailRecord;
        expect(dataTargetOf(record)).toBe(reference(record));
      }),
      { numRuns: 2000 },
    );
  });
});
