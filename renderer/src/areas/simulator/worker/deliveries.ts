// Which delivered log file holds a record: the UI shows "delivered, key …" once the trail's file lands.
// Files are found the way a learner would: list the bucket, open each new .json.gz, look for the eventID.
import { gunzipSync, strFromU8 } from 'fflate';
import type { JsonObject } from '../../../../../simulator';
import type { Delivered } from './protocol';
import { fromBase64 } from '../../../../../simulator/core/format';
import { DELIVERY_DELAY_MS } from '../../../../../simulator/cloudtrail/delivery/lanes';

export interface PendingDelivery {
  eventId: string;
  trailArn: string;
  bucket: string;
  region: string;
  folder: string;
  dueMs: number;
}

/** Landed trail routings of one call, as deliveries to watch for. */
export function pendingOf(routing: unknown[]): PendingDelivery[] {
  const out: PendingDelivery[] = [];
  for (const r of routing) {
    const rr = r as { eventId?: string; trails?: { landed: boolean; trailArn: string; s3Bucket?: string; deliveryRegion?: string; deliveryFolder?: string; deliveryDueTime?: string }[] };
    for (const t of rr.trails ?? []) {
      if (!t.landed || !rr.eventId || !t.s3Bucket || !t.deliveryDueTime) continue;
      out.push({ eventId: rr.eventId, trailArn: t.trailArn, bucket: t.s3Bucket, region: t.deliveryRegion ?? '', folder: t.deliveryFolder ?? 'CloudTrail', dueMs: Date.parse(t.deliveryDueTime) });
    }
  }
  return out;
}

/** An object's text: gunzipped when it is gzip (the magic bytes decide, not the name: a learner may edit one). */
export function objectText(bytes: Uint8Array): { text: string; gzip: boolean } {
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return { text: strFromU8(gunzipSync(bytes)), gzip: true };
  return { text: strFromU8(bytes), gzip: false };
}

/** Where a trail's log files for one Region lie: the reader lists only under it (a bucket also holds hourly
 *  digests, which are signed when listed, thousands after a long fast-forward). */
export interface LogFolderOf {
  trailArn: string;
  folder: string;
  region: string;
}

export interface S3Reader {
  /** Up to `max` of the folder's files delivered at `fromMs`'s minute or later, oldest first (a log file's key
   *  holds its delivery date and minute), after the key `after` when given (the next page). */
  listKeys(bucket: string, under: LogFolderOf, fromMs: number, max: number, after?: string): { key: string; lastModified: string }[];
  get(bucket: string, key: string): Uint8Array | undefined;
}

/** Files listed at a time while looking for a delivery (a listing works out each file's size, which for a log
 *  file means making its gzip: listing a busy day's 288 files after a 91-day fast-forward took 4.8 s). */
const WATCH_PAGE = 10;

/** A host's read-only call into the account (sim:Inspect): nothing it reads is recorded. */
export type Inspect = (region: string, action: string, params: JsonObject) => JsonObject;

/** Every page of ListObjectsV2 for a bucket, optionally under a prefix and after a key. */
export function listObjects(inspect: Inspect, region: string, bucket: string, prefix = '', startAfter = ''): { key: string; size: number; lastModified: string }[] {
  const out: { key: string; size: number; lastModified: string }[] = [];
  const base: JsonObject = { Bucket: bucket, ...(prefix ? { Prefix: prefix } : {}), ...(startAfter ? { StartAfter: startAfter } : {}) };
  let token: string | undefined;
  do {
    const res = inspect(region, 's3:ListObjectsV2', token ? { ...base, ContinuationToken: token } : base);
    for (const o of (res['Contents'] as JsonObject[] | undefined) ?? []) out.push({ key: String(o['Key']), size: Number(o['Size']), lastModified: String(o['LastModified']) });
    token = res['IsTruncated'] === true && typeof res['NextContinuationToken'] === 'string' ? res['NextContinuationToken'] : undefined;
  } while (token);
  return out;
}

/** One folder of a bucket as the S3 console lists it (Delimiter "/"): its subfolders and the objects directly
 *  in it. Only these objects' sizes are asked for, so opening a bucket does not make every log file's gzip or
 *  sign every digest. */
