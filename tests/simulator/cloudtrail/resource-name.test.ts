// resourceNameOf is cut with indexOf and slice (the event history asks it of every resource of every record);
// it must give what the split-and-join reading gives, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceNameOf } from '../../../simulator/cloudtrail/history/lookup-keys';

function reference(arn: string): string {
  const colonParts = arn.split(':');
  const resource = colonParts.slice(5).join(':');
  if (colonParts[2] === 's3') return resource;
  const slash = resource.indexOf('/');
  return slash >= 0 ? resource.slice(slash + 1) : resource;
}

describe('resourceNameOf', () => {
  it('gives what the split-and-join reading gives, whatever the text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'a3s:/:x'), maxLength: 24 });
    const arn = fc.oneof(
      text,
      fc.tuple(fc.constantFrom('s3', 'iam', 'ec2', 's', ''), text).map(([svc, rest]) => `arn:aws:${svc}:${rest}`),
      fc.constantFrom('arn:aws:s3:::photos/2026/a.jpg', 'arn:aws:iam::123456789012:user/alice', 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1', 'arn:aws:s3', 'arn:aws:s3:', 'a:b', ''),
    );
    fc.assert(
      fc.property(arn, (a) => {
        expect(resourceNameOf(a)).toBe(reference(a));
      }),
      { numRuns: 5000 },
    );
  });
});
