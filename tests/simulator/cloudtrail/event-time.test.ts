import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTimeMs } from '../../../simulator/cloudtrail/time';

describe('eventTimeMs', () => {
  it('reads every time Date.parse reads, records\u2019 own form or not, and refuses the rest', () => {
    const recordForm = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z');
    const otherForms = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const odd = fc.constantFrom('2026-01-01T24:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00+09:00', 'not a time', '2026-13-01T00:00:00Z');
    fc.assert(
      fc.property(fc.array(fc.oneof(recordForm, otherForms, odd), { maxLength: 8 }), (times) => {
        // In a row, repeats included: the last time read is kept.
        for (const t of [...times, ...times]) {
          const ms = Date.parse(t);
          if (Number.isNaN(ms)) expect(() => eventTimeMs(t)).toThrow(/unreadable eventTime/);
          else expect(eventTimeMs(t)).toBe(ms);
        }
      }),
      { numRuns: 500 },
    );
  });
});
