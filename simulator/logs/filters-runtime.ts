// Metric filters at ingestion: every batch of log events stored in a group runs through that group's
// metric filters, and what they publish goes into the CloudWatch metric store of the group's Region.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringLogData.html
import type { SimEvent } from '../core/events';
import type { MetricDatumInput, StandardUnit } from '../cloudwatch/metric-types';
import { compileMetricFilter, fixedObservations, metricValuesFor, type CompiledMetricFilter, type MetricObservation } from './metric-filter';
import { FilterVerdicts } from './filter-verdicts';
import type { IngestedBatch, StoredMetricFilter } from './model';
import { LogMessage } from './log-message';
import { BatchShapes } from './batch-shapes';

const MINUTE = 60_000;
/** How far back a filter remembers which minutes it published for (CloudTrail delivers within minutes). */
const MEMORY_MS = 3 * 3_600_000;
/** What a filter that does not match a message observes (shared: most filters match few messages). */
const NONE: readonly MetricObservation[] = Object.freeze([]);

/** Where published values go; the account wires these to CloudWatch and to its event bus. */
export interface MetricFilterSinks {
  putMetric(region: string, namespace: string, datum: MetricDatumInput, receivedAt: number): void;
  emit(e: SimEvent): void;
}

export class MetricFilterRuntime {
  /** Parsed filters, by stored object: a replaced or restored filter is a new object and compiles afresh. */
  private readonly compiled = new WeakMap<StoredMetricFilter, CompiledMetricFilter>();
  private readonly verdicts = new FilterVerdicts();
  private readonly sorted = new WeakMap<Record<string, StoredMetricFilter>, { values: StoredMetricFilter[]; sorted: StoredMetricFilter[] }>();
  private readonly fixed = new WeakMap<CompiledMetricFilter, readonly MetricObservation[] | null>();
  /** The earliest minute of a publishedMinutes list, with the list's length when it was worked out: every
   *  batch asks whether a minute has aged out, and only pushes (kept up to date here) change a list. */
  private readonly earliest = new WeakMap<number[], { length: number; minute: number }>();

  constructor(private readonly sinks: MetricFilterSinks) {}

  /**
   * Filters see only what is ingested while they exist: nothing already stored is ever re-read, which is
   * AWS's rule ("Filters do not retroactively filter data").
   *
   * Each matching event publishes its value at its own minute (the log event's timestamp). A minute of
   * events with no match publishes the default value once, if the filter has one; a minute with no events
   * publishes nothing. AWS aggregates a whole minute before deciding; here a batch decides on arrival, so
   * a default published for a minute stays even if a later batch brings a match for that same minute.
   */
  process(batch: IngestedBatch): void {
    const filters = this.sortedFilters(batch.group.metricFilters);
    if (filters.length === 0) return;
    // One LogMessage per event, shared by every filter: a JSON message is parsed once at most.
    const messages = batch.messages ?? batch.events.map((e) => new LogMessage(e.message));
    const minuteOfEvent: number[] = new Array<number>(batch.events.length);
    const byMinute = new Map<number, LogMessage[]>();
    for (let i = 0; i < batch.events.length; i++) {
      const minute = Math.floor(batch.events[i]!.timestamp / MINUTE) * MINUTE;
      minuteOfEvent[i] = minute;
      let list = byMinute.get(minute);
      if (!list) byMinute.set(minute, (list = []));
      list.push(messages[i]!);
    }
    const minutes = [...byMinute.keys()].sort((a, b) => a - b);
    let shapes: BatchShapes | undefined;
    const cutoff = batch.now - MEMORY_MS;
    for (const f of filters) {
      const c = this.compile(f);
      const byShape = this.verdicts.followsShape(c.pattern);
      const fixed = byShape ? this.fixedOf(c) : undefined;
      if (fixed) {
        if (!shapes) {
          const index = new Map(minutes.map((m, k) => [m, k]));
          shapes = new BatchShapes(this.verdicts, messages, minuteOfEvent.map((m) => index.get(m)!), minutes.length);
        }
        const counts = shapes.matchCounts(this.verdicts, c.pattern, minutes.length);
        // A minute without a match publishes only a default value; without one it publishes nothing.
        const defaults = f.metricTransformations.some((t) => t.defaultValue !== undefined);
        for (let k = 0; k < minutes.length; k++) if (counts[k]! > 0 || defaults) this.publishMinute(batch, f, minutes[k]!, fixed, counts[k]!);
      } else {
        for (const minute of minutes) {
          const matched: MetricObservation[] = [];
          for (const m of byMinute.get(minute) ?? []) for (const o of this.observations(c, m, byShape)) matched.push(o);
          this.publishMinute(batch, f, minute, matched, 1);
        }
      }
      if (this.earliestOf(f.publishedMinutes) < cutoff) this.forget(f.publishedMinutes, cutoff);
    }
  }

