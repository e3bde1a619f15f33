// ListBuckets' entries, kept between calls while the account's buckets stay the same: a busy account lists
// its buckets again and again, and sorting them and writing every creation date each time was most of the call.
import { isoMillis } from '../core/clock';
import type { JsonObject } from '../core/contract';
import type { Bucket } from './model';

export class ListedBuckets {
  /** The buckets the entries were written from, in the map's order, with the members the entries show (a
   *  Bucket is a plain object: whoever holds one could change them). */
  private from: Bucket[] = [];
  private shown: { name: string; region: string; creationDate: number }[] = [];
  /** Sorted by name; frozen, since every answer shares them. */
  private entries: readonly JsonObject[] = [];

  /** The ListBuckets entries of `buckets`, sorted by name, in a list of the caller's own. */
  of(buckets: ReadonlyMap<string, Bucket>): JsonObject[] {
    if (!this.holds(buckets)) this.write(buckets);
    return this.entries.slice();
  }

  private holds(buckets: ReadonlyMap<string, Bucket>): boolean {
    if (buckets.size !== this.from.length) return false;
    let i = 0;
    for (const b of buckets.values()) {
      const s = this.shown[i]!;
      if (b !== this.from[i] || b.name !== s.name || b.region !== s.region || b.creationDate !== s.creationDate) return false;
      i++;
    }
    return true;
  }

  private write(buckets: ReadonlyMap<string, Bucket>): void {
    this.from = [...buckets.values()];
    this.shown = this.from.map((b) => ({ name: b.name, region: b.region, creationDate: b.creationDate }));
    this.entries = [...this.from]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((b) => Object.freeze({ Name: b.name, CreationDate: isoMillis(b.creationDate), BucketRegion: b.region }));
  }
}
