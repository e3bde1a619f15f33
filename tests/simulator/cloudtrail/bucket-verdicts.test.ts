// checkBucket keeps each bucket's last policy verdict (and every verdict by policy text): whatever order
// buckets, prefixes, accounts and policies come in, it answers as the policy itself does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../simulator/core/contract';
import { checkBucket, policyLetsCloudTrailWrite } from '../../../simulator/cloudtrail/trails/trail-params';
import { PolicyStore } from './helpers';

const policy = (bucket: string, objects: string) =>
  JSON.stringify({
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/${objects}` },
    ],
  });

describe('checkBucket', () => {
  it('answers as the policy does, in any order of buckets, prefixes, accounts and policy changes', () => {
    const buckets = ['logs-a', 'logs-b'];
    const step = fc.record({
      bucket: fc.constantFrom(...buckets),
      prefix: fc.constantFrom(undefined, 'p', 'q'),
      account: fc.constantFrom('123456789012', '210987654321'),
      // Some policies allow every object, some one prefix, one only an account's logs; undefined removes it.
      policy: fc.option(fc.constantFrom('*', 'p/*', 'AWSLogs/123456789012/*', 'q/AWSLogs/210987654321/*'), { nil: undefined }),
      change: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const store = new PolicyStore();
        for (const b of buckets) store.addBucket(b, 'us-east-1', policy(b, '*'));
        for (const s of steps) {
          // Each change is a new string, as a PutBucketPolicy would store.
          if (s.change) store.buckets.get(s.bucket)!.policy = s.policy === undefined ? undefined : policy(s.bucket, s.policy);
          const text = store.bucketPolicy(s.bucket);
          const expected = text !== undefined && policyLetsCloudTrailWrite(text, s.bucket, s.prefix, s.account);
          let code: string | undefined;
          try {
            checkBucket(store, s.bucket, s.prefix, s.account);
          } catch (e) {
            code = (e as AwsError).code;
          }
          expect(code).toBe(expected ? undefined : 'InsufficientS3BucketPolicyException');
        }
      }),
    );
  });
});
