import type { ActionDef, Clock, CloudTrailRecord, ComputedObjects, HandlerFn, Json, ObjectStore, Random } from './contract';
import type { SnapshotWriter } from './snapshot-writer';
import type { TemplatedTexts } from './templated-texts';

/** What the account needs from the CloudTrail service (simulator/cloudtrail/index.ts provides it). */
export interface CloudTrailPort {
  ingest(record: CloudTrailRecord, def: ActionDef): unknown;
  advanceTo(nowMs: number): void;
  readonly handlers: Record<string, HandlerFn>;
  readonly catalog: ActionDef[];
  /** `out` writes the history's and the archive's texts (base64 byte columns when not given). */
  snapshot(out?: SnapshotWriter): Json;
  restore(s: Json): void;
  /** Computes the bucket objects a snapshot saved as recipes (digests not signed when it was taken). */
  readonly computedObjects?: ComputedObjects;
  /** Where CloudTrail keeps every delivered record's text (the `archived.texts` of its deliveries): one object for
   *  the service's life, refilled in place by restore. A log group's snapshot refers to records kept there. */
  readonly recordArchive?: { get(id: number): string; readonly size: number; copyInto?(id: number, into: TemplatedTexts): number };
  /** Signs up to `limit` digests not signed yet (oldest first); returns how many. */
  signAhead?(limit: number): number;
  /** The oldest digest not signed yet, for a host that signs elsewhere (SHA256withRSA over `message` with the
   *  Region's CloudTrail key); `accept` takes the hex signature once checked. Undefined when none is left.
   *  With `wanted`: the oldest unsigned digest of a chain that leads to one `wanted` names, undefined once
   *  none it names is unsigned. */
  digestToSign?(wanted?: DigestWanted): { region: string; message: Uint8Array<ArrayBuffer>; accept(signatureHex: string): 'taken' | 'signed' | 'refused' } | undefined;
}

/** Digest objects by bucket and key (those a read would sign on the spot; see Account.digestsReadBy). */
export type DigestWanted = (bucket: string, key: string) => boolean;

export interface CloudTrailDeps {
  clock: Clock;
  random: Random;
  store: ObjectStore;
  accountId: string;
  regions: string[];
  /** Told of each delivered file, so a trail's CloudWatch Logs target receives the same records. */
  onDelivered?: (e: DeliveredFile) => void;
}

/** The parts of a delivery the account acts on (the CloudTrail service reports more). */
export interface DeliveredFile {
  kind: 'logFile' | 'digest';
  region: string;
  atMs: number;
  records?: string[];
  /** Where CloudTrail keeps those records' texts (records[i] is texts.get(ids[i])), so a log group can refer to
   *  them instead of keeping a copy; given, `records` is not read (it would make every text). */
  archived?: { texts: { get(id: number): string }; ids: ArrayLike<number>; eventMs?: ArrayLike<number> };
  cloudWatchLogs?: { logGroupArn: string; roleArn: string };
}

export type CloudTrailFactory = (deps: CloudTrailDeps) => CloudTrailPort;
