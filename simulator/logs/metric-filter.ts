// What a metric filter turns log events into: metric observations, per event and per minute.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
import type { FilterPattern } from './filter-pattern-types';
import { matchLogEvent, parseFilterPattern } from './filter-pattern';
import { parseSelectorText } from './filter-pattern-json';
import { resolveSelector } from './filter-pattern-json-match';
import { asLogMessage, type LogMessage } from './log-message';
import { jsonValueText } from './filter-pattern-values';
import { isNumberText } from './filter-pattern-scanner';
import { checkPatternLength, checkTransformation, checkTransformationCount } from './metric-filter-validation';

/** PutMetricFilter's MetricTransformation, in the API's own field names. */
export interface MetricTransformation {
  metricName: string;
  metricNamespace: string;
  /** A number ("1"), a space-delimited field (`$bytes`, `$7`) or a JSON selector (`$.latency`). */
  metricValue: string;
  defaultValue?: number;
  /** Dimension name → `$field` or `$.selector`; at most three, JSON and space-delimited only. */
  dimensions?: Record<string, string>;
  unit?: string;
}

export interface MetricFilterDefinition {
  filterPattern: string;
  metricTransformations: MetricTransformation[];
}

/** One value a metric filter publishes; the caller stamps the event's minute on it. */
export interface MetricObservation {
  metricNamespace: string;
  metricName: string;
  value: number;
  unit?: string;
  dimensions: Record<string, string>;
}

export interface CompiledMetricFilter {
  definition: MetricFilterDefinition;
  pattern: FilterPattern;
}

/** Validates a definition as PutMetricFilter does and parses its pattern once. */
export function compileMetricFilter(definition: MetricFilterDefinition): CompiledMetricFilter {
  checkPatternLength(definition.filterPattern);
  checkTransformationCount(definition.metricTransformations);
  const pattern = parseFilterPattern(definition.filterPattern);
  for (const t of definition.metricTransformations) checkTransformation(pattern, t);
  return { definition, pattern };
}

/** Resolves `$name`, `$3` or `$.a.b` to text, from the extracted fields or the JSON event. */
function resolveReference(reference: string, fields: Record<string, string>, message: LogMessage): string | undefined {
  if (reference.startsWith('$.')) {
    const selector = parseSelectorText(reference);
    const root = selector ? message.json() : undefined;
    if (!selector || root === undefined) return undefined;
    const node = resolveSelector(root, selector)[0];
    return node === undefined ? undefined : jsonValueText(node);
  }
  return fields[reference];
}

function numericValue(metricValue: string, fields: Record<string, string>, message: LogMessage): number | undefined {
  if (isNumberText(metricValue)) return Number(metricValue);
  const text = resolveReference(metricValue, fields, message);
  // A referenced value that is not a number publishes nothing for this event.
  return text !== undefined && isNumberText(text) ? Number(text) : undefined;
}

/**
 * The observations one log event produces: one per transformation when the event matches. Pass the same
 * LogMessage to every filter of a group so the event is parsed at most once.
 */
export function metricValuesFor(filter: CompiledMetricFilter, event: string | LogMessage): MetricObservation[] {
  const message = asLogMessage(event);
  const match = matchLogEvent(filter.pattern, message);
  if (!match.matched) return [];
  const out: MetricObservation[] = [];
  for (const t of filter.definition.metricTransformations) {
    const value = numericValue(t.metricValue, match.fields, message);
    if (value === undefined) continue;
    const dimensions: Record<string, string> = {};
    let complete = true;
    for (const [name, reference] of Object.entries(t.dimensions ?? {})) {
      const resolved = resolveReference(reference, match.fields, message);
      if (resolved === undefined || resolved === '') complete = false;
      else dimensions[name] = resolved;
    }
    if (!complete) continue;
    out.push({ metricNamespace: t.metricNamespace, metricName: t.metricName, value, unit: t.unit, dimensions });
  }
  return out;
}

/**
 * What every matching event publishes when no transformation reads the event (a number metricValue and no
 * dimensions), as metricValuesFor would give it; undefined when the event's values are needed.
 */
export function fixedObservations(filter: CompiledMetricFilter): MetricObservation[] | undefined {
  const out: MetricObservation[] = [];
  for (const t of filter.definition.metricTransformations) {
    if (!isNumberText(t.metricValue) || Object.keys(t.dimensions ?? {}).length > 0) return undefined;
    out.push({ metricNamespace: t.metricNamespace, metricName: t.metricName, value: Number(t.metricValue), unit: t.unit, dimensions: {} });
  }
  return out;
}

/**
 * Everything one minute of ingested events publishes. Matches publish their values; a minute with
 * events but no match publishes defaultValue once (if set); a minute with no events publishes
 * nothing at all — "if no log events are ingested during a one-minute period, then no value is
 * reported".
 */
export function minuteObservations(filter: CompiledMetricFilter, messages: readonly string[]): MetricObservation[] {
  if (messages.length === 0) return [];
  const matched = messages.flatMap((m) => metricValuesFor(filter, m));
  const out = [...matched];
  for (const t of filter.definition.metricTransformations) {
    const hasMatch = matched.some((o) => o.metricName === t.metricName && o.metricNamespace === t.metricNamespace);
    if (!hasMatch && t.defaultValue !== undefined) {
      out.push({ metricNamespace: t.metricNamespace, metricName: t.metricName, value: t.defaultValue, unit: t.unit, dimensions: {} });
    }
  }
  return out;
}

export interface StatisticSet {
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
}

/** Folds a minute's observations of one metric into the statistic set CloudWatch stores. */
export function toStatisticSet(values: readonly number[]): StatisticSet | undefined {
  if (values.length === 0) return undefined;
  return {
    SampleCount: values.length,
    Sum: values.reduce((a, b) => a + b, 0),
    Minimum: Math.min(...values),
    Maximum: Math.max(...values),
  };
}
