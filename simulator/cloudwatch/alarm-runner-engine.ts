// Drives the alarm actors: sends them events, collects the actions they ask for, re-evaluates composite alarms
// when a child changes state, and tells the bus. Scheduling (which minute to evaluate what) is the runner's.
import type { SimEvent } from '../core/events';
import type { AlarmEvent } from './alarm-machine';
import { AlarmDecisions } from './alarm-decisions';
import { evaluateMetricRange } from './alarm-evaluate';
import type { CompositeAlarmConfig, MetricAlarmConfig } from './alarm-types';
import { evaluateCompositeAlarm, type ChildAlarmState, type CompositeTrigger } from './composite-evaluate';
import { childAlarms, parseAlarmRule } from './composite-rule';
import type { AlarmSlot, CloudWatchModel } from './model';

/** Composite alarms nest; a chain this deep can only be a cycle, which CloudWatch stops evaluating. */
const MAX_CASCADE = 50;

export class AlarmEngine {
  /** Decisions shared between alarms over the same data within a minute. */
  private readonly decisions = new AlarmDecisions();
  /** The composite alarms of each Region, in the order the Region keeps its alarms; found again once the set of
   *  alarms changed. A metric alarm that flips every few minutes otherwise walked every alarm to find none. */
  private readonly composites = new Map<string, { alarms: ReadonlyMap<string, AlarmSlot>; size: number; slots: AlarmSlot[] }>();

  constructor(
    private readonly model: CloudWatchModel,
    private readonly emit: (e: SimEvent) => void,
  ) {}

  /** Alarms were created or deleted (or restored): the composites are looked for again. */
  alarmsChanged(): void {
    this.composites.clear();
  }

  /** Sends `event` to the alarm; on a state change queues its actions and re-evaluates composites over it. */
  send(region: string, slot: AlarmSlot, event: AlarmEvent, depth = 0): void {
    const before = slot.actor.getSnapshot().context;
    // An evaluation that keeps the state takes the machine's "stay" transition, which only empties the outbox
    // (read just below after every event, never kept in snapshots) and keeps the reason: nothing observable,
    // so xstate's step is skipped (alarm-runner-engine.test.ts checks both paths give the same alarm).
    if (event.type === 'alarm.evaluate' && (event.state === undefined || event.state === before.stateValue)) return;
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
    const { state, nextChange, range } = this.decisions.decide(region, config, store, now);
    // Most evaluations confirm the current state; only a change needs the full evaluation with its reason
    // (which also applies EvaluateLowSampleCountPercentile), over the range the decision already read.
    if (state !== undefined && state !== ctx.stateValue) {
      const result = evaluateMetricRange(config, range, now);
      if (result.state !== undefined) {
        // Written out rather than spread: state changes run as cold code, where a spread costs more than its work.
        const reason = result.reason;
        this.send(region, slot, reason
          ? { type: 'alarm.evaluate', now, state: result.state, reason: reason.reason, reasonData: reason.reasonData }
          : { type: 'alarm.evaluate', now, state: result.state });
      }
    }
    slot.nextEvalAt = nextChange;
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
    const composites = this.compositesIn(region);
    if (composites.length === 0) return;
    const c = child.actor.getSnapshot().context;
    const me: ChildAlarmState = { arn: c.config.AlarmArn, name: c.config.AlarmName, state: c.stateValue, timestamp: c.stateTransitionedTimestamp };
    for (const slot of composites) {
      const ctx = slot.actor.getSnapshot().context;
      const refs = childAlarms(parseAlarmRule((ctx.config as CompositeAlarmConfig).AlarmRule));
      if (!refs.includes(me.name) && !refs.includes(me.arn)) continue;
      this.evaluateComposite(region, slot, { kind: 'child', child: me }, now, depth);
    }
  }

  /** The Region's composite alarms (an alarm's type never changes: PutMetricAlarm cannot replace a composite).
   *  Besides alarmsChanged, a different map or count of alarms (a restore, a test filling the model) also
   *  finds them again. */
  private compositesIn(region: string): AlarmSlot[] {
    const alarms = this.model.region(region).alarms;
    const known = this.composites.get(region);
    if (known && known.alarms === alarms && known.size === alarms.size) return known.slots;
    const slots = [...alarms.values()].filter((slot) => slot.actor.getSnapshot().context.alarmType === 'CompositeAlarm');
    this.composites.set(region, { alarms, size: alarms.size, slots });
    return slots;
  }
}
