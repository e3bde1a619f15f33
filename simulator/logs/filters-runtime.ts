// Metric filters at ingestion: every batch of log events stored in a group runs through that group's
// metric filters, and what they publish goes into the CloudWatch metric store of the group's Region.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringLogData.html
import type { SimEvent } from '../core/events';
import type { MetricDatumInput, StandardUnit } from '../cloudwatch/metric-types';
import { compileMetricFilter, fixedObservations, metricValuesFor, type CompiledMetricFilter, type MetricObservation } from './metric-filter';
import { FilterVerdicts } from './filter-verdicts';
import type { IngestedBatch, StoredMetricFilter } from './model';
import { LogMessage } from './log-message';

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
    const filters = Object.values(batch.group.metricFilters).sort((a, b) => (a.filterName < b.filterName ? -1 : 1));
    if (filters.length === 0) return;
    // One LogMessage per event, shared by every filter: a JSON message is parsed once at most.
    const byMinute = new Map<number, LogMessage[]>();
    for (let i = 0; i < batch.events.length; i++) {
      const e = batch.events[i]!;
      const minute = Math.floor(e.timestamp / MINUTE) * MINUTE;
      let list = byMinute.get(minute);
      if (!list) byMinute.set(minute, (list = []));
      list.push(batch.messages?.[i] ?? new LogMessage(e.message));
    }
    const minutes = [...byMinute.keys()].sort((a, b) => a - b);
    const cutoff = batch.now - MEMORY_MS;
    for (const f of filters) {
      const c = this.compile(f);
      for (const minute of minutes) this.publishMinute(batch, f, c, minute, byMinute.get(minute) ?? []);
      // Copied only when a minute has aged out (most batches forget none).
      if (this.earliestOf(f.publishedMinutes) < cutoff) f.publishedMinutes = f.publishedMinutes.filter((m) => m >= cutoff);
    }
  }

  private earliestOf(minutes: number[]): number {
    const known = this.earliest.get(minutes);
    if (known && known.length === minutes.length) return known.minute;
    let minute = Infinity;
    for (const m of minutes) if (m < minute) minute = m;
    this.earliest.set(minutes, { length: minutes.length, minute });
    return minute;
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

  private publishMinute(batch: IngestedBatch, f: StoredMetricFilter, c: CompiledMetricFilter, minute: number, messages: LogMessage[]): void {
    const matched: MetricObservation[] = [];
    const byShape = this.verdicts.followsShape(c.pattern);
    for (const m of messages) for (const o of this.observations(c, m, byShape)) matched.push(o);
    for (const o of matched) {
      this.put(batch, o, minute);
      this.sinks.emit({ type: 'metricFilter.matched', region: batch.region, logGroupName: batch.group.logGroupName, filterName: f.filterName, metricNamespace: o.metricNamespace, metricName: o.metricName, value: o.value, atMs: batch.now });
    }
    let published = matched.length > 0;
    // Only a match or a default value can publish; without either the minute is not looked up.
    const already = (published || f.metricTransformations.some((t) => t.defaultValue !== undefined)) && f.publishedMinutes.includes(minute);
    if (!already) {
      for (const t of f.metricTransformations) {
        if (t.defaultValue === undefined) continue;
        if (matched.some((o) => o.metricName === t.metricName && o.metricNamespace === t.metricNamespace)) continue;
        this.put(batch, { metricNamespace: t.metricNamespace, metricName: t.metricName, value: t.defaultValue, unit: t.unit, dimensions: {} }, minute);
        published = true;
      }
    }
    if (published && !already) this.remember(f.publishedMinutes, minute);
  }

  /** metricValuesFor, with the verdict shared by messages of one shape and fixed values not re-read. */
  private observations(c: CompiledMetricFilter, m: LogMessage, byShape: boolean): readonly MetricObservation[] {
    if (!this.verdicts.matches(c.pattern, m, byShape)) return NONE;
    return fixedObservations(c) ?? metricValuesFor(c, m);
  }

  private put(batch: IngestedBatch, o: MetricObservation, minute: number): void {
    const dims = Object.entries(o.dimensions).map(([Name, Value]) => ({ Name, Value }));
    const datum: MetricDatumInput = { MetricName: o.metricName, Timestamp: minute, Value: o.value };
    if (dims.length > 0) datum.Dimensions = dims;
    if (o.unit) datum.Unit = o.unit as StandardUnit;
    this.sinks.putMetric(batch.region, o.metricNamespace, datum, batch.now);
  }
}
