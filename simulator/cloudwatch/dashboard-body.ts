// DashboardBody validation ("Dashboard Body Structure and Syntax", CloudWatch API reference): a JSON object with
// a `widgets` array; each widget has a type, an optional position and size on the 24-column grid, and
// properties. This simulation draws metric and text widgets; their required properties are checked. Problems
// are reported as DashboardValidationMessages {DataPath, Message}.
import type { Json } from '../core/contract';

export interface DashboardValidationMessage {
  DataPath: string;
  Message: string;
}

const WIDGET_TYPES = ['metric', 'text', 'log', 'alarm', 'explorer'];
const isObj = (v: Json | undefined): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The parsed body, or the messages that make it invalid. */
export function validateDashboardBody(body: string): { ok: true; widgets: number } | { ok: false; messages: DashboardValidationMessage[] } {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return { ok: false, messages: [{ DataPath: '', Message: 'The field DashboardBody must be a valid JSON object' }] };
  }
  if (!isObj(parsed)) return { ok: false, messages: [{ DataPath: '', Message: 'Should be object' }] };
  const widgets = parsed['widgets'];
  if (widgets === undefined) return { ok: false, messages: [{ DataPath: '', Message: "Should have required property 'widgets'" }] };
  if (!Array.isArray(widgets)) return { ok: false, messages: [{ DataPath: '/widgets', Message: 'Should be array' }] };
  if (widgets.length > 500) return { ok: false, messages: [{ DataPath: '/widgets', Message: 'Should NOT have more than 500 items' }] };
  const messages: DashboardValidationMessage[] = [];
  widgets.forEach((w, i) => {
    const at = `/widgets/${i}`;
    if (!isObj(w)) {
      messages.push({ DataPath: at, Message: 'Should be object' });
      return;
    }
    const type = w['type'];
    if (typeof type !== 'string') messages.push({ DataPath: at, Message: "Should have required property 'type'" });
    else if (!WIDGET_TYPES.includes(type)) messages.push({ DataPath: `${at}/type`, Message: `Should be equal to one of the allowed values: ${WIDGET_TYPES.join(', ')}` });
    for (const [k, min, max] of [['x', 0, 23], ['y', 0, Infinity], ['width', 1, 24], ['height', 1, 1000]] as const) {
      const v = w[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v)) messages.push({ DataPath: `${at}/${k}`, Message: 'Should be integer' });
      else if (v < min) messages.push({ DataPath: `${at}/${k}`, Message: `Should be >= ${min}` });
      else if (v > max) messages.push({ DataPath: `${at}/${k}`, Message: `Should be <= ${max}` });
    }
    const props = w['properties'];
    if (!isObj(props)) {
      messages.push({ DataPath: at, Message: "Should have required property 'properties'" });
      return;
    }
    if (type === 'text' && typeof props['markdown'] !== 'string') messages.push({ DataPath: `${at}/properties`, Message: "Should have required property 'markdown'" });
    if (type === 'metric') validateMetricWidget(props, `${at}/properties`, messages);
  });
  return messages.length ? { ok: false, messages } : { ok: true, widgets: widgets.length };
}

/**
 * A metric widget graphs `metrics` (each [Namespace, MetricName, DimName, DimValue, ..., {rendering options}],
 * where "." repeats the value above) or an `alarms` annotation, in a `region`.
 */
function validateMetricWidget(props: { [k: string]: Json }, at: string, out: DashboardValidationMessage[]): void {
  const metrics = props['metrics'];
  const annotations = props['annotations'];
  if (metrics === undefined && !isObj(annotations)) {
    out.push({ DataPath: at, Message: "Should have required property 'metrics'" });
  }
  if (typeof props['region'] !== 'string') out.push({ DataPath: at, Message: "Should have required property 'region'" });
  if (metrics === undefined) return;
  if (!Array.isArray(metrics)) {
    out.push({ DataPath: `${at}/metrics`, Message: 'Should be array' });
    return;
  }
  if (metrics.length > 500) out.push({ DataPath: `${at}/metrics`, Message: 'Should NOT have more than 500 items' });
  metrics.forEach((row, j) => {
    const path = `${at}/metrics/${j}`;
    if (!Array.isArray(row)) {
      out.push({ DataPath: path, Message: 'Should be array' });
      return;
    }
    const last = row[row.length - 1];
    const strings = isObj(last) ? row.slice(0, -1) : row;
    // A math row is [{ "expression": ... }] alone; a metric row needs at least namespace and name.
    if (strings.length === 0 && isObj(last) && typeof last['expression'] === 'string') return;
    if (strings.length < 2) out.push({ DataPath: path, Message: 'Should NOT have fewer than 2 items' });
    strings.forEach((s, k) => {
      if (typeof s !== 'string') out.push({ DataPath: `${path}/${k}`, Message: 'Should be string' });
    });
    if (strings.length >= 2 && strings.length % 2 !== 0) out.push({ DataPath: path, Message: 'Dimension name and value must come in pairs' });
  });
  const period = props['period'];
  if (period !== undefined && (typeof period !== 'number' || !(period === 1 || period === 5 || period === 10 || period === 30 || (period > 0 && period % 60 === 0)))) {
    out.push({ DataPath: `${at}/period`, Message: 'Should be 1, 5, 10, 30 or a multiple of 60' });
  }
}
