// targetResult remembers the shape of the last frozen outcome it read: whatever order outcomes come in, frozen or
// not, shared or fresh, changed between calls or not, it must give exactly `{ id, arn, ...outcome }`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetResult, type TargetResult } from '../../../simulator/events/bus';

type Outcome = Omit<TargetResult, 'id' | 'arn'>;

const SHAPES: Outcome[] = [
  { ok: true },
  { ok: false, errorCode: 'AuthorizationError', reasonKo: '거부' },
  { reasonKo: 'order', ok: false, errorCode: 'X' } as Outcome,
  { ok: false, errorCode: 'X' },
  { ok: false, errorCode: undefined, reasonKo: undefined } as unknown as Outcome,
  { ok: true, extra: 1 } as unknown as Outcome,
];

function expectSpread(outcome: Outcome): void {
  const got = targetResult('t', 'arn:aws:sns:us-east-1:111122223333:t', outcome);
  const want = { id: 't', arn: 'arn:aws:sns:us-east-1:111122223333:t', ...outcome };
  expect(Object.keys(got)).toEqual(Object.keys(want));
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  expect(got).toStrictEqual(want);
}

describe('targetResult with a remembered shape', () => {
  it('gives the spread for any run of shared frozen outcomes and fresh or changed ones', () => {
    const frozen = SHAPES.map((o) => Object.freeze({ ...o }));
    // A step: a shared frozen outcome, a fresh copy (frozen or not), or an unfrozen outcome whose keys are changed
    // after it was read once.
    const step = fc.oneof(
      fc.nat(SHAPES.length - 1).map((i) => ({ kind: 'shared' as const, i })),
      fc.tuple(fc.nat(SHAPES.length - 1), fc.boolean()).map(([i, freeze]) => ({ kind: 'fresh' as const, i, freeze })),
      fc.nat(SHAPES.length - 1).map((i) => ({ kind: 'changed' as const, i })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
        for (const s of steps) {
          if (s.kind === 'shared') expectSpread(frozen[s.i]!);
          else if (s.kind === 'fresh') expectSpread(s.freeze ? Object.freeze({ ...SHAPES[s.i]! }) : { ...SHAPES[s.i]! });
          else {
            const o = { ...SHAPES[s.i]! } as Record<string, unknown>;
            expectSpread(o as unknown as Outcome);
            // Same object, other keys: an unfrozen outcome is never answered from memory.
            if ('errorCode' in o) delete o['errorCode'];
            else o['errorCode'] = 'Later';
            expectSpread(o as unknown as Outcome);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
