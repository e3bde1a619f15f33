// CloudWatch state of the account: per Region a metric store, alarms (each an alarmMachine actor), the history
// of deleted alarms, dashboards, and what the producers need (EC2 detailed monitoring, the learner's load model).
import { createActor, type Actor } from 'xstate';
import type { Json } from '../core/contract';
import { alarmMachine, type AlarmActionRequest, type AlarmContext } from './alarm-machine';
import type { AlarmHistoryItem } from './alarm-history';
import { keptHistory } from './alarm-history-query';
import { MetricStore, type MetricStoreSnapshot } from './metric-store';
import { MINUTE, type Dimension, type MetricDatumInput, type StandardUnit } from './metric-types';
import { parseBehavior, type FunctionBehavior } from './producers-lambda';

export type AlarmActor = Actor<typeof alarmMachine>;

export interface AlarmSlot {
  actor: AlarmActor;
  /** Metric alarms: the next minute the runner evaluates it; Infinity while nothing can change its state. */
  nextEvalAt: number;
}

export interface Dashboard {
  name: string;
  body: string;
  lastModified: number;
}

export interface RegionCloudWatch {
  alarms: Map<string, AlarmSlot>;
  /** "CloudWatch retains the history of an alarm even if you delete the alarm." */
  deletedHistory: AlarmHistoryItem[];
  /** Instances with detailed (1-minute) monitoring. */
  detailedMonitoring: Set<string>;
  /** The learner's CPU load per instance (sim:SetInstanceLoad), percent. */
  instanceLoad: Map<string, number>;
  /** How invocations of each function end (sim:SetFunctionBehavior); absent: DEFAULT_BEHAVIOR. */
  functionBehavior: Map<string, FunctionBehavior>;
  /** End times of Lambda invocations still running, for ConcurrentExecutions. */
  runningInvocations: number[];
}

/** An alarm action waiting for the runner to carry it out, with the Region of its alarm. */
export interface PendingAction {
  region: string;
  request: AlarmActionRequest;
}

/** Called on every datum stored, so alarms on that metric wake up. */
export interface MetricWrite {
  region: string;
  key: string;
  namespace: string;
  metricName: string;
  dimensions: readonly Dimension[] | undefined;
  timestamp: number;
  receivedAt: number;
}
export type WriteListener = (w: MetricWrite) => void;

const SNAPSHOT_VERSION = 1;

/** A datum as the unversioned CloudWatch snapshot stored it. */
interface LegacyDatum {
  namespace: string;
  metricName: string;
  dimensions?: Dimension[];
  timestamp: number;
  receivedAt: number;
  values?: number[];
  counts?: number[];
  statistics?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number } | null;
  unit: string;
  storageResolution: number;
}

export class CloudWatchModel {
  private readonly stores = new Map<string, MetricStore>();
  private readonly perRegion = new Map<string, RegionCloudWatch>();
  /** The last simulated minute the runner has processed. */
  lastTickMs: number;
  pending: PendingAction[] = [];
  /** Dashboards are global: their ARN names no Region (arn:aws:cloudwatch::ACCOUNT:dashboard/NAME). */
  dashboards = new Map<string, Dashboard>();
  private readonly writeListeners: WriteListener[] = [];
  private sortedRegions: string[] | undefined;

  constructor(
    private readonly homeRegion: string,
    startMs: number,
  ) {
    this.lastTickMs = Math.floor(startMs / MINUTE) * MINUTE;
  }

  /** The metric store of the home Region (the account's first Region), for producers that do not say. */
  get metrics(): MetricStore {
    return this.metricsIn(this.homeRegion);
  }

  /** The metric store of one Region (created on first use). */
  metricsIn(region: string): MetricStore {
    let s = this.stores.get(region);
    if (!s) {
      s = this.watch(region, new MetricStore());
      this.stores.set(region, s);
    }
    return s;
  }

