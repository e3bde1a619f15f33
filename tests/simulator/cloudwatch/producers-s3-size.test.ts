// A bucket's daily size counts objects whose bytes are made on first read without making them, and still
// reports what the bucket held at that day's end, whatever happens to the objects afterwards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketSizeAtDayEnd } from '../../../simulator/cloudwatch/producers-s3-size';
import { S3Model, type Bucket } from '../../../simulator/s3/model';

const bytes = (n: number) => new Uint8Array(n);

describe('bucketSizeAtDayEnd', () => {
  it('counts produced objects at once and pending ones on read, as they were at the day end', () => {
    const s3 = new S3Model(() => 0);
    const bucket: Bucket = { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() };
    s3.buckets.set('b', bucket);
    const produced: string[] = [];
    const lazy = (key: string, n: number) => s3.putComputedObject('b', key, 'application/json', () => (produced.push(key), { body: bytes(n) }));
    s3.putObject('b', 'plain', bytes(10));
    expect(bucketSizeAtDayEnd(bucket)).toBe(10);

    lazy('d1', 100);
    const day1 = bucketSizeAtDayEnd(bucket);
    lazy('d2', 1000);
    const day2 = bucketSizeAtDayEnd(bucket);
    // d1 is read between day 2 and day 3; d2 is deleted unread; d3 arrives.
    s3.getObject('b', 'd1');
    s3.deleteObject('b', 'd2');
    lazy('d3', 7);
    const day3 = bucketSizeAtDayEnd(bucket);
    s3.putObject('b', 'plain', bytes(3));
    const day4 = bucketSizeAtDayEnd(bucket);
    expect(produced).toEqual(['d1']);
    expect([day1, day2, day3, day4].map((v) => typeof v)).toEqual(['function', 'function', 'function', 'function']);
    const values = [day4, day2, day1, day3].map((v) => (v as () => number)());
    expect(values).toEqual([3 + 100 + 7, 10 + 100 + 1000, 10 + 100, 10 + 100 + 7]);
    // The deleted, never-read d2 had to be made to know day 2's size; each object was made once.
    expect(produced.sort()).toEqual(['d1', 'd2', 'd3']);
  });

  it('needs no deferral once every object has been read', () => {
    const s3 = new S3Model(() => 0);
    const bucket: Bucket = { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() };
    s3.buckets.set('b', bucket);
    s3.putComputedObject('b', 'd', 'application/json', () => ({ body: bytes(5) }));
    expect(typeof bucketSizeAtDayEnd(bucket)).toBe('function');
    s3.getObject('b', 'd');
    expect(bucketSizeAtDayEnd(bucket)).toBe(5);
  });

  it('gives each day the size the bucket had at its end, whatever is put, replaced, removed or read in between', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constantFrom('put', 'computed', 'reproducible'), key: fc.integer({ min: 0, max: 5 }), size: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('delete'), key: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('read'), key: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('dayEnd') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const s3 = new S3Model(() => 0);
        s3.buckets.set('b', { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
        const bucket = s3.buckets.get('b')!;
        // What the bucket holds, by the sizes the test chose (reading nothing from the model).
        const shadow = new Map<string, number>();
        const days: { expected: number; datum: number | (() => number) }[] = [];
        for (const o of ops) {
          const key = 'key' in o ? `k${o.key}` : '';
          if (o.kind === 'put') s3.putObject('b', key, bytes(o.size));
          else if (o.kind === 'computed') s3.putComputedObject('b', key, 'application/json', () => ({ body: bytes(o.size) }));
          else if (o.kind === 'reproducible') s3.putReproducibleObject('b', key, 'application/json', { body: () => bytes(o.size), recipe: () => null });
          else if (o.kind === 'delete') s3.deleteObject('b', key);
          else if (o.kind === 'read') s3.getObject('b', key);
          if ('size' in o) shadow.set(key, o.size);
          if (o.kind === 'delete') shadow.delete(key);
          if (o.kind === 'dayEnd') days.push({ expected: [...shadow.values()].reduce((a, b) => a + b, 0), datum: bucketSizeAtDayEnd(bucket) });
        }
        // Read back in reverse, so later days are worked out before the earlier ones they build on.
        for (const d of [...days].reverse()) expect(typeof d.datum === 'number' ? d.datum : d.datum()).toBe(d.expected);
      }),
      { numRuns: 300 },
    );
  });
});
