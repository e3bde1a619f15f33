// CloudWatch on the simulated clock. The account asks for the next minute at which something is due and runs
// that minute, in time order: EC2 and S3 producers publish, metric alarms whose state can change are evaluated
// ("alarms with a period of a minute or more are evaluated every minute"), and the actions they asked for are
// carried out. Alarms whose evaluation range holds no data sleep until a datum for their metric arrives, which
// keeps long advances cheap.
import type { SimEvent } from '../core/events';
import type { Ec2Model } from '../ec2/model';
import type { S3Model } from '../s3/model';
import type { AlarmActionDispatcher } from './alarm-runner-actions';
import type { AlarmEngine } from './alarm-runner-engine';
import { HISTORY_RETENTION } from './alarm-history-query';
import type { MetricAlarmConfig } from './alarm-types';
import { floorTo } from './metric-store';
import { DAY, MINUTE, metricKey } from './metric-types';
import type { AlarmSlot, CloudWatchModel, MetricWrite } from './model';
import { BASIC_PERIOD, DETAILED_PERIOD, IDLE_CPU_PERCENT, endsPeriod, mayRun, publishInstancePeriod } from './producers-ec2';
import { publishBucketDay } from './producers-s3';

export interface RunnerSources {
  regions: readonly string[];
  ec2: Ec2Model;
  s3: S3Model;
  dispatcher: AlarmActionDispatcher;
  emit: (e: SimEvent) => void;
}

export class CloudWatchRunner {
  /** Metric alarms by Region and metric key, rebuilt when the set of alarms changes. */
  private index: Map<string, Map<string, AlarmSlot[]>> | undefined;
  /** Metric alarms by Region in the order the Regions and their alarms are kept, rebuilt with the index. */
  private ordered: Array<[string, AlarmSlot[]]> | undefined;

  constructor(
    private readonly model: CloudWatchModel,
    private readonly engine: AlarmEngine,
    private readonly src: RunnerSources,
  ) {
    model.onWrite((w) => this.written(w));
  }

  /** The earliest nextEvalAt of any alarm, kept between minutes (the account asks every simulated minute);
   *  undefined when it must be looked for again. Every change of a slot's nextEvalAt clears it: evaluations
   *  (runDue), data (written), and the API (alarmsChanged). */
  private earliest: number | undefined;

  /** Alarms were created, changed or deleted, or one's next evaluation was moved: indexes are stale. */
  alarmsChanged(): void {
    this.engine.alarmsChanged();
    this.index = undefined;
    this.ordered = undefined;
    this.earliest = undefined;
  }

  private earliestEvaluation(): number {
    if (this.earliest === undefined) {
      let min = Infinity;
      for (const r of this.model.regionNames()) {
        for (const slot of this.model.region(r).alarms.values()) if (slot.nextEvalAt < min) min = slot.nextEvalAt;
      }
      this.earliest = min;
    }
    return this.earliest;
  }

  /** The next minute after the last one run at which something is due. Always later than the last. */
  nextDueAt(): number {
    const after = this.model.lastTickMs;
    const next = after + MINUTE;
    if (this.model.pending.length > 0) return next;
    const due = Math.min(floorTo(after, DAY) + DAY, this.earliestEvaluation());
    if (due <= next) return next;
    const ec2Due = this.nextEc2Tick(after);
    return Math.max(next, Math.min(due, ec2Due));
  }

  /** Runs minute `t` (a multiple of a minute, later than the last one run). */
  runDue(t: number): void {
    this.model.lastTickMs = t;
    this.earliest = undefined;
    this.produceEc2(t);
    if (t % DAY === 0) this.daily(t);
    // Evaluating changes no set of alarms (actions run after), so the index's lists can be walked as they are.
    for (const [r, slots] of this.metricAlarms()) {
      for (const slot of slots) if (slot.nextEvalAt <= t) this.engine.evaluateMetric(r, slot, t);
    }
    this.dispatchPending(t);
    this.earliest = undefined;
  }

