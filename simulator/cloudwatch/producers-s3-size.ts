// A bucket's size at each day's end, without making the bucket's objects produce their bytes and without
// looking at every object every day. CloudTrail's digests are signed when first read and its log files are
// gzipped when read (s3/stored-object.ts); reading every size each simulated day for BucketSizeBytes would
// make them all as the clock moves, and after months a bucket holds tens of thousands of files.
//
// Each day's size is the previous day's plus what was put and minus what was removed or replaced since (the
// bucket's ObjectMap keeps that list). Sizes already known are added at once; objects whose bytes do not
// exist yet are kept and counted when the datum is first read. An object's bytes, once produced, never
// change, and a replaced object is a different StoredObject, so the sum is the one the bucket had that day.
import type { Bucket, S3Object } from '../s3/model';
import { ObjectMap, objectMapOf } from '../s3/object-map';
import type { LaterValue } from './metric-store';

/** One day's end: the previous day's size, plus `known` bytes, plus the sizes of `added` not known yet,
 *  minus those of `removed`. */
class Reckoning {
  private sum: number | undefined;
  /** Every log file size this day and the days before it count is made (see warm). */
  private warmed = false;

  constructor(
    private readonly known: number,
    private prev: Reckoning | undefined,
    private added: S3Object[],
    private removed: S3Object[],
  ) {}

  /** The size now, if it costs nothing to work out (every object counted has its bytes already). */
  settled(): number | undefined {
    if (this.sum !== undefined) return this.sum;
    if (this.added.some((o) => o.pending) || this.removed.some((o) => o.pending)) return undefined;
    // Earlier days may have become free too (their objects read since): back to the first that is not.
    if (this.prev !== undefined && this.prev.settled() === undefined) return undefined;
    return this.total();
  }

  /** Works out, one at a time until `enough` says so, the sizes `total` will read that cost only a gzip each
   *  (log files); true once none is left. Computed objects (unsigned digests) are left to `total`. */
  warm(enough: () => boolean): boolean {
    // Oldest day first, back to one worked out or warmed already; a day is warmed once its own sizes are made
    // and every day before it is (so a later call does not walk the days again).
    if (this.sum !== undefined || this.warmed) return true;
    const chain: Reckoning[] = [this];
    for (let r = this.prev; r && r.sum === undefined && !r.warmed; r = r.prev) chain.push(r);
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i]!;
      for (const list of [r.added, r.removed]) {
        for (const o of list) {
          if (!o.sizeToMake) continue;
          void o.size;
          if (enough()) return false;
        }
      }
      r.warmed = true;
    }
    return true;
  }

  /** The bucket's size at the day's end (produces the bytes of objects counted here and in earlier days). */
  total(): number {
    if (this.sum !== undefined) return this.sum;
    const chain: Reckoning[] = [this];
    for (let r = this.prev; r && r.sum === undefined; r = r.prev) chain.push(r);
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i]!;
      let s = (r.prev?.sum ?? 0) + r.known;
      for (const o of r.added) s += o.size;
      for (const o of r.removed) s -= o.size;
      r.sum = s;
      // Worked out once: the references can go.
      r.prev = undefined;
      r.added = [];
      r.removed = [];
    }
    return this.sum!;
  }
}

const last = new WeakMap<Bucket, Reckoning>();

/** The bucket's objects as an ObjectMap (a bucket a test made with a plain Map becomes one, all of it new). */
function changesOf(bucket: Bucket): { added: S3Object[]; removed: S3Object[] } {
  if (!(bucket.objects instanceof ObjectMap)) bucket.objects = objectMapOf(bucket.objects);
  return (bucket.objects as ObjectMap).takeChanges();
}

/** The bucket's size now: a number when it costs nothing to know, else how to work it out later (and how to
 *  make ahead, in slices, what that will read: see LaterValue). */
export function bucketSizeAtDayEnd(bucket: Bucket): number | LaterValue {
  const { added, removed } = changesOf(bucket);
  // An object put and removed again since the last day counts for neither (each removal cancels one put).
  const removals = new Map<S3Object, number>();
  for (const o of removed) removals.set(o, (removals.get(o) ?? 0) + 1);
  let known = 0;
  const addedLater: S3Object[] = [];
  for (const o of added) {
    const n = removals.get(o) ?? 0;
    if (n > 0) {
      removals.set(o, n - 1);
      continue;
    }
    if (o.pending) addedLater.push(o);
    else known += o.size;
  }
  const removedLater: S3Object[] = [];
  for (const [o, n] of removals) {
    for (let i = 0; i < n; i++) {
      if (o.pending) removedLater.push(o);
      else known -= o.size;
    }
  }
  const reckoning = new Reckoning(known, last.get(bucket), addedLater, removedLater);
  last.set(bucket, reckoning);
  const now = reckoning.settled();
  if (now !== undefined) return now;
  return Object.assign(() => reckoning.total(), { warm: (enough: () => boolean) => reckoning.warm(enough) });
}