export function listFolder(inspect: Inspect, region: string, bucket: string, prefix: string): { folders: string[]; objects: { key: string; size: number; lastModified: string }[] } {
  const folders: string[] = [];
  const objects: { key: string; size: number; lastModified: string }[] = [];
  const base: JsonObject = { Bucket: bucket, Delimiter: '/', ...(prefix ? { Prefix: prefix } : {}) };
  let token: string | undefined;
  do {
    const res = inspect(region, 's3:ListObjectsV2', token ? { ...base, ContinuationToken: token } : base);
    for (const p of (res['CommonPrefixes'] as JsonObject[] | undefined) ?? []) folders.push(String(p['Prefix']));
    for (const o of (res['Contents'] as JsonObject[] | undefined) ?? []) objects.push({ key: String(o['Key']), size: Number(o['Size']), lastModified: String(o['LastModified']) });
    token = res['IsTruncated'] === true && typeof res['NextContinuationToken'] === 'string' ? res['NextContinuationToken'] : undefined;
  } while (token);
  return { folders, objects };
}

/** The oldest log file a trail wrote into a bucket: in each Region's folder the first key is the oldest (dates
 *  and times are in the key), so one object is listed a Region. */
export function oldestLogFile(inspect: Inspect, region: string, bucket: string, keyPrefix: string, accountId: string): string | null {
  const root = `${keyPrefix ? `${keyPrefix}/` : ''}AWSLogs/${accountId}/CloudTrail/`;
  let oldest: string | null = null;
  for (const regionFolder of listFolder(inspect, region, bucket, root).folders) {
    const first = ((inspect(region, 's3:ListObjectsV2', { Bucket: bucket, Prefix: regionFolder, MaxKeys: 1 })['Contents'] as JsonObject[] | undefined) ?? [])[0];
    const at = first ? String(first['LastModified']) : null;
    if (at && (oldest === null || Date.parse(at) < Date.parse(oldest))) oldest = at;
  }
  return oldest;
}

/** An object's bytes through GetObject, or undefined when it cannot be read (deleted, no bucket). */
export function objectBytes(inspect: Inspect, region: string, bucket: string, key: string): Uint8Array | undefined {
  try {
    return fromBase64(String(inspect(region, 's3:GetObject', { Bucket: bucket, Key: key })['Body'] ?? ''));
  } catch {
    return undefined;
  }
}

/** The S3Reader both hosts give the watch: it lists a trail's [S3KeyPrefix/]AWSLogs/<account>/<folder>/<region>/. */
export function inspectS3Reader(inspect: Inspect, region: string): S3Reader {
  return {
    listKeys: (bucket, under, fromMs, max, after) => {
      try {
        const [, , , home = region, account = ''] = under.trailArn.split(':');
        const trail = (inspect(home, 'cloudtrail:DescribeTrails', { trailNameList: [under.trailArn] })['trailList'] as JsonObject[] | undefined)?.[0];
        const keyPrefix = typeof trail?.['S3KeyPrefix'] === 'string' && trail['S3KeyPrefix'] ? `${trail['S3KeyPrefix']}/` : '';
        const folder = `${keyPrefix}AWSLogs/${account}/${under.folder}/${under.region}/`;
        // Keys sort by day folder, then by the minute in the name (<account>_<folder>_<region>_YYYYMMDDTHHmmZ_…):
        // starting after that name up to its minute skips every file delivered before.
        const at = new Date(fromMs).toISOString();
        const stamp = `${at.slice(0, 4)}${at.slice(5, 7)}${at.slice(8, 10)}T${at.slice(11, 13)}${at.slice(14, 16)}Z`;
        const from = `${folder}${at.slice(0, 10).replaceAll('-', '/')}/${account}_${under.folder}_${under.region}_${stamp}`;
        const res = inspect(region, 's3:ListObjectsV2', { Bucket: bucket, Prefix: folder, StartAfter: after ?? from, MaxKeys: max });
        return ((res['Contents'] as JsonObject[] | undefined) ?? []).map((o) => ({ key: String(o['Key']), lastModified: String(o['LastModified']) }));
      } catch {
        return [];
      }
    },
    get: (bucket, key) => objectBytes(inspect, region, bucket, key),
  };
}

