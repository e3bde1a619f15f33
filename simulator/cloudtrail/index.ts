// The CloudTrail service: event history per Region, trails as xstate actors, delivery of log and digest
// files on the simulated clock, log file validation, Insights analysis, and the routing explanation of every
// record.
import { AwsError, type ComputedObjects, type ActionDef, type CloudTrailRecord, type Clock, type HandlerFn, type Json, type ObjectStore, type Random } from '../core/contract';
import type { DigestWanted } from '../core/cloudtrail-port';
import { BASE64_WRITER, type SnapshotWriter } from '../core/snapshot-writer';
import { queryHandlers } from './api/query-handlers';
import { selectorHandlers } from './api/selector-handlers';
import { trailHandlers } from './api/trail-handlers';
import { recordText } from '../core/record-text';
import { CLOUDTRAIL_CATALOG } from './catalog';
import { hasRegionKey } from './crypto/region-keys';
import { DeliveryLanes, waitingRecord, type DigestDelivered, type LaneState, type LogFileDelivered, type WaitingRecord } from './delivery/lanes';
import type { DigestSigning, SavedDigest } from './delivery/pending-digest';
import { EventStore, type EventStoreSnapshot } from './history/event-store';
import { restoredKeyReader } from './history/restored-keys';
import type { RecordArchive } from './delivery/record-archive';
import { EVENT_HISTORY_DAYS, type RegionHistory } from './history/lookup-events';
import { ActionKeys, storeKeysOf } from './history/store-keys';
import type { CloudTrailInternals } from './internals';
import { InsightsEngine, type InsightDetection } from './insights/engine';
import { buildInsightRecord } from './insights/insight-record';
import { insightsReadyMs, trailCoversRegion } from './insights/learning';
import { historyRouting, insightTrailVerdict, trailRouting, TrailVerdictTable, type DueFn, type RecordRouting, type TrailRouting } from './routing';
import { DAY_MS, eventTimeMs } from './time';
import { checkBucket } from './trails/trail-params';
import { TrailRegistry } from './trails/trail-registry';
import type { InsightType } from './trails/trail-types';

export type { RecordRouting, TrailRouting, HistoryRouting } from './routing';
export type { LogFileDelivered, DigestDelivered } from './delivery/lanes';
export type { ValidationReport } from './validation/validate-logs';
export { eventsToCsv, eventsToJson, CSV_COLUMNS } from './history/export';
export { validateLogs } from './validation/validate-logs';
export { INSIGHTS_LEARNING_MS } from './insights/learning';
export { unusualThreshold, baselineStartMinute } from './insights/rule';

export interface CloudTrailDeps {
  clock: Clock;
  random: Random;
  store: ObjectStore;
  accountId: string;
  regions: string[];
  /** Each delivered log file (with the trail's CloudWatch Logs target, if any) and digest file. */
  onDelivered?: (e: LogFileDelivered | DigestDelivered) => void;
  /** Each Insights event CloudTrail writes (Start or End), with where it went. */
  onInsight?: (record: CloudTrailRecord, routing: RecordRouting) => void;
}

const SNAPSHOT_VERSION = 1;

interface RoutedRecord {
  record: CloudTrailRecord;
  values: (string | undefined)[] | undefined;
  inHistory: { store: EventStore; id: number } | undefined;
  eventMs: number;
  now: number;
  waiting: WaitingRecord | undefined;
}

/** The values that differ between otherwise identical records, in the order JSON.stringify writes them
 *  (buildRecord's field order): the event history keeps the rest of each record as a shared template. */
function varyingValuesOf(record: CloudTrailRecord): (string | undefined)[] {
  const extra = record.additionalEventData as Record<string, unknown> | undefined;
  const amzId = extra?.['x-amz-id-2'];
  return [record.eventTime, typeof amzId === 'string' ? amzId : undefined, record.requestID, record.eventID, record.sharedEventID];
}

const EVENT_ID_KEY = 'EventId\u0000';
/** Event ids are unique: the store keeps them in a hash table and confirms a hit against the record. */
const HISTORY_OPTIONS = {
  uniquePrefix: EVENT_ID_KEY,
  hasUniqueKey: (json: string, key: string) => json.includes(`"eventID":"${key.slice(EVENT_ID_KEY.length)}"`),
};

