// Drives the alarm actors: sends them events, collects the actions they ask for, re-evaluates composite alarms
// when a child changes state, and tells the bus. Scheduling (which minute to evaluate what) is the runner's.
import type { SimEvent } from '../core/events';
import type { AlarmEvent } from './alarm-machine';
import { decideAlarmState, evaluationRangeSize } from './alarm-decide';
import { alarmMetricKey, alarmRange, effectiveTreatMissingData, evaluateMetricAlarm, evaluationTick } from './alarm-evaluate';
import { isBreaching, type AlarmDatapoint, type StateValue, type CompositeAlarmConfig, type MetricAlarmConfig } from './alarm-types';
import type { MetricStore } from './metric-store';
import { evaluateCompositeAlarm, type ChildAlarmState, type CompositeTrigger } from './composite-evaluate';
import { childAlarms, parseAlarmRule } from './composite-rule';
import { MINUTE, SECOND, metricKey } from './metric-types';
import type { AlarmSlot, CloudWatchModel } from './model';

interface Decided {
  state: StateValue | undefined;
  /** The next minute at which the range can differ without new data; Infinity once it is all missing. */
  nextChange: number;
}

/** Composite alarms nest; a chain this deep can only be a cycle, which CloudWatch stops evaluating. */
const MAX_CASCADE = 50;

export class AlarmEngine {
  /** Per minute: evaluation ranges by range key, with when each can next change (shared by every alarm
   *  over the same metric, statistic, period and range size, whatever its threshold). */
  private readonly ranges = new Map<string, { points: AlarmDatapoint[]; nextChange: number | undefined }>();
  private readonly decisions = new Map<string, Decided>();
  private readonly keys = new WeakMap<MetricAlarmConfig, { range: string; rule: string }>();
  private cacheAt = NaN;

  constructor(
    private readonly model: CloudWatchModel,
    private readonly emit: (e: SimEvent) => void,
  ) {}

  /** Sends `event` to the alarm; on a state change queues its actions and re-evaluates composites over it. */
  send(region: string, slot: AlarmSlot, event: AlarmEvent, depth = 0): void {
    const before = slot.actor.getSnapshot().context;
    slot.actor.send(event);
    const after = slot.actor.getSnapshot().context;
    for (const request of after.outbox) this.model.pending.push({ region, request });
    if (after.stateValue === before.stateValue) return;
    this.emit({
      type: 'alarm.stateChanged', region, alarmName: after.config.AlarmName, alarmArn: after.config.AlarmArn,
      from: before.stateValue, to: after.stateValue, atMs: event.now, reason: after.stateReason,
    });
    if (depth < MAX_CASCADE) this.childChanged(region, slot, event.now, depth + 1);
  }

  /** Evaluates a metric alarm at `now` and schedules its next evaluation. */
  evaluateMetric(region: string, slot: AlarmSlot, now: number): void {
    const ctx = slot.actor.getSnapshot().context;
    const config = ctx.config as MetricAlarmConfig;
    const store = this.model.metricsIn(region);
    const { state, nextChange } = this.decide(region, config, store, now);
    // Most evaluations confirm the current state; only a change needs the full evaluation with its reason
    // (which also applies EvaluateLowSampleCountPercentile).
    if (state !== undefined && state !== ctx.stateValue) {
      const result = evaluateMetricAlarm(config, store, now);
      if (result.state !== undefined) {
        this.send(region, slot, {
          type: 'alarm.evaluate', now, state: result.state,
          ...(result.reason ? { reason: result.reason.reason, reasonData: result.reason.reasonData } : {}),
        });
      }
    }
    slot.nextEvalAt = nextChange;
  }