  /** Carries out queued alarm actions; each is recorded in its alarm's history. */
  dispatchPending(t: number): void {
    while (this.model.pending.length > 0) {
      const { region, request } = this.model.pending.shift()!;
      const slot = this.model.region(region).alarms.get(request.alarmName);
      const ctx = slot?.actor.getSnapshot().context;
      if (!slot || !ctx) continue;
      const outcome = this.src.dispatcher.run(region, ctx, request);
      const done = outcome.detail
        ? { type: 'alarm.actionExecuted' as const, now: t, arn: request.arn, succeeded: outcome.succeeded, detail: outcome.detail }
        : { type: 'alarm.actionExecuted' as const, now: t, arn: request.arn, succeeded: outcome.succeeded };
      this.engine.send(region, slot, done);
    }
  }

  private nextEc2Tick(after: number): number {
    let detailed = false;
    let any = false;
    for (const r of this.src.regions) {
      const state = this.src.ec2.regions[r];
      if (!state) continue;
      const monitored = this.model.region(r).detailedMonitoring;
      for (const i of state.instances) {
        if (!mayRun(i)) continue;
        any = true;
        if (monitored.has(i.instanceId)) detailed = true;
      }
    }
    if (!any) return Infinity;
    return detailed ? after + DETAILED_PERIOD : floorTo(after, BASIC_PERIOD) + BASIC_PERIOD;
  }

  private produceEc2(t: number): void {
    for (const r of this.src.regions) {
      if (!this.src.ec2.regions[r]) continue;
      this.src.ec2.settle(r, t);
      const reg = this.model.region(r);
      for (const i of this.src.ec2.region(r).instances) {
        if (i.state !== 'running') continue;
        const detailed = reg.detailedMonitoring.has(i.instanceId);
        if (!endsPeriod(t, detailed)) continue;
        publishInstancePeriod(this.model.metricsIn(r), i, reg.instanceLoad.get(i.instanceId) ?? IDLE_CPU_PERCENT, detailed ? DETAILED_PERIOD : BASIC_PERIOD, t);
      }
    }
  }

  private daily(t: number): void {
    for (const b of [...this.src.s3.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) publishBucketDay(this.model.metricsIn(b.region), b, t);
    // Data ages into coarser resolutions (and expires after 15 months); alarm history is kept two weeks.
    for (const r of this.model.regionNames()) {
      this.model.metricsIn(r).rollUp(t);
      const reg = this.model.region(r);
      reg.deletedHistory = reg.deletedHistory.filter((h) => t - Date.parse(h.Timestamp) <= HISTORY_RETENTION);
    }
  }

  private written(w: MetricWrite): void {
    this.src.emit({
      type: 'metric.datapoint', region: w.region, namespace: w.namespace, metricName: w.metricName,
      dimensions: (w.dimensions ?? []).map((d) => ({ Name: d.Name, Value: d.Value })), timestampMs: w.timestamp, atMs: w.receivedAt,
    });
    const slots = this.alarmIndex().get(w.region)?.get(w.key);
    if (!slots) return;
    // The first evaluation whose range can hold the datum: the minute after its own, or now if that has passed.
    const wake = Math.max(floorTo(w.timestamp, MINUTE) + MINUTE, floorTo(w.receivedAt, MINUTE));
    for (const s of slots) if (wake < s.nextEvalAt) s.nextEvalAt = wake;
    if (this.earliest !== undefined && wake < this.earliest) this.earliest = wake;
  }

  private alarmIndex(): Map<string, Map<string, AlarmSlot[]>> {
    if (!this.index) this.buildIndex();
    return this.index!;
  }

  private metricAlarms(): Array<[string, AlarmSlot[]]> {
    if (!this.ordered) this.buildIndex();
    return this.ordered!;
  }

  private buildIndex(): void {
    const index = new Map<string, Map<string, AlarmSlot[]>>();
    const ordered: Array<[string, AlarmSlot[]]> = [];
    for (const r of this.model.regionNames()) {
      const byKey = new Map<string, AlarmSlot[]>();
      const slots: AlarmSlot[] = [];
      for (const slot of this.model.region(r).alarms.values()) {
        const c = slot.actor.getSnapshot().context;
        if (c.alarmType !== 'MetricAlarm') continue;
        const m = c.config as MetricAlarmConfig;
        const key = metricKey(m.Namespace, m.MetricName, m.Dimensions);
        byKey.set(key, [...(byKey.get(key) ?? []), slot]);
        slots.push(slot);
      }
      index.set(r, byKey);
      if (slots.length > 0) ordered.push([r, slots]);
    }
    this.index = index;
    this.ordered = ordered;
  }
}