  onWrite(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  region(r: string): RegionCloudWatch {
    let s = this.perRegion.get(r);
    if (!s) {
      s = { alarms: new Map(), deletedHistory: [], detailedMonitoring: new Set(), instanceLoad: new Map(), functionBehavior: new Map(), runningInvocations: [] };
      this.perRegion.set(r, s);
      this.sortedRegions = undefined;
    }
    return s;
  }

  /** The Regions with CloudWatch state, sorted. Asked every simulated minute, so kept until one is added. */
  regionNames(): readonly string[] {
    return (this.sortedRegions ??= [...this.perRegion.keys()].sort());
  }

  /** Every history item of the Region: live alarms' and deleted alarms'. */
  history(r: string): AlarmHistoryItem[] {
    const s = this.region(r);
    return [...s.deletedHistory, ...[...s.alarms.values()].flatMap((a) => keptHistory(a.actor.getSnapshot().context.history))];
  }

  /**
   * Every datum reaches the store through its write path (put and writer alike), whoever writes: PutMetricData,
   * the producers, or CloudWatch Logs metric filters. The store's observer tells the alarms without the store
   * knowing about them.
   */
  private watch(region: string, store: MetricStore): MetricStore {
    store.observer = (key, namespace, metricName, dimensions, timestamp, receivedAt) => {
      const w: MetricWrite = { region, key, namespace, metricName, dimensions, timestamp, receivedAt };
      for (const l of this.writeListeners) l(w);
    };
    return store;
  }

  /** See MetricStore.warmSome. */
  warmSome(enough: () => boolean): boolean {
    for (const store of this.stores.values()) if (!store.warmSome(enough)) return false;
    return true;
  }

  /** See MetricStore.settleAll. */
  settleAll(): void {
    for (const store of this.stores.values()) store.settleAll();
  }

  snapshot(): Json {
    const metrics: Record<string, MetricStoreSnapshot> = {};
    for (const r of [...this.stores.keys()].sort()) metrics[r] = this.stores.get(r)!.snapshot();
    const regions: Record<string, Json> = {};
    for (const r of this.regionNames()) {
      const s = this.region(r);
      regions[r] = {
        alarms: [...s.alarms.values()].map((a) => {
          const snap = a.actor.getSnapshot();
          return { state: String(snap.value), context: { ...snap.context, history: keptHistory(snap.context.history), outbox: [] }, nextEvalAt: Number.isFinite(a.nextEvalAt) ? a.nextEvalAt : null };
        }) as unknown as Json,
        deletedHistory: s.deletedHistory as unknown as Json,
        detailedMonitoring: [...s.detailedMonitoring].sort(),
        instanceLoad: Object.fromEntries([...s.instanceLoad].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
        functionBehavior: Object.fromEntries([...s.functionBehavior].sort((a, b) => (a[0] < b[0] ? -1 : 1))) as unknown as Json,
        runningInvocations: s.runningInvocations,
      };
    }
    return JSON.parse(JSON.stringify({
      version: SNAPSHOT_VERSION, lastTickMs: this.lastTickMs, metrics, regions, pending: this.pending,
      dashboards: [...this.dashboards.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    })) as Json;
  }

  /**
   * Snapshots written before version 1 held, per Region, the raw PutMetricData data and no alarms (none could
   * be created then). Their data is stored again; anything else is refused.
   */
  private restoreUnversioned(s: Json): boolean {
    const regions = s as Record<string, { data?: unknown; alarms?: unknown }>;
    const parts = Object.entries(regions);
    if (!parts.every(([, v]) => v !== null && typeof v === 'object' && Array.isArray(v.data) && Array.isArray(v.alarms) && v.alarms.length === 0)) return false;
    this.stores.clear();
    this.perRegion.clear();
    this.sortedRegions = undefined;
    this.dashboards.clear();
    this.pending = [];
    for (const [r, v] of parts) {
      for (const x of v.data as LegacyDatum[]) {
        if (typeof x?.namespace !== 'string' || typeof x.metricName !== 'string' || typeof x.timestamp !== 'number' || typeof x.receivedAt !== 'number') {
          throw new Error('cloudwatch snapshot: malformed datum');
        }
        const base = { MetricName: x.metricName, Dimensions: x.dimensions ?? [], Timestamp: x.timestamp, Unit: x.unit as StandardUnit, StorageResolution: x.storageResolution };
        const datum: MetricDatumInput = x.statistics ? { ...base, StatisticValues: x.statistics } : { ...base, Values: x.values ?? [], Counts: x.counts ?? [] };
        this.metricsIn(r).put(x.namespace, datum, x.receivedAt);
      }
    }
    return true;
  }

  /** Restores from a snapshot, which is untrusted: the version and shapes are checked. */
  restore(s: Json): void {
    const o = s as {
      version?: unknown; lastTickMs?: unknown; metrics?: Record<string, MetricStoreSnapshot>; pending?: unknown; dashboards?: Dashboard[];
      regions?: Record<string, {
        alarms?: Array<{ state?: unknown; context?: AlarmContext; nextEvalAt?: unknown }>; deletedHistory?: AlarmHistoryItem[];
        detailedMonitoring?: unknown; instanceLoad?: Record<string, unknown>;
        functionBehavior?: Record<string, FunctionBehavior>; runningInvocations?: unknown;
      }>;
    };
    if (o !== null && typeof o === 'object' && o.version === undefined && this.restoreUnversioned(s)) return;
    if (o === null || typeof o !== 'object' || o.version !== SNAPSHOT_VERSION || typeof o.lastTickMs !== 'number') {
      throw new Error('cloudwatch snapshot: unsupported version or malformed');
    }
    this.stores.clear();
    this.perRegion.clear();
    this.sortedRegions = undefined;
    this.lastTickMs = o.lastTickMs;
    for (const [r, snap] of Object.entries(o.metrics ?? {})) this.stores.set(r, this.watch(r, MetricStore.restore(snap)));
    for (const [r, part] of Object.entries(o.regions ?? {})) {
      const reg = this.region(r);
      for (const a of part.alarms ?? []) {
        const state = a.state;
        if ((state !== 'OK' && state !== 'ALARM' && state !== 'INSUFFICIENT_DATA') || !a.context || typeof a.context.config?.AlarmName !== 'string' || !Array.isArray(a.context.history)) {
          throw new Error('cloudwatch snapshot: malformed alarm');
        }
        // The alarm appends to its history in place: it gets its own array, not the snapshot's.
        const context = { ...a.context, history: [...a.context.history], outbox: [] };
        const input = { alarmType: context.alarmType, config: context.config, now: context.configUpdatedTimestamp };
        const actor = createActor(alarmMachine, { input, snapshot: alarmMachine.resolveState({ value: state, context }) }).start();
        reg.alarms.set(a.context.config.AlarmName, { actor, nextEvalAt: typeof a.nextEvalAt === 'number' ? a.nextEvalAt : Infinity });
      }
      if (!Array.isArray(part.deletedHistory ?? [])) throw new Error('cloudwatch snapshot: malformed history');
      reg.deletedHistory = [...(part.deletedHistory ?? [])];
      const detailed = Array.isArray(part.detailedMonitoring) ? part.detailedMonitoring : [];
      for (const id of detailed) if (typeof id === 'string') reg.detailedMonitoring.add(id);
      for (const [id, v] of Object.entries(part.instanceLoad ?? {})) if (typeof v === 'number') reg.instanceLoad.set(id, v);
      for (const [fn, b] of Object.entries(part.functionBehavior ?? {})) reg.functionBehavior.set(fn, parseBehavior(b?.outcome, b?.durationMs));
      if (Array.isArray(part.runningInvocations)) reg.runningInvocations = part.runningInvocations.filter((x): x is number => typeof x === 'number');
    }
    this.dashboards.clear();
    for (const d of Array.isArray(o.dashboards) ? o.dashboards : []) {
      if (typeof d?.name !== 'string' || typeof d.body !== 'string' || typeof d.lastModified !== 'number') throw new Error('cloudwatch snapshot: malformed dashboard');
      this.dashboards.set(d.name, { name: d.name, body: d.body, lastModified: d.lastModified });
    }
    this.pending = Array.isArray(o.pending) ? (o.pending as PendingAction[]) : [];
  }
}