/** Insights events are CloudTrail's own findings: no API call, no caller. Routing reads only globalService. */
const INSIGHT_DEF: ActionDef = {
  api: 'cloudtrail:Insight',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'Insight',
  readOnly: true,
  category: 'Management',
  apiCall: false,
  eventType: 'AwsCloudTrailInsight',
  resourceTypes: [],
  globalService: false,
  summaryKo: 'CloudTrail Insights 이벤트(비정상적인 API 호출량·오류율의 시작과 끝).',
};

export class CloudTrailService {
  readonly handlers: Record<string, HandlerFn>;
  readonly catalog: ActionDef[] = CLOUDTRAIL_CATALOG;
  private readonly trails: TrailRegistry;
  private readonly lanes: DeliveryLanes;
  private histories = new Map<string, RegionHistory>();
  private signatures = new Map<string, string>();
  private readonly internals: CloudTrailInternals;
  private readonly insights: InsightsEngine;

  constructor(private readonly deps: CloudTrailDeps) {
    this.trails = new TrailRegistry(deps.accountId);
    this.insights = new InsightsEngine(deps.random);
    this.lanes = new DeliveryLanes({
      accountId: deps.accountId,
      random: deps.random,
      store: deps.store,
      signatures: this.signatures,
      varyingValues: (json) => varyingValuesOf(JSON.parse(json) as CloudTrailRecord),
      trail: (arn) => this.trails.configOf(arn),
      delivered: (e) => {
        this.trails.note(e.trailArn, e.kind === 'digest' ? { type: 'trail.digestDelivered', atMs: e.atMs } : { type: 'trail.delivered', atMs: e.atMs, cloudWatchLogs: !!e.cloudWatchLogs });
        deps.onDelivered?.(e);
      },
      deliveryBlocked: (trail) => {
        try {
          checkBucket(deps.store, trail.s3BucketName, trail.s3KeyPrefix, deps.accountId);
          return undefined;
        } catch (e) {
          if (!(e instanceof AwsError)) throw e;
          return e.code === 'S3BucketDoesNotExistException' ? 'NoSuchBucket' : 'AccessDenied';
        }
      },
      deliveryFailed: (arn, errorCode, atMs) => {
        this.trails.note(arn, { type: 'trail.deliveryFailed', errorCode, atMs });
      },
    });
    for (const region of deps.regions) {
      // Fail at construction, not at the first hourly digest, when a Region has no signing key.
      if (!hasRegionKey(region)) throw new Error(`no CloudTrail signing key is shipped for region ${region}`);
      this.histories.set(region, { management: new EventStore(HISTORY_OPTIONS), insight: new EventStore(HISTORY_OPTIONS) });
    }
    this.internals = {
      accountId: deps.accountId,
      regions: deps.regions,
      clock: deps.clock,
      store: deps.store,
      trails: this.trails,
      lanes: this.lanes,
      signatures: this.signatures,
      keysValidFromMs: deps.clock.now(),
      history: (region) => this.history(region),
    };
    this.handlers = { ...trailHandlers(this.internals), ...selectorHandlers(this.internals), ...queryHandlers(this.internals) };
  }

  /** Signs up to `limit` delivered digests not signed yet, oldest first (a host's idle time). */
  signAhead(limit: number): number {
    return this.lanes.signAhead(limit);
  }

  /** The oldest digest not signed yet (of a chain leading to one `wanted` names), for a host that signs it
   *  elsewhere (see the port). */
  digestToSign(wanted?: DigestWanted): DigestSigning | undefined {
    return this.lanes.nextToSign(wanted);
  }

  /** For the bucket store: digest objects a snapshot saved as recipes are computed here. */
  get recordArchive(): RecordArchive {
    return this.lanes.recordArchive;
  }

  get computedObjects(): ComputedObjects {
    return this.lanes.computed;
  }

  private history(region: string): RegionHistory {
    const h = this.histories.get(region);
    if (!h) throw new Error(`region ${region} is not simulated`);
    return h;
  }