  /**
   * The decision over the alarm's evaluation range at `now`. Alarms that watch the same metric with the same
   * statistic and period share one range per minute, and those that also share the threshold rule one decision.
   */
  private decide(region: string, config: MetricAlarmConfig, store: MetricStore, now: number): Decided {
    if (now !== this.cacheAt) {
      this.ranges.clear();
      this.decisions.clear();
      this.cacheAt = now;
    }
    let keys = this.keys.get(config);
    if (!keys) {
      const range = `${region}\u0002${metricKey(config.Namespace, config.MetricName, config.Dimensions)}\u0002${config.Unit ?? ''}\u0002${config.Statistic ?? config.ExtendedStatistic ?? ''}\u0002${config.Period}\u0002${evaluationRangeSize(config.EvaluationPeriods)}`;
      const rule = `${range}\u0002${config.ComparisonOperator}\u0002${config.Threshold}\u0002${config.EvaluationPeriods}\u0002${config.DatapointsToAlarm ?? ''}\u0002${effectiveTreatMissingData(config)}`;
      keys = { range, rule };
      this.keys.set(config, keys);
    }
    const known = this.decisions.get(keys.rule);
    if (known) return known;
    let shared = this.ranges.get(keys.range);
    if (!shared) {
      shared = { points: alarmRange(config, store, now), nextChange: undefined };
      this.ranges.set(keys.range, shared);
    }
    const range = shared.points;
    const points: Array<boolean | undefined> = new Array<boolean | undefined>(range.length);
    let hasData = false;
    for (let i = 0; i < range.length; i++) {
      const v = range[i]!.value;
      if (v !== undefined) hasData = true;
      points[i] = v === undefined ? undefined : isBreaching(config.ComparisonOperator, v, config.Threshold);
    }
    const n = config.EvaluationPeriods;
    const state = decideAlarmState(points, n, config.DatapointsToAlarm ?? n, effectiveTreatMissingData(config)).state;
    if (hasData) shared.nextChange ??= this.nextChange(config, store, now);
    const decided = { state, nextChange: hasData ? shared.nextChange! : Infinity };
    this.decisions.set(keys.rule, decided);
    return decided;
  }

  /**
   * The range at a later minute T' is the same periods slid along: a datum stamped ts sits in the period
   * [start + iP, start + (i+1)P) with start = T' - size*P, so it moves to the next older period (or out of the
   * range) only when T' = ts + 1 minute + kP. Without new data the range, and so the decision, cannot change
   * before the first such minute of any datum in it. Sub-minute alarms are evaluated every minute.
   */
  private nextChange(config: MetricAlarmConfig, store: MetricStore, now: number): number {
    const periodMs = config.Period * SECOND;
    if (periodMs < MINUTE) return now + MINUTE;
    const end = evaluationTick(config.Period, now);
    const start = end - evaluationRangeSize(config.EvaluationPeriods) * periodMs;
    let next = Infinity;
    // Per minute bucket of the range (as aggregate at a one-minute period would list them): when it slides.
    store.forEachTimestamp(alarmMetricKey(config), config.Unit, start, end, (ts) => {
      const bucket = start + Math.floor((ts - start) / MINUTE) * MINUTE;
      const offset = (((bucket + MINUTE - now) % periodMs) + periodMs) % periodMs;
      const t = now + (offset === 0 ? periodMs : offset);
      if (t < next) next = t;
    });
    return next === Infinity ? now + MINUTE : next;
  }

  /** Evaluates a composite alarm for `trigger` (creation, update, or a child's change). */
  evaluateComposite(region: string, slot: AlarmSlot, trigger: CompositeTrigger, now: number, depth = 0): void {
    const config = slot.actor.getSnapshot().context.config as CompositeAlarmConfig;
    const result = evaluateCompositeAlarm(config, this.children(region), trigger);
    this.send(region, slot, { type: 'alarm.evaluate', now, state: result.state, reason: result.reason, reasonData: result.reasonData }, depth);
  }

  /** Every alarm of the Region as a composite's rule sees it. */
  children(region: string): ChildAlarmState[] {
    return [...this.model.region(region).alarms.values()].map((a) => {
      const c = a.actor.getSnapshot().context;
      return { arn: c.config.AlarmArn, name: c.config.AlarmName, state: c.stateValue, timestamp: c.stateTransitionedTimestamp };
    });
  }

  private childChanged(region: string, child: AlarmSlot, now: number, depth: number): void {
    const c = child.actor.getSnapshot().context;
    const me: ChildAlarmState = { arn: c.config.AlarmArn, name: c.config.AlarmName, state: c.stateValue, timestamp: c.stateTransitionedTimestamp };
    for (const slot of this.model.region(region).alarms.values()) {
      const ctx = slot.actor.getSnapshot().context;
      if (ctx.alarmType !== 'CompositeAlarm') continue;
      const refs = childAlarms(parseAlarmRule((ctx.config as CompositeAlarmConfig).AlarmRule));
      if (!refs.includes(me.name) && !refs.includes(me.arn)) continue;
      this.evaluateComposite(region, slot, { kind: 'child', child: me }, now, depth);
    }
  }
}
