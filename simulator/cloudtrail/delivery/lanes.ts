// Per (trail, Region) delivery lane: records wait in a buffer and go to the trail's bucket as one log file
// about 5 minutes after the first of them arrived; with log file validation on, an hourly digest lists the
// files delivered in the hour, chained to the previous digest and signed. All on the simulated clock.
// Digests are placed in the bucket at their due time but signed on first read (pending-digest.ts). Log files
// are lists of record ids in the record archive; their gzip is made when something reads them.
import type { ObjectStore, Random } from '../../core/contract';
import type { DigestWanted } from '../../core/cloudtrail-port';
import type { SnapshotWriter } from '../../core/snapshot-writer';
import { MINUTE_MS, HOUR_MS } from '../time';
import type { TrailConfig } from '../trails/trail-types';
import { ALNUM, LaneDigestKeys, LaneLogFileKeys, type DigestLogFile, type LogFolder, type PreviousDigest } from './files';
import { LogFiles, type LogFileContent } from './log-files';
import { ArchivedRecords, DeliveredLogFile } from './delivered-log-file';
import { LaneBuffer } from './lane-buffer';
import type { RecordArchive } from './record-archive';
import type { TemplatedTexts } from '../../core/templated-texts';
import { listedFile, LogFileHash, PendingDigest, restoredDigest, savedDigest, type ChainFile, type DigestSigning, type SavedDigest } from './pending-digest';
import type { ComputedObjects, Json, ObjectContent, ReproducibleContent } from '../../core/contract';

export const DELIVERY_DELAY_MS = 5 * MINUTE_MS;
export const DIGEST_PERIOD_MS = HOUR_MS;

/** A lane as snapshots hold it: every listed hash written out, an unsigned previous digest by id. */
export interface LaneState {
  trailArn: string;
  region: string;
  folder: LogFolder;
  buffer: string[];
  oldestMs: number | null;
  newestMs: number | null;
  dueMs: number | null;
  /** previous: the last digest's link, or its id among the snapshot's unsigned digests. */
  chain: { startMs: number; nextMs: number; previous: PreviousDigest | { pendingDigest: number } | null; files: (DigestLogFile & { newestMs: number; oldestMs: number })[] } | null;
}

/** Where the event history keeps a record's text (EventStore), while it does. */
export interface HistoryTexts {
  copyText(id: number, into: TemplatedTexts): number | undefined;
  textOf(id: number): string | undefined;
}

/**
 * A record waiting in lanes: one object however many trails' lanes hold it. A record the event history keeps
 * waits without its text and values (`json` and `values` undefined): the text is read from the history if
 * something asks for it before the delivery, which archives it by copying from there. Held for the five minutes
 * records wait, the texts of a busy account (about a kilobyte a record) outlived the young generation and were
 * a tenth of its time in garbage collection; the values (two UUIDs a record) and a separate object naming the
 * history's entry were most of what still did. The history tells the lanes before it lets a record go or renumbers
 * it (keepTexts): a record still waiting then takes its text and values.
 */
export interface WaitingRecord {
  json: string | undefined;
  /** The values worth packing when it is archived from its text (see RecordArchive.add). */
  values: readonly (string | undefined)[] | undefined;
  /** Where the event history keeps it, if it does (its id there in `historyId`). */
  readonly historyStore: HistoryTexts | undefined;
  readonly historyId: number;
  /** Its eventTime in ms, when the router knew it (NaN for records restored from a snapshot). */
  readonly eventMs: number;
  /** Its archive id, valid for deliveries at `archivedAtMs` (trails delivering at the same instant share it). */
  archivedAtMs: number;
  id: number;
}

/** A record with its text and values, or (json and values undefined) one the history keeps as `history`. */
export function waitingRecord(json: string | undefined, values: readonly (string | undefined)[] | undefined, history?: { store: HistoryTexts; id: number }, eventMs = NaN): WaitingRecord {
  if (json === undefined && history === undefined) throw new Error('cloudtrail: a waiting record needs its text or the history\'s');
  return { json, values, historyStore: history?.store, historyId: history?.id ?? -1, eventMs, archivedAtMs: NaN, id: -1 };
}