  /** Routes one finished record to event history and trails; returns where it landed or not, and why. */
  ingest(record: CloudTrailRecord, def: ActionDef): RecordRouting {
    return this.route(record, def, this.deps.clock.now());
  }

  private route(record: CloudTrailRecord, def: ActionDef, now: number, insight?: InsightDetection): RecordRouting {
    // The text only when something keeps the record: a data event no trail selects (EventBridge's nested
    // sns:Publish, say) goes nowhere and needs none.
    const eventMs = eventTimeMs(record.eventTime);
    const eventHistory = historyRouting(record, this.deps.regions);
    let values: (string | undefined)[] | undefined;
    let inHistory: { store: EventStore; id: number } | undefined;
    if (eventHistory.landed) {
      const h = this.history(record.awsRegion);
      const store = eventHistory.code === 'INSIGHT_EVENT' ? h.insight : h.management;
      inHistory = { store, id: store.add(eventMs, recordText(record), this.actionKeys.keysOf(record, def, this.keyList), (values = varyingValuesOf(record)), `${record.eventID}`) };
      // Insights analyse the Region's management events, whichever trails record them.
      if (eventHistory.code === 'MANAGEMENT_EVENT') this.insights.count(record, eventMs);
    }
    const outer = this.routed;
    // Routing never routes another record meanwhile, but should it, that record gets an object of its own.
    const routed = outer === undefined ? this.routedOnce : ({} as RoutedRecord);
    routed.record = record;
    routed.values = values;
    routed.inHistory = inHistory;
    routed.eventMs = eventMs;
    routed.now = now;
    routed.waiting = undefined;
    this.routed = routed;
    let trails: TrailRouting[];
    try {
      trails = insight
        ? this.trails.routable().map((t) => insightTrailVerdict(t.config, t.status, record.awsRegion, insight) ?? trailRouting(record, def, t.config, t.status, (f) => this.bufferRouted(f, t.config.arn)))
        : this.verdicts.route(record, def, this.trails.routable(), this.bufferRouted);
    } finally {
      this.routed = outer;
    }
    return { eventId: record.eventID, eventName: record.eventName, awsRegion: record.awsRegion, eventHistory, trails };
  }

  /** Every trail's verdict per action, for the trails as they are now. */
  private readonly verdicts = new TrailVerdictTable();
  /** The record `route` is handing to trails, for `bufferRouted`. */
  private routed: RoutedRecord | undefined;
  /** What `routed` is filled in while routing one record (one object, not one per record). */
  private readonly routedOnce: RoutedRecord = { record: undefined as unknown as CloudTrailRecord, values: undefined, inHistory: undefined, eventMs: 0, now: 0, waiting: undefined };
  /** The lookup keys of the record being added to event history (storeKeysOf). */
  private readonly keyList: string[] = [];
  /** The last lookup keys of each action's records. */
  private readonly actionKeys = new ActionKeys();

  /** Buffers the record being routed for the trail a verdict names: one function for every trail and record
   *  (a closure per record was a measurable share of routing). Archived once, however many trails take it. */
  private readonly bufferRouted: DueFn = (folder, trailArn, slot) => {
    const r = this.routed!;
    // A record the event history keeps waits without its text (see WaitingRecord).
    r.waiting ??= r.inHistory ? waitingRecord(undefined, undefined, r.inHistory, r.eventMs) : waitingRecord(recordText(r.record), (r.values ??= varyingValuesOf(r.record)), undefined, r.eventMs);
    return this.lanes.buffer(trailArn, r.record.awsRegion, r.waiting, r.eventMs, r.now, folder, slot);
  };

  /** Records still waiting in lanes keep their texts before the event history lets them go. */
  private readonly keepWaitingTexts = (store: EventStore, below: number): void => this.lanes.keepTexts(store, below);

  /** Some trail that records this Region receives this Insights type and is past its learning period. */
  private insightsArmed(region: string, type: InsightType, atMs: number): boolean {
    return this.trails.routable().some((t) => {
      const ready = insightsReadyMs(t.config, t.status, type);
      return ready !== undefined && ready <= atMs && trailCoversRegion(t.config, region);
    });
  }