/** Remembers what each log file holds, so every file is opened once. */
export class DeliveryWatch {
  private pending: PendingDelivery[] = [];
  /** Per folder, the last key read by a look that left calls waiting. */
  private readonly scannedTo = new Map<string, string>();
  private readonly fileEvents = new Map<string, Set<string>>();

  /** The eventIDs a log file holds, read once. */
  private eventsIn(s3: S3Reader, bucket: string, key: string): Set<string> {
    const cacheKey = `${bucket}/${key}`;
    let ids = this.fileEvents.get(cacheKey);
    if (!ids) {
      ids = new Set();
      const body = s3.get(bucket, key);
      try {
        const doc = body ? (JSON.parse(objectText(body).text) as { Records?: JsonObject[] }) : {};
        for (const r of doc.Records ?? []) ids.add(String(r['eventID']));
      } catch {
        // A learner may have replaced the file with something that is not a log file: it holds nothing.
      }
      this.fileEvents.set(cacheKey, ids);
    }
    return ids;
  }

  add(p: PendingDelivery[]): void {
    this.pending.push(...p);
    // A new call's file may lie before where an earlier look stopped.
    for (const d of p) this.scannedTo.delete(`${d.bucket}|${d.trailArn}|${d.folder}|${d.region}`);
  }

  clear(): void {
    this.pending = [];
    this.scannedTo.clear();
    this.fileEvents.clear();
  }

  /** Deliveries that are due at nowMs and whose file is now in the bucket. */
  check(nowMs: number, s3: S3Reader): Delivered[] {
    const due = this.pending.filter((p) => p.dueMs <= nowMs);
    if (due.length === 0) return [];
    const found: Delivered[] = [];
    const byFolder = new Map<string, PendingDelivery[]>();
    for (const p of due) {
      const folderKey = `${p.bucket}|${p.trailArn}|${p.folder}|${p.region}`;
      const list = byFolder.get(folderKey);
      if (list) list.push(p);
      else byFolder.set(folderKey, [p]);
    }
    for (const [folderKey, waiting] of byFolder) {
      // A file is written at its due time, or earlier when the trail stops logging or is deleted (the waiting
      // records go out then), or later when the bucket refuses it: never before the call itself, at most one
      // delivery delay before its due time. The folder is read from there, a page at a time, once for all its
      // waiting calls, and on the next look from where this one ended (each file is read once).
      const p0 = waiting[0]!;
      const marker = `/${p0.folder}/${p0.region}/`;
      const fromMs = Math.min(...waiting.map((p) => p.dueMs)) - DELIVERY_DELAY_MS;
      let after = this.scannedTo.get(folderKey);
      let left = waiting.slice();
      for (;;) {
        const page = s3.listKeys(p0.bucket, p0, fromMs, WATCH_PAGE, after);
        for (const k of page) {
          if (!k.key.includes(marker) || !k.key.endsWith('.json.gz')) continue;
          const ids = this.eventsIn(s3, p0.bucket, k.key);
          const still: PendingDelivery[] = [];
          for (const p of left) {
            if (ids.has(p.eventId)) found.push({ eventId: p.eventId, trailArn: p.trailArn, bucket: p.bucket, key: k.key, atMs: Date.parse(k.lastModified) });
            else still.push(p);
          }
          left = still;
        }
        if (page.length > 0) after = page[page.length - 1]!.key;
        if (left.length === 0 || page.length < WATCH_PAGE) break;
      }
      // Where to go on from, for calls still waiting (a blocked bucket); a new call starts a new look.
      if (left.length > 0 && after !== undefined) this.scannedTo.set(folderKey, after);
      else this.scannedTo.delete(folderKey);
    }
    const done = new Set(found.map((f) => `${f.eventId}|${f.trailArn}`));
    this.pending = this.pending.filter((p) => !done.has(`${p.eventId}|${p.trailArn}`));
    return found;
  }
}
