// Delivery stamps reuse the last time taken apart (time.ts `parts`): whatever order times come in, repeated or
// not, each stamp is what the time's own ISO text gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePath, digestStamp, logFileStamp } from '../../../simulator/cloudtrail/time';

describe('delivery stamps', () => {
  it('match the ISO text of each time, in any order and with repeats', () => {
    const ms = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2099-12-31T23:59:59Z') });
    fc.assert(
      fc.property(fc.array(fc.oneof(ms, fc.constantFrom(0, 86_399_999, 1_798_761_599_999)), { minLength: 1, maxLength: 20 }), (times) => {
        const all = [...times, ...times.slice().reverse()];
        for (const t of all) {
          const iso = new Date(t).toISOString();
          const [y, mo, rest] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8)];
          const d = rest.slice(0, 2);
          const hms = rest.slice(3, 11).replaceAll(':', '');
          // Asked in the order a log file key and a digest key ask, and out of it.
          expect(logFileStamp(t)).toBe(`${y}${mo}${d}T${hms.slice(0, 4)}Z`);
          expect(datePath(t)).toBe(`${y}/${mo}/${d}`);
          expect(digestStamp(t)).toBe(`${y}${mo}${d}T${hms}Z`);
        }
      }),
    );
  });
});