/** A waiting record's text: its own, or the event history's. */
export function waitingText(r: WaitingRecord): string {
  const text = r.json ?? r.historyStore?.textOf(r.historyId);
  if (text === undefined) throw new Error('cloudtrail: the event history let a waiting record go before it was kept');
  return text;
}

/** Kept by a caller for one trail, Region and folder (routing keeps one in each landed decision), so that
 *  buffering finds the lane without looking it up by name. Good while `epoch` is the lanes' present epoch. */
export interface LaneSlot {
  epoch: object | undefined;
  lane: object | undefined;
}

/** A lane while running: records waiting as shared objects; the previous digest may still be unsigned,
 *  listed hashes not yet computed. */
interface Lane extends Omit<LaneState, 'chain' | 'buffer'> {
  buffer: LaneBuffer;
  chain: { startMs: number; nextMs: number; previous: PendingDigest | PreviousDigest | null; files: ChainFile[] } | null;
  /** Its log files' and digests' key pieces, for the trail's present prefix (not in snapshots). */
  keys?: LaneLogFileKeys;
  digestKeys?: LaneDigestKeys;
}

export interface LogFileDelivered {
  kind: 'logFile';
  folder: LogFolder;
  trailArn: string;
  region: string;
  bucket: string;
  key: string;
  records: string[];
  /** The records in the archive: records[i] is archived.texts.get(archived.ids[i]), whose eventTime is
   *  archived.eventMs[i] in ms (NaN where not known: read it from the text). */
  archived: { texts: { get(id: number): string }; ids: ArrayLike<number>; eventMs: ArrayLike<number> };
  atMs: number;
  cloudWatchLogs?: { logGroupArn: string; roleArn: string };
}

export interface DigestDelivered {
  kind: 'digest';
  trailArn: string;
  region: string;
  bucket: string;
  key: string;
  atMs: number;
}

export interface LaneDeps {
  accountId: string;
  random: Random;
  store: ObjectStore;
  trail(arn: string): TrailConfig | undefined;
  delivered(e: LogFileDelivered | DigestDelivered): void;
  deliveryFailed(trailArn: string, errorCode: string, atMs: number): void;
  /** Why CloudTrail cannot write to the trail's bucket right now (NoSuchBucket, AccessDenied), if it cannot. */
  deliveryBlocked(trail: TrailConfig): string | undefined;
  /** Where signatures live when the store keeps no object metadata. */
  signatures: Map<string, string>;
  /** The values of a record's JSON text worth packing in the archive (a restored lane's records). */
  varyingValues(json: string): readonly (string | undefined)[];
}

function laneId(trailArn: string, region: string, folder: LogFolder): string {
  return `${trailArn}|${region}|${folder}`;
}

/** Distinct record lists kept per delivery instant (a lane compares its list with each). */
const MAX_ARCHIVED_LISTS = 16;

/** One list of records delivered at an instant, as every lane delivering exactly those records shares it. */
interface ArchivedList {
  readonly buffer: readonly WaitingRecord[];
  readonly ids: Int32Array;
  /** The log file's content: the same bytes for every lane, so one object (and one run of ids) serves them all. */
  readonly content: LogFileContent;
  /** Its hash as digests list it, made once for every validated trail that lists it. */
  hash: LogFileHash | undefined;
}

