// A delivered file's texts and times are listed in one pass over the lane's records, whichever is read first
// (delivered-log-file.ts): both must be the buffer's, in order, and the same lists on every read.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArchivedRecords, DeliveredLogFile } from '../../../simulator/cloudtrail/delivery/delivered-log-file';

describe('a delivered log file\'s records and times', () => {
  it('are the buffer\'s, read in either order, and the same lists when read again', () => {
    const rec = fc.record({ json: fc.string(), eventMs: fc.oneof(fc.integer(), fc.constant(NaN)) });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 20 }), fc.boolean(), (buffer, textsFirst) => {
        const archived = new ArchivedRecords({ get: (id) => String(id) }, new Int32Array(buffer.length), buffer);
        const file = new DeliveredLogFile('CloudTrail', 'arn:trail', 'us-east-1', 'bucket', 'key', 0, archived);
        const texts = textsFirst ? file.records : undefined;
        const times = archived.eventMs;
        expect(Array.from(times)).toEqual(buffer.map((r) => r.eventMs));
        expect(file.records).toEqual(buffer.map((r) => r.json));
        if (texts) expect(file.records).toBe(texts);
        expect(archived.records).toBe(file.records);
        expect(archived.eventMs).toBe(times);
      }),
    );
  });
});
