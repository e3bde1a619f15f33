// A trail's log group ARN is read once and its stream names joined once (trail-destination.ts): every answer must
// be what reading the ARN and joining the name each time gives, for ARNs of every form, after the cache has been
// emptied too.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TrailDestinations } from '../../../simulator/logs/trail-destination';

/** What deliverTrailRecords did at every delivery. */
function direct(arn: string): { region: string; name: string } | null {
  const m = /^arn:aws:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(:\*)?$/.exec(arn);
  return m?.[1] && m[2] ? { region: m[1], name: m[2] } : null;
}

describe('trail destinations', () => {
  it('read every ARN as the expression does, asked once or again', () => {
    const region = fc.constantFrom('us-east-1', 'ap-northeast-2', 'US-EAST-1', '', 'eu-west-1:x');
    const account = fc.constantFrom('123456789012', '12345678901', 'abcdefghijkl');
    const name = fc.constantFrom('CloudTrail/logs', 'a:*', 'g', '', ':*', 'x:y', '로그');
    const suffix = fc.constantFrom('', ':*', ':', '*');
    const arn = fc.oneof(
      fc.tuple(region, account, name, suffix).map(([r, a, n, s]) => `arn:aws:logs:${r}:${a}:log-group:${n}${s}`),
      fc.string(),
    );
    const d = new TrailDestinations();
    fc.assert(
      fc.property(fc.array(arn, { minLength: 1, maxLength: 30 }), (arns) => {
        for (const a of [...arns, ...arns]) expect(d.place(a)).toEqual(direct(a));
      }),
      // Enough distinct ARNs to empty the cache several times.
      { numRuns: 300 },
    );
  });

  it('name each account\'s stream of each Region', () => {
    const d = new TrailDestinations();
    for (const account of ['123456789012', '210987654321']) {
      for (const region of ['us-east-1', 'ap-northeast-2', 'us-east-1']) expect(d.streamName(account, region)).toBe(`${account}_CloudTrail_${region}`);
    }
  });
});