/** The same record objects in the same order. */
function sameRecords(a: readonly WaitingRecord[], b: readonly WaitingRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class DeliveryLanes {
  private lanes = new Map<string, Lane>();
  /** Log files as record ids, and the archive of every record delivered (once however many trails did). */
  private readonly logFiles = new LogFiles();
  /** The CloudTrail-folder lane of each trail and Region, found without building a key per record. */
  private laneCache = new Map<string, Map<string, Lane>>();
  /** Replaced whenever a lane is dropped or lanes are restored: slots kept from before then are not used. An
   *  object, not a number, so that a slot filled by another account's lanes (decisions are shared by every
   *  account whose trails share a configuration object) never matches. */
  private epoch: object = {};
  /** Log files a restored bucket named by archive ids, checked once the archive itself is restored. */
  private restoredLogFiles: LogFileContent[] = [];
  /** The instant of the deliveries in `archivedLists`. */
  private archivedAtMs = NaN;
  /** The records of deliveries at `archivedAtMs`, each list once, with their archive ids (see `archived`). */
  private archivedLists: ArchivedList[] = [];
  /** Digests delivered but maybe not signed yet, oldest first (see signAhead). */
  private unsigned: PendingDigest[] = [];
  /** No lane has a log file or digest due before this: a lower bound, lowered wherever a due time is set and
   *  made exact by advanceTo's pass. advanceTo is asked every simulated minute, mostly with nothing due, and
   *  then returns without reading every lane (twenty lanes, two cache misses each, in the bench account). */
  private soonestMs = -Infinity;

  /** Ids of unsigned digests, for snapshots (stable, so a restored account saves the same ids). */
  private digestIds = new WeakMap<PendingDigest, number>();
  private nextDigestId = 1;
  /** Digests rebuilt by restore, by id: the S3 objects a snapshot kept as recipes find their content here. */
  private restoredById = new Map<number, PendingDigest>();

  constructor(private readonly deps: LaneDeps) {}

  private idOf(d: PendingDigest): number {
    let id = this.digestIds.get(d);
    if (id === undefined) {
      id = this.nextDigestId++;
      this.digestIds.set(d, id);
    }
    return id;
  }

  private recipeOf(d: PendingDigest): Json | undefined {
    return d.signedYet ? undefined : { cloudTrailDigest: this.idOf(d) };
  }

  private restoredFor(recipe: Json): PendingDigest {
    const id = (recipe as { cloudTrailDigest?: unknown } | null)?.cloudTrailDigest;
    const d = typeof id === 'number' ? this.restoredById.get(id) : undefined;
    if (!d) throw new Error(`cloudtrail: no saved digest ${JSON.stringify(recipe)}`);
    return d;
  }

  /** How the bucket store computes, and saves again, objects a snapshot kept as recipes: unsigned digests,
   *  and log files (always saved as their record ids). */
  readonly computed: ComputedObjects = {
    content: (recipe: Json): ObjectContent => this.restoredFor(recipe).content(),
    recipe: (recipe: Json): Json | undefined => this.recipeOf(this.restoredFor(recipe)),
    reproducible: (recipe: Json): ReproducibleContent | undefined => {
      const text = (recipe as { cloudTrailLogFile?: unknown } | null)?.cloudTrailLogFile;
      if (text === undefined) return undefined;
      const file = this.logFiles.restoredFile(text);
      if (!file) throw new Error(`cloudtrail snapshot: malformed log file ${JSON.stringify(recipe)}`);
      this.restoredLogFiles.push(file);
      return file;
    },
  };

  private get archive(): RecordArchive {
    return this.logFiles.archive;
  }

  /** The archive every delivery's records are kept in (see CloudTrailPort.recordArchive). */
  get recordArchive(): RecordArchive {
    return this.logFiles.archive;
  }

  private lane(trailArn: string, region: string, folder: LogFolder = 'CloudTrail'): Lane {
    const id = laneId(trailArn, region, folder);
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = { trailArn, region, folder, buffer: new LaneBuffer(), oldestMs: null, newestMs: null, dueMs: null, chain: null };
      this.lanes.set(id, lane);
    }
    return lane;
  }

  private lanesOf(trailArn: string): Lane[] {
    return [...this.lanes.values()].filter((l) => l.trailArn === trailArn);
  }

  /** The lane of a trail, Region and folder; the CloudTrail folder's without building a key. */
  private laneOf(trailArn: string, region: string, folder: LogFolder): Lane {
    if (folder !== 'CloudTrail') return this.lane(trailArn, region, folder);
    let byRegion = this.laneCache.get(trailArn);
    if (!byRegion) this.laneCache.set(trailArn, (byRegion = new Map()));
    let lane = byRegion.get(region);
    if (!lane) byRegion.set(region, (lane = this.lane(trailArn, region, folder)));
    return lane;
  }

  /** Buffers one record (the same WaitingRecord for every trail); returns when the file holding it is due.
   *  A slot the caller keeps for this trail, Region and folder saves finding the lane by name next time. */
  buffer(trailArn: string, region: string, record: WaitingRecord, eventMs: number, nowMs: number, folder: LogFolder = 'CloudTrail', slot?: LaneSlot): number {
    let lane: Lane;
    if (slot !== undefined && slot.epoch === this.epoch) lane = slot.lane as Lane;
    else {
      lane = this.laneOf(trailArn, region, folder);
      if (slot !== undefined) {
        slot.epoch = this.epoch;
        slot.lane = lane;
      }
    }
    lane.buffer.push(record);
    // Written only when they change (a lane's records mostly share their second): a time written into a member
    // that also holds null is a new heap number every time, some 280 bytes a record over ten trails' lanes.
    // eventMs is a record's time, never NaN, so these keep what Math.min and Math.max would.
    if (lane.oldestMs === null || eventMs < lane.oldestMs) lane.oldestMs = eventMs;
    if (lane.newestMs === null || eventMs > lane.newestMs) lane.newestMs = eventMs;
    if (lane.dueMs === null) this.lowerSoonest((lane.dueMs = nowMs + DELIVERY_DELAY_MS));
    return lane.dueMs;
  }

  private lowerSoonest(ms: number): void {
    if (ms < this.soonestMs) this.soonestMs = ms;
  }

  /**
   * The event history is about to let the records of `store` with ids under `below` go: those still waiting take
   * their texts now. On expiry (ids under the first kept) only a lane whose trail cannot deliver still holds such
   * records, 90 days old; when the history renumbers around an out-of-order record (`below` Infinity, rare) every
   * record of the store waiting in any lane takes its text. Asked every simulated minute once records expire: a
   * pass over the waiting records, which changes nothing when none is that old.
   */
  keepTexts(store: HistoryTexts, below: number): void {
    for (const lane of this.lanes.values()) lane.buffer.keepTexts(store, below, this.deps.varyingValues);
  }

  /** Archives a record from its text (one the history does not hold, or no longer). */
  private archiveText(r: WaitingRecord): number {
    const text = waitingText(r);
    return this.archive.add(text, (r.values ??= this.deps.varyingValues(text)));
  }

  /** Starts a fresh digest chain (first digest has null previous* fields) in each of the trail's Regions. */
  startChains(trailArn: string, regions: string[], nowMs: number, onlyMissing = false): void {
    for (const region of regions) {
      const lane = this.lane(trailArn, region);
      if (onlyMissing && lane.chain) continue;
      lane.chain = { startMs: nowMs, nextMs: nowMs + DIGEST_PERIOD_MS, previous: null, files: [] };
      this.lowerSoonest(lane.chain.nextMs);
    }
  }

  /** Logging stopped or trail deleted: deliver what waits, then one final digest per chain. */
  finish(trailArn: string, nowMs: number): void {
    for (const lane of this.lanesOf(trailArn)) {
      if (lane.buffer.length) this.deliverLog(lane, nowMs);
      if (lane.chain) this.deliverDigest(lane, nowMs);
      lane.chain = null;
    }
  }

  /** Validation turned off: the chain simply stops (no digest for files delivered while it is off). */
  stopChains(trailArn: string, keepRegions: readonly string[] = []): void {
    for (const lane of this.lanesOf(trailArn)) if (!keepRegions.includes(lane.region)) lane.chain = null;
  }

  drop(trailArn: string): void {
    this.epoch = {};
    for (const lane of this.lanesOf(trailArn)) this.lanes.delete(laneId(lane.trailArn, lane.region, lane.folder));
    this.laneCache.delete(trailArn);
  }

  /** Runs every delivery and digest due up to nowMs, in time order (a delivery before a digest at the same instant). */
  advanceTo(nowMs: number): void {
    // Asked every simulated minute: nothing read before the soonest due time, nothing allocated when nothing is due.
    if (nowMs < this.soonestMs) return;
    for (;;) {
      let atMs = Infinity;
      for (const l of this.lanes.values()) {
        const due = l.dueMs;
        if (due !== null && due < atMs) atMs = due;
        const next = l.chain?.nextMs;
        if (next !== undefined && next < atMs) atMs = next;
      }
      if (atMs > nowMs) {
        // A pass that found nothing due changed nothing: its soonest time is exact.
        this.soonestMs = atMs;
        return;
      }
      // Everything due at that instant, in the order taking the first due lane again and again would give (a pass
      // per delivery, quadratic in a busy account's lanes): every lane's log file, then every lane's digest, which
      // lists the files delivered at that instant. A delivery moves only its own lane's due times, and later.
      for (const l of this.lanes.values()) if (l.dueMs === atMs) this.deliverLog(l, atMs);
      for (const l of this.lanes.values()) if (l.chain?.nextMs === atMs) this.deliverDigest(l, atMs);
      // Let the instant's record lists go: they would keep those records' texts alive until the next delivery.
      this.archivedLists = [];
    }
  }

  private deliverLog(lane: Lane, atMs: number): void {
    const trail = this.deps.trail(lane.trailArn);
    if (!trail) {
      lane.buffer.take();
      lane.dueMs = null;
      return;
    }
    const blocked = this.deps.deliveryBlocked(trail);
    if (blocked) {
      // CloudTrail keeps the events and retries; the trail status shows the error meanwhile.
      this.deps.deliveryFailed(lane.trailArn, blocked, atMs);
      this.lowerSoonest((lane.dueMs = atMs + DELIVERY_DELAY_MS));
      return;
    }
    let unique = '';
    for (let i = 0; i < 16; i++) unique += ALNUM[this.deps.random.int(0, ALNUM.length)];
    if (!lane.keys || lane.keys.prefix !== trail.s3KeyPrefix) lane.keys = new LaneLogFileKeys(trail.s3KeyPrefix, this.deps.accountId, lane.region, lane.folder);
    const key = lane.keys.key(atMs, unique);
    const records = lane.buffer.take();
    const list = this.archived(records, atMs);
    const { ids, content } = list;
    const { store } = this.deps;
    if (store.putReproducibleObject) store.putReproducibleObject(trail.s3BucketName, key, 'application/json', content);
    else store.putObject(trail.s3BucketName, key, content.body(), 'application/json');
    // Digests list the trail's log files; Insights files are outside the chain.
    if (lane.chain && lane.folder === 'CloudTrail') {
      lane.chain.files.push({
        s3Bucket: trail.s3BucketName,
        s3Object: key,
        hash: (list.hash ??= LogFileHash.of(content)),
        newestMs: lane.newestMs!,
        oldestMs: lane.oldestMs!,
      });
    }
    const event = new DeliveredLogFile(lane.folder, lane.trailArn, lane.region, trail.s3BucketName, key, atMs, new ArchivedRecords(this.archive, ids, records));
    if (trail.cloudWatchLogsLogGroupArn && trail.cloudWatchLogsRoleArn) {
      event.cloudWatchLogs = { logGroupArn: trail.cloudWatchLogsLogGroupArn, roleArn: trail.cloudWatchLogsRoleArn };
    }
    lane.oldestMs = lane.newestMs = lane.dueMs = null;
    this.deps.delivered(event);
  }

  /**
   * The archive ids of a lane's records, adding those no other trail delivered at this instant. Trails that
   * log the same events deliver the same records at the same instant (ten lanes of one Region, in a busy
   * account): a lane holding exactly the records of a delivery before it at this instant gets that delivery's
   * ids again, found by comparing the two lists rather than by reading each record. Lanes of several Regions
   * take turns (a multi-Region trail's lanes come one after another), so every distinct list of the instant is
   * kept, not only the last. The ids are then shared by the files' reports, and the file's content and hash by
   * their S3 objects and digests: readers only read them.
   */
  private archived(records: readonly WaitingRecord[], atMs: number): ArchivedList {
    if (atMs !== this.archivedAtMs) {
      this.archivedAtMs = atMs;
      this.archivedLists = [];
    }
    const lists = this.archivedLists;
    for (let i = 0; i < lists.length; i++) if (sameRecords(lists[i]!.buffer, records)) return lists[i]!;
    const ids = new Int32Array(records.length);
    for (let i = 0; i < ids.length; i++) {
      const r = records[i]!;
      if (r.archivedAtMs !== atMs) {
        r.id = (r.historyStore && this.archive.addFrom(r.historyStore, r.historyId)) ?? this.archiveText(r);
        r.archivedAtMs = atMs;
      }
      ids[i] = r.id;
    }
    // A bounded search: an instant with more distinct lists than this just archives the rest record by record.
    const list: ArchivedList = { buffer: records, ids, content: this.logFiles.file(ids), hash: undefined };
    if (lists.length < MAX_ARCHIVED_LISTS) lists.push(list);
    return list;
  }

  private deliverDigest(lane: Lane, atMs: number): void {
    const trail = this.deps.trail(lane.trailArn);
    const chain = lane.chain;
    if (!trail || !chain) return;
    const blocked = this.deps.deliveryBlocked(trail);
    if (blocked) {
      this.deps.deliveryFailed(lane.trailArn, blocked, atMs);
      this.lowerSoonest((chain.nextMs = atMs + DIGEST_PERIOD_MS));
      return;
    }
    if (!lane.digestKeys?.fits(trail.s3KeyPrefix, trail.name, trail.homeRegion)) {
      lane.digestKeys = new LaneDigestKeys(trail.s3KeyPrefix, this.deps.accountId, lane.region, trail.name, trail.homeRegion);
    }
    const key = lane.digestKeys.key(atMs);
    const digest = new PendingDigest({
      accountId: this.deps.accountId,
      region: lane.region,
      bucket: trail.s3BucketName,
      key,
      startMs: chain.startMs,
      endMs: atMs,
      files: chain.files,
      previous: chain.previous ?? undefined,
    });
    const { store } = this.deps;
    if (store.putComputedObject) store.putComputedObject(trail.s3BucketName, key, 'application/json', () => digest.content(), () => this.recipeOf(digest));
    else {
      const content = digest.content();
      store.putObject(trail.s3BucketName, key, content.body, 'application/json', content.metadata);
      if (!store.objectMetadata) this.deps.signatures.set(`${trail.s3BucketName}/${key}`, digest.link().signature);
    }
    lane.chain = { startMs: atMs, nextMs: atMs + DIGEST_PERIOD_MS, previous: digest, files: [] };
    this.lowerSoonest(lane.chain.nextMs);
    // Digests that reads have signed meanwhile leave the queue here, so it does not grow without bound.
    this.dropSignedFront();
    if (!digest.signedYet) this.unsigned.push(digest);
    this.deps.delivered({ kind: 'digest', trailArn: lane.trailArn, region: lane.region, bucket: trail.s3BucketName, key, atMs });
  }

  /** Signs up to `limit` digests not signed yet, oldest first, and returns how many it signed. Reading a
   *  digest signs every unsigned one before it in its chain (after a 91-day fast-forward, thousands, seconds
   *  of work); a host with idle time can call this in small slices so later reads find them signed. The
   *  bytes are the same whenever a digest is signed. */
  signAhead(limit: number): number {
    let signed = 0;
    let i = 0;
    while (signed < limit && i < this.unsigned.length) {
      const digest = this.unsigned[i++]!;
      if (digest.signedYet) continue;
      // Oldest first, so its predecessors are signed already: this is one signature.
      digest.link();
      signed++;
    }
    this.unsigned.splice(0, i);
    return signed;
  }

  /** The oldest digest not signed yet, to be signed by the host (PendingDigest.toSign); undefined when none is
   *  left. Oldest first, so the digest before it in its chain is signed already. */
  nextToSign(wanted?: DigestWanted): DigestSigning | undefined {
    this.dropSignedFront();
    let digest = this.unsigned[0];
    if (wanted) {
      // Newest first: a read mostly wants the latest digests, and each of its chain's older ones is found by
      // walking back from it, not by scanning the queue (thousands after a long fast-forward).
      digest = undefined;
      for (let i = this.unsigned.length - 1; i >= 0; i--) {
        const d = this.unsigned[i]!;
        if (d.unsignedAndWanted(wanted)) {
          digest = d.oldestUnsigned();
          break;
        }
      }
    }
    if (!digest) return undefined;
    const signing = digest.toSign();
    if (signing) return signing;
    // The digest before it is unsigned yet not queued (never expected: it was delivered, and queued, first):
    // signed here with the chain, and the next one offered.
    digest.link();
    return this.nextToSign(wanted);
  }

  /** Takes the digests signed since (by reads) off the front of the queue. */
  private dropSignedFront(): void {
    let i = 0;
    while (i < this.unsigned.length && this.unsigned[i]!.signedYet) i++;
    if (i) this.unsigned.splice(0, i);
  }

  /** Plain values only; an unsigned previous digest is named by id (see pendingSnapshot). */
  snapshot(): LaneState[] {
    return [...this.lanes.values()].map((l) => {
      const previous = l.chain?.previous;
      const chain = l.chain && {
        startMs: l.chain.startMs,
        nextMs: l.chain.nextMs,
        previous: previous instanceof PendingDigest ? (previous.signedYet ? previous.link() : { pendingDigest: this.idOf(previous) }) : (previous ?? null),
        files: l.chain.files.map(listedFile),
      };
      const { keys: _keys, digestKeys: _digestKeys, ...saved } = l;
      return structuredClone({ ...saved, buffer: l.buffer.texts(), chain });
    });
  }

  /** The digests not signed yet, oldest first, as their inputs: saving after a 91-day fast-forward signs nothing. */
  pendingSnapshot(): SavedDigest[] {
    const out: SavedDigest[] = [];
    for (const d of this.unsigned) {
      const saved = savedDigest(d, (x) => this.idOf(x));
      if (saved) out.push(saved);
    }
    return out;
  }

  /** The archive as a snapshot keeps it (undefined while empty, so an account without trails saves nothing). */
  archiveSnapshot(out: SnapshotWriter): Json | undefined {
    return this.archive.size ? this.archive.snapshot(out) : undefined;
  }

  restore(lanes: LaneState[], pending: SavedDigest[] = [], archive?: Json): void {
    this.archive.restore(archive as Parameters<RecordArchive['restore']>[0]);
    this.archivedAtMs = NaN;
    this.archivedLists = [];
    // Restored lanes bring their own due times: the next advance reads them all.
    this.soonestMs = -Infinity;
    this.laneCache = new Map();
    this.epoch = {};
    // A record several lanes held was one object: it is again, so it is archived once as before.
    const waiting = new Map<string, WaitingRecord>();
    const waitingFor = (json: string) => {
      let r = waiting.get(json);
      if (!r) waiting.set(json, (r = waitingRecord(json, this.deps.varyingValues(json))));
      return r;
    };
    const named = this.restoredLogFiles;
    this.restoredLogFiles = [];
    if (!named.every((file) => file.valid())) throw new Error('cloudtrail snapshot: a log file names records the archive does not hold');
    this.unsigned = [];
    this.restoredById = new Map();
    this.digestIds = new WeakMap();
    let maxId = 0;
    for (const saved of pending) {
      const d = restoredDigest(saved, this.restoredById);
      this.restoredById.set(saved.id, d);
      this.digestIds.set(d, saved.id);
      this.unsigned.push(d);
      maxId = Math.max(maxId, saved.id);
    }
    this.nextDigestId = maxId + 1;
    this.lanes = new Map(
      lanes.map((saved) => {
        const l = structuredClone(saved);
        const previous = l.chain?.previous;
        let prev: PendingDigest | PreviousDigest | null;
        if (previous && 'pendingDigest' in previous) {
          const d = this.restoredById.get(previous.pendingDigest);
          if (!d) throw new Error(`cloudtrail snapshot: lane ${l.trailArn} follows unknown digest ${previous.pendingDigest}`);
          prev = d;
        } else prev = previous ?? null;
        const chain = l.chain && {
          ...l.chain,
          previous: prev,
          files: l.chain.files.map(({ hashValue, hashAlgorithm: _a, ...f }) => ({ ...f, hash: LogFileHash.known(hashValue) })),
        };
        if (!Array.isArray(l.buffer) || !l.buffer.every((x) => typeof x === 'string')) throw new Error(`cloudtrail snapshot: lane ${l.trailArn} has a malformed buffer`);
        return [laneId(l.trailArn, l.region, l.folder), { ...l, buffer: new LaneBuffer(l.buffer.map(waitingFor)), chain }];
      }),
    );
  }
}
