// A filter's published minutes answer "is this minute there?" and "what is the oldest?" from bounds kept beside
// the list; after any sequence of remembering and forgetting (and lists replaced whole) the answers must be
// what a scan of the list gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PublishedMinutes } from '../../../simulator/logs/published-minutes';

const minute = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -0, Infinity, -Infinity) },
);
const step = fc.oneof(
  fc.record({ kind: fc.constant('remember' as const), minute }),
  fc.record({ kind: fc.constant('forget' as const), minute }),
  fc.record({ kind: fc.constant('replace' as const), minute }),
);

describe('published minutes', () => {
  it('answer as includes and a scan for the earliest would, whatever was remembered and forgotten', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.array(minute, { minLength: 1, maxLength: 8 }), (steps, asked) => {
        const published = new PublishedMinutes();
        let list: number[] = [];
        const check = () => {
          for (const m of [...asked, ...list]) expect(published.has(list, m), `${m} in ${JSON.stringify(list)}`).toBe(list.includes(m));
          expect(published.earliestOf(list)).toBe(list.reduce((e, m) => (m < e ? m : e), Infinity));
        };
        for (const s of steps) {
          if (s.kind === 'remember') published.remember(list, s.minute);
          else if (s.kind === 'forget') published.forget(list, s.minute);
          // A restore or a replaced filter brings a new list: nothing known about the old one applies.
          else list = [...list, s.minute].reverse();
          check();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forget in place, keeping the order of the minutes left', () => {
    const published = new PublishedMinutes();
    const list = [5, 1, 9, 3, 7];
    published.forget(list, 4);
    expect(list).toEqual([5, 9, 7]);
    expect(published.has(list, 10)).toBe(false);
    published.remember(list, 10);
    expect(published.has(list, 10)).toBe(true);
    expect(published.earliestOf(list)).toBe(5);
  });
});
