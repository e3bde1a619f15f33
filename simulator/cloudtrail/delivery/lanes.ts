// Per (trail, Region) delivery lane: records wait in a buffer and go to the trail's bucket as one log file
// about 5 minutes after the first of them arrived; with log file validation on, an hourly digest lists the
// files delivered in the hour, chained to the previous digest and signed. All on the simulated clock.
import type { ObjectStore, Random } from '../../core/contract';
import { MINUTE_MS, HOUR_MS, isoSeconds } from '../time';
import type { TrailConfig } from '../trails/trail-types';
import { sha256Hex } from '../crypto/sha256';
import {
  ALNUM,
  buildDigest,
  digestFileKey,
  gzipDeterministic,
  logFileBody,
  logFileKey,
  type DigestLogFile,
  type LogFolder,
  type PreviousDigest,
} from './files';

export const DELIVERY_DELAY_MS = 5 * MINUTE_MS;
export const DIGEST_PERIOD_MS = HOUR_MS;

type ChainFile = DigestLogFile & { newestMs: number; oldestMs: number };

export interface LaneState {
  trailArn: string;
  region: string;
  folder: LogFolder;
  buffer: string[];
  oldestMs: number | null;
  newestMs: number | null;
  dueMs: number | null;
  chain: { startMs: number; nextMs: number; previous: PreviousDigest | null; files: ChainFile[] } | null;
}

export interface LogFileDelivered {
  kind: 'logFile';
  folder: LogFolder;
  trailArn: string;
  region: string;
  bucket: string;
  key: string;
  records: string[];
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
}

/** One log file body, its gzip, and its SHA-256 once a digest has asked for it. */
interface EncodedLogFile {
  body: Uint8Array;
  gz: Uint8Array;
  sha: string | undefined;
}

function laneId(trailArn: string, region: string, folder: LogFolder): string {
  return `${trailArn}|${region}|${folder}`;
}

export class DeliveryLanes {
  private lanes = new Map<string, LaneState>();
  /** Trails that log the same Region usually deliver the same records at the same instant: the body is
   *  gzipped and hashed once for all of them (gzip was the largest cost of a delivery with 10 trails). */
  private encoded: { atMs: number; bodies: Map<string, EncodedLogFile> } = { atMs: NaN, bodies: new Map() };

  constructor(private readonly deps: LaneDeps) {}