  /** The group's filters by name. The order is kept while the same filter objects are there in the same
   *  insertion order (PutMetricFilter stores a new object, DeleteMetricFilter removes one): sorting them at
   *  every batch cost more than reading them. */
  private sortedFilters(stored: Record<string, StoredMetricFilter>): readonly StoredMetricFilter[] {
    const values = Object.values(stored);
    const known = this.sorted.get(stored);
    if (known && known.values.length === values.length && known.values.every((f, i) => f === values[i])) return known.sorted;
    const sorted = [...values].sort((a, b) => (a.filterName < b.filterName ? -1 : 1));
    this.sorted.set(stored, { values, sorted });
    return sorted;
  }

  /** fixedObservations, worked out once per compiled filter (null: its values are read from each message). */
  private fixedOf(c: CompiledMetricFilter): readonly MetricObservation[] | undefined {
    let fixed = this.fixed.get(c);
    if (fixed === undefined) this.fixed.set(c, (fixed = fixedObservations(c) ?? null));
    return fixed ?? undefined;
  }

  private earliestOf(minutes: number[]): number {
    const known = this.earliest.get(minutes);
    if (known && known.length === minutes.length) return known.minute;
    let minute = Infinity;
    for (const m of minutes) if (m < minute) minute = m;
    this.earliest.set(minutes, { length: minutes.length, minute });
    return minute;
  }

  /** Drops the minutes before `cutoff`, keeping the others' order. In place: a filter that matches every
   *  few minutes ages some out at nearly every batch, and a copy each time (with its earliest minute worked
   *  out afresh) cost as much as all the filters' verdicts. */
  private forget(minutes: number[], cutoff: number): void {
    let kept = 0;
    let earliest = Infinity;
    for (let i = 0; i < minutes.length; i++) {
      const m = minutes[i]!;
      if (m < cutoff) continue;
      minutes[kept++] = m;
      if (m < earliest) earliest = m;
    }
    minutes.length = kept;
    this.earliest.set(minutes, { length: kept, minute: earliest });
  }

  private remember(minutes: number[], minute: number): void {
    const known = this.earliest.get(minutes);
    minutes.push(minute);
    if (known && known.length === minutes.length - 1) {
      known.length = minutes.length;
      if (minute < known.minute) known.minute = minute;
    }
  }

  private compile(f: StoredMetricFilter): CompiledMetricFilter {
    let c = this.compiled.get(f);
    if (!c) {
      c = compileMetricFilter({ filterPattern: f.filterPattern, metricTransformations: f.metricTransformations });
      this.compiled.set(f, c);
    }
    return c;
  }

  /** One minute of one filter: `matched` observed `times` over (a count of messages that all publish the
   *  same values, or 1 for a list gathered message by message), then the default values if nothing matched. */
  private publishMinute(batch: IngestedBatch, f: StoredMetricFilter, minute: number, matched: readonly MetricObservation[], times: number): void {
    for (let k = 0; k < times; k++) {
      for (const o of matched) {
        this.put(batch, o, minute);
        this.sinks.emit({ type: 'metricFilter.matched', region: batch.region, logGroupName: batch.group.logGroupName, filterName: f.filterName, metricNamespace: o.metricNamespace, metricName: o.metricName, value: o.value, atMs: batch.now });
      }
    }
    const any = times > 0 && matched.length > 0;
    let published = any;
    // Only a match or a default value can publish; without either the minute is not looked up.
    const already = (published || f.metricTransformations.some((t) => t.defaultValue !== undefined)) && f.publishedMinutes.includes(minute);
    if (!already) {
      for (const t of f.metricTransformations) {
        if (t.defaultValue === undefined) continue;
        if (any && matched.some((o) => o.metricName === t.metricName && o.metricNamespace === t.metricNamespace)) continue;
        this.put(batch, { metricNamespace: t.metricNamespace, metricName: t.metricName, value: t.defaultValue, unit: t.unit, dimensions: {} }, minute);
        published = true;
      }
    }
    if (published && !already) this.remember(f.publishedMinutes, minute);
  }

  /** metricValuesFor, with the verdict shared by messages of one shape and fixed values not re-read. */
  private observations(c: CompiledMetricFilter, m: LogMessage, byShape: boolean): readonly MetricObservation[] {
    if (!this.verdicts.matches(c.pattern, m, byShape)) return NONE;
    return this.fixedOf(c) ?? metricValuesFor(c, m);
  }

  private put(batch: IngestedBatch, o: MetricObservation, minute: number): void {
    const datum: MetricDatumInput = { MetricName: o.metricName, Timestamp: minute, Value: o.value };
    // Most filters publish without dimensions (one datum per matched event): no lists made for none.
    if (hasAny(o.dimensions)) datum.Dimensions = Object.entries(o.dimensions).map(([Name, Value]) => ({ Name, Value }));
    if (o.unit) datum.Unit = o.unit as StandardUnit;
    this.sinks.putMetric(batch.region, o.metricNamespace, datum, batch.now);
  }
}

function hasAny(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
