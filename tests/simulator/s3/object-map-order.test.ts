// A bucket's keys in order, kept between listings (ObjectMap.sortedKeys, S3Model.keysFrom), against a plain
// sort of the keys, over random puts, overwrites, deletes and clears, for any prefix, StartAfter and delimiter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S3Model } from '../../../simulator/s3/model';
import { ObjectMap } from '../../../simulator/s3/object-map';

const KEY = fc.stringMatching(/^[ab/._-]{1,6}$/);
const OP = fc.oneof(
  fc.record({ put: KEY }),
  fc.record({ remove: KEY }),
  fc.record({ list: fc.tuple(fc.stringMatching(/^[ab/]{0,3}$/), fc.option(fc.stringMatching(/^[ab/._-]{0,6}$/), { nil: undefined }), fc.constantFrom('', '/', 'b', '/.')) }),
  fc.constant({ clear: true as const }),
);

describe('S3Model.keysFrom', () => {
  it('lists the same keys, in the same order, as filtering and sorting them all', () => {
    fc.assert(
      fc.property(fc.array(OP, { maxLength: 60 }), (ops) => {
        const s3 = new S3Model(() => 0);
        const bucket = { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new ObjectMap() };
        s3.buckets.set('b', bucket);
        for (const op of ops) {
          if ('put' in op) s3.putObject('b', op.put, new Uint8Array([1]));
          else if ('remove' in op) s3.deleteObject('b', op.remove);
          else if ('clear' in op) bucket.objects.clear();
          else {
            const [prefix, after, delimiter] = op.list;
            const naive = [...bucket.objects.keys()].sort().filter((k) => k.startsWith(prefix) && (!after || k > after));
            expect([...s3.keysFrom('b', prefix, after)]).toEqual(naive);
            // With a delimiter: each key not in a folder below the prefix, and the first key of each folder.
            const folders = new Set<string>();
            const firsts = naive.filter((k) => {
              const cut = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
              if (cut < 0) return true;
              const folder = k.slice(0, cut + delimiter.length);
              if (folders.has(folder)) return false;
              folders.add(folder);
              return true;
            });
            expect([...s3.keysFrom('b', prefix, after, delimiter)]).toEqual(firsts);
            expect(s3.listKeys('b', prefix)).toEqual([...bucket.objects.keys()].sort().filter((k) => k.startsWith(prefix)));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