  private lane(trailArn: string, region: string, folder: LogFolder = 'CloudTrail'): LaneState {
    const id = laneId(trailArn, region, folder);
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = { trailArn, region, folder, buffer: [], oldestMs: null, newestMs: null, dueMs: null, chain: null };
      this.lanes.set(id, lane);
    }
    return lane;
  }

  private lanesOf(trailArn: string): LaneState[] {
    return [...this.lanes.values()].filter((l) => l.trailArn === trailArn);
  }

  /** Buffers one record; returns when the file holding it is due. */
  buffer(trailArn: string, region: string, json: string, eventMs: number, nowMs: number, folder: LogFolder = 'CloudTrail'): number {
    const lane = this.lane(trailArn, region, folder);
    lane.buffer.push(json);
    lane.oldestMs = Math.min(lane.oldestMs ?? eventMs, eventMs);
    lane.newestMs = Math.max(lane.newestMs ?? eventMs, eventMs);
    lane.dueMs ??= nowMs + DELIVERY_DELAY_MS;
    return lane.dueMs;
  }

  /** Starts a fresh digest chain (first digest has null previous* fields) in each of the trail's Regions. */
  startChains(trailArn: string, regions: string[], nowMs: number, onlyMissing = false): void {
    for (const region of regions) {
      const lane = this.lane(trailArn, region);
      if (onlyMissing && lane.chain) continue;
      lane.chain = { startMs: nowMs, nextMs: nowMs + DIGEST_PERIOD_MS, previous: null, files: [] };
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
    for (const lane of this.lanesOf(trailArn)) this.lanes.delete(laneId(lane.trailArn, lane.region, lane.folder));
  }

  /** Runs every delivery and digest due up to nowMs, in time order (a delivery before a digest at the same instant). */
  advanceTo(nowMs: number): void {
    for (;;) {
      let next: { lane: LaneState; atMs: number; digest: boolean } | undefined;
      for (const lane of this.lanes.values()) {
        const candidates: [number | null, boolean][] = [[lane.dueMs, false], [lane.chain?.nextMs ?? null, true]];
        for (const [atMs, digest] of candidates) {
          if (atMs === null || atMs > nowMs) continue;
          if (!next || atMs < next.atMs || (atMs === next.atMs && !digest && next.digest)) next = { lane, atMs, digest };
        }
      }
      if (!next) return;
      if (next.digest) this.deliverDigest(next.lane, next.atMs);
      else this.deliverLog(next.lane, next.atMs);
    }
  }

  private deliverLog(lane: LaneState, atMs: number): void {
    const trail = this.deps.trail(lane.trailArn);
    if (!trail) {
      lane.buffer = [];
      lane.dueMs = null;
      return;
    }
    const blocked = this.deps.deliveryBlocked(trail);
    if (blocked) {
      // CloudTrail keeps the events and retries; the trail status shows the error meanwhile.
      this.deps.deliveryFailed(lane.trailArn, blocked, atMs);
      lane.dueMs = atMs + DELIVERY_DELAY_MS;
      return;
    }
    let unique = '';
    for (let i = 0; i < 16; i++) unique += ALNUM[this.deps.random.int(0, ALNUM.length)];
    const key = logFileKey(trail.s3KeyPrefix, this.deps.accountId, lane.region, atMs, unique, lane.folder);
    const encoded = this.encode(lane.buffer, atMs);
    this.deps.store.putObject(trail.s3BucketName, key, encoded.gz, 'application/json');
    // Digests list the trail's log files; Insights files are outside the chain.
    if (lane.chain && lane.folder === 'CloudTrail') {
      lane.chain.files.push({
        s3Bucket: trail.s3BucketName,
        s3Object: key,
        hashValue: (encoded.sha ??= sha256Hex(encoded.body)),
        hashAlgorithm: 'SHA-256',
        newestEventTime: isoSeconds(lane.newestMs!),
        oldestEventTime: isoSeconds(lane.oldestMs!),
        newestMs: lane.newestMs!,
        oldestMs: lane.oldestMs!,
      });
    }
    const event: LogFileDelivered = { kind: 'logFile', folder: lane.folder, trailArn: lane.trailArn, region: lane.region, bucket: trail.s3BucketName, key, records: lane.buffer, atMs };
    if (trail.cloudWatchLogsLogGroupArn && trail.cloudWatchLogsRoleArn) {
      event.cloudWatchLogs = { logGroupArn: trail.cloudWatchLogsLogGroupArn, roleArn: trail.cloudWatchLogsRoleArn };
    }
    lane.buffer = [];
    lane.oldestMs = lane.newestMs = lane.dueMs = null;
    this.deps.delivered(event);
  }

  private encode(records: string[], atMs: number): EncodedLogFile {
    if (this.encoded.atMs !== atMs) this.encoded = { atMs, bodies: new Map() };
    const text = records.join(',');
    let entry = this.encoded.bodies.get(text);
    if (!entry) {
      const body = logFileBody(records);
      entry = { body, gz: gzipDeterministic(body), sha: undefined };
      this.encoded.bodies.set(text, entry);
    }
    return entry;
  }

  private deliverDigest(lane: LaneState, atMs: number): void {
    const trail = this.deps.trail(lane.trailArn);
    const chain = lane.chain;
    if (!trail || !chain) return;
    const blocked = this.deps.deliveryBlocked(trail);
    if (blocked) {
      this.deps.deliveryFailed(lane.trailArn, blocked, atMs);
      chain.nextMs = atMs + DIGEST_PERIOD_MS;
      return;
    }
    const key = digestFileKey(trail.s3KeyPrefix, this.deps.accountId, lane.region, trail.name, trail.homeRegion, atMs);
    const built = buildDigest({
      accountId: this.deps.accountId,
      region: lane.region,
      bucket: trail.s3BucketName,
      key,
      startMs: chain.startMs,
      endMs: atMs,
      logFiles: chain.files,
      previous: chain.previous ?? undefined,
    });
    const metadata = { signature: built.signature, 'signature-algorithm': 'SHA256withRSA' };
    this.deps.store.putObject(trail.s3BucketName, key, gzipDeterministic(built.body), 'application/json', metadata);
    if (!this.deps.store.objectMetadata) this.deps.signatures.set(`${trail.s3BucketName}/${key}`, built.signature);
    lane.chain = {
      startMs: atMs,
      nextMs: atMs + DIGEST_PERIOD_MS,
      previous: { bucket: trail.s3BucketName, key, hashValue: built.hashValue, signature: built.signature },
      files: [],
    };
    this.deps.delivered({ kind: 'digest', trailArn: lane.trailArn, region: lane.region, bucket: trail.s3BucketName, key, atMs });
  }

  snapshot(): LaneState[] {
    return [...this.lanes.values()].map((l) => structuredClone(l));
  }

  restore(lanes: LaneState[]): void {
    this.lanes = new Map(lanes.map((l) => [laneId(l.trailArn, l.region, l.folder), structuredClone(l)]));
  }
}
