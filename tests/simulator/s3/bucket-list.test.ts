// ListBuckets keeps its entries between calls (s3/bucket-list.ts). Its answer must be what writing the list
// afresh gives after any change to the account's buckets: made, deleted, made again in another Region,
// restored from a snapshot, or a bucket object changed in place. Each answer's list is the caller's own.
import { describe, expect, it } from 'vitest';
import { isoMillis } from '../../../simulator/core/clock';
import type { JsonObject } from '../../../simulator/core/contract';
import { Account } from '../../../simulator/account';
import { ListedBuckets } from '../../../simulator/s3/bucket-list';
import type { Bucket } from '../../../simulator/s3/model';
import { ok } from '../support';

/** The list as ListBuckets wrote it before it kept one. */
function fresh(buckets: ReadonlyMap<string, Bucket>): JsonObject[] {
  return [...buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((b) => ({ Name: b.name, CreationDate: isoMillis(b.creationDate), BucketRegion: b.region }));
}

describe('ListBuckets kept entries', () => {
  it('answer as a fresh list through buckets made, deleted, made again elsewhere and restored', () => {
    let acct = new Account({ seed: 3, startMs: Date.parse('2026-01-01T00:00:00Z') });
    const at = (region: string) => ({ as: 'root', region, via: 'console' as const });
    const list = () => {
      const answer = ok(acct.call('s3:ListBuckets', {}, at('us-east-1')));
      expect(answer['Buckets']).toEqual(fresh(acct.s3.model.buckets));
      return answer['Buckets'] as JsonObject[];
    };
    const seen: JsonObject[][] = [list()];
    const names = ['logs', 'alpha', 'zeta', 'mid', 'beta'];
    for (let i = 0; i < 20; i++) {
      const name = names[(i * 3) % names.length]!;
      const region = i % 3 === 0 ? 'ap-northeast-2' : 'us-east-1';
      if (acct.s3.model.buckets.has(name)) ok(acct.call('s3:DeleteBucket', { Bucket: name }, at(region)));
      else ok(acct.call('s3:CreateBucket', { Bucket: name, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region } }) }, at(region)));
      acct.advance(1000);
      seen.push(list(), list());
      if (i === 12) {
        acct = Account.restore(JSON.parse(JSON.stringify(acct.snapshot())));
        seen.push(list());
      }
    }
    // Every answer has a list of its own; answers already given never change.
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) for (const e of seen[i]!) expect(Object.isFrozen(e)).toBe(true);
  });

  it('sees a bucket object changed in place, and a bucket replaced by another object', () => {
    const buckets = new Map<string, Bucket>();
    const make = (name: string, region: string, creationDate: number): Bucket => ({ name, region, creationDate, policy: null, objects: new Map() });
    buckets.set('b', make('b', 'us-east-1', 1_000));
    buckets.set('a', make('a', 'us-east-1', 2_000));
    const listed = new ListedBuckets();
    expect(listed.of(buckets)).toEqual(fresh(buckets));
    buckets.get('a')!.region = 'eu-west-1';
    expect(listed.of(buckets)).toEqual(fresh(buckets));
    buckets.get('b')!.creationDate = 5_000;
    expect(listed.of(buckets)).toEqual(fresh(buckets));
    buckets.set('b', make('b', 'ap-northeast-2', 5_000));
    expect(listed.of(buckets)).toEqual(fresh(buckets));
    buckets.delete('a');
    buckets.set('a', make('a', 'eu-west-1', 2_000));
    expect(listed.of(buckets)).toEqual(fresh(buckets));
  });
});
