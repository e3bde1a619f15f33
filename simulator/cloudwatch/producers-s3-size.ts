// A bucket's size at each day's end, without making the bucket's objects produce their bytes. CloudTrail's
// digests are S3 objects whose bytes are signed on first read (s3/stored-object.ts); reading every size each
// simulated day for BucketSizeBytes would sign them all as the clock moves. Objects whose bytes exist are
// counted at once; the rest are remembered and counted when the datum is first read (an object's bytes,
// once produced, never change, and a deleted or replaced object is a different StoredObject, so the sum is
// the one the bucket had at the day's end).
//
// Memory stays linear in the objects ever seen: a day's reckoning keeps only the objects that became
// pending or stopped being pending since the previous day's, and refers to that one.
import type { Bucket, S3Object } from '../s3/model';

/** One day's end: `known` bytes of produced objects, plus the pending objects' bytes. */
class Reckoning {
  private sum: number | undefined;

  constructor(
    private readonly known: number,
    private prev: Reckoning | undefined,
    private added: S3Object[],
    private removed: S3Object[],
  ) {}

  /** The bucket's size at the day's end (produces the pending objects' bytes). */
  total(): number {
    return this.known + this.pendingBytes();
  }

  /** Bytes of the objects pending at this day's end; earlier days' are worked out first, oldest first. */
  private pendingBytes(): number {
    if (this.sum !== undefined) return this.sum;
    const chain: Reckoning[] = [this];
    for (let r = this.prev; r && r.sum === undefined; r = r.prev) chain.push(r);
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i]!;
      let s = r.prev?.sum ?? 0;
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

interface Ledger {
  /** Objects pending at the last reckoning. */
  pending: Set<S3Object>;
  last: Reckoning | undefined;
}

const ledgers = new WeakMap<Bucket, Ledger>();

/** The bucket's size now: a number when every object's bytes exist, else how to work it out later. */
export function bucketSizeAtDayEnd(bucket: Bucket): number | (() => number) {
  let ledger = ledgers.get(bucket);
  if (!ledger) {
    ledger = { pending: new Set(), last: undefined };
    ledgers.set(bucket, ledger);
  }
  let known = 0;
  const added: S3Object[] = [];
  // Pending objects already pending at the last reckoning; when all of them still are (the usual day), the
  // set is only extended, not rebuilt.
  let still = 0;
  for (const o of bucket.objects.values()) {
    if (!o.pending) {
      known += o.size;
      continue;
    }
    if (ledger.pending.has(o)) still++;
    else added.push(o);
  }
  let removed: S3Object[] = [];
  if (still === ledger.pending.size) {
    for (const o of added) ledger.pending.add(o);
  } else {
    const pendingNow = new Set<S3Object>();
    for (const o of bucket.objects.values()) if (o.pending) pendingNow.add(o);
    removed = [...ledger.pending].filter((o) => !pendingNow.has(o));
    ledger.pending = pendingNow;
  }
  if (ledger.pending.size === 0) {
    ledger.last = undefined;
    return known;
  }
  const reckoning = new Reckoning(known, ledger.last, added, removed);
  ledger.last = reckoning;
  return () => reckoning.total();
}