  /** Does what is due up to simulated time nowMs, in time order: Insights analysis of each minute that ended,
   *  log file deliveries, hourly digests, 90-day expiry. */
  advanceTo(nowMs: number): void {
    const found = this.insights.advanceTo(nowMs, (region, type, atMs) => this.insightsArmed(region, type, atMs));
    for (const d of found) {
      this.lanes.advanceTo(d.atMs);
      const record = buildInsightRecord({ ...d, accountId: this.deps.accountId, eventID: this.deps.random.uuid() });
      const routing = this.route(record, INSIGHT_DEF, d.atMs, d);
      this.deps.onInsight?.(record, routing);
    }
    this.lanes.advanceTo(nowMs);
    const cutoff = nowMs - EVENT_HISTORY_DAYS * DAY_MS;
    for (const h of this.histories.values()) {
      h.management.expireBefore(cutoff, this.keepWaitingTexts);
      h.insight.expireBefore(cutoff, this.keepWaitingTexts);
    }
  }

  snapshot(out: SnapshotWriter = BASE64_WRITER): Json {
    const pending = this.lanes.pendingSnapshot();
    const archive = this.lanes.archiveSnapshot(out);
    const history: Record<string, { management: EventStoreSnapshot; insight: EventStoreSnapshot }> = {};
    // Compact form (templates and values): a busy account's saved sandbox is a tenth of the size. Restore reads
    // both this and the earlier form (every record's JSON text).
    for (const [region, h] of this.histories) history[region] = { management: h.management.compactSnapshot(out), insight: h.insight.compactSnapshot(out) };
    return {
      version: SNAPSHOT_VERSION,
      keysValidFromMs: this.internals.keysValidFromMs,
      trails: this.trails.snapshot(),
      lanes: this.lanes.snapshot() as unknown as Json,
      ...(pending.length ? { pendingDigests: pending as unknown as Json } : {}),
      signatures: [...this.signatures.entries()],
      history: history as unknown as Json,
      insights: this.insights.snapshot(),
      // The records of every log file, which the bucket's snapshot names by id.
      ...(archive ? { logArchive: archive } : {}),
    };
  }

  restore(s: Json): void {
    const snap = s as {
      version?: unknown;
      keysValidFromMs?: unknown;
      trails?: unknown;
      lanes?: unknown;
      signatures?: unknown;
      history?: unknown;
      insights?: Json;
      pendingDigests?: unknown;
      logArchive?: Json;
    } | null;
    if (!snap || snap.version !== SNAPSHOT_VERSION) throw new Error(`cloudtrail snapshot: unsupported version ${String(snap?.version)}`);
    if (typeof snap.keysValidFromMs !== 'number' || !Array.isArray(snap.trails) || !Array.isArray(snap.lanes) || !Array.isArray(snap.signatures)) {
      throw new Error('cloudtrail snapshot: malformed');
    }
    const history = (snap.history ?? {}) as Record<string, { management?: EventStoreSnapshot; insight?: EventStoreSnapshot }>;
    this.trails.restore(snap.trails as Json[]);
    if (snap.pendingDigests !== undefined && !Array.isArray(snap.pendingDigests)) throw new Error('cloudtrail snapshot: malformed');
    this.lanes.restore(snap.lanes as LaneState[], (snap.pendingDigests ?? []) as SavedDigest[], snap.logArchive);
    this.signatures.clear();
    for (const [k, v] of snap.signatures as [string, string][]) this.signatures.set(k, v);
    this.internals.keysValidFromMs = snap.keysValidFromMs;
    this.insights.restore(snap.insights);
    const entryOf = (json: string) => {
      const record = JSON.parse(json) as CloudTrailRecord;
      return { keys: storeKeysOf(record), values: varyingValuesOf(record) };
    };
    const empty: EventStoreSnapshot = { times: [], jsons: [] };
    for (const region of this.deps.regions) {
      const h = history[region];
      this.histories.set(region, {
        management: EventStore.restore(h?.management ?? empty, entryOf, HISTORY_OPTIONS, restoredKeyReader),
        insight: EventStore.restore(h?.insight ?? empty, entryOf, HISTORY_OPTIONS, restoredKeyReader),
      });
    }
  }
}
