// Reading and writing a DashboardBody ("Dashboard Body Structure and Syntax", CloudWatch API reference):
// widgets on a 24-column grid; metric widgets list metrics as [Namespace, MetricName, DimName, DimValue, …,
// {options}] with "." repeating the value at the same place in the row above; text widgets hold markdown.
import type { MetricId } from './chart-data';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MetricLine {
  metric: MetricId;
  stat: string;
  period: number;
  label: string;
}

export type Widget =
  | { type: 'metric'; x: number; y: number; width: number; height: number; title: string; region: string; lines: MetricLine[] }
  | { type: 'text'; x: number; y: number; width: number; height: number; markdown: string }
  | { type: 'other'; x: number; y: number; width: number; height: number; kind: string };

/** The widget's period and statistic when it names none. UNVERIFIED: 300 s and Average, the console's
 *  defaults for a new graph; the body reference was not checked for them, nor for the 3-hour default range. */
export const DEFAULT_PERIOD = 300;
export const DEFAULT_STAT = 'Average';

/** Rows with "." resolved against the row above; the trailing options object kept apart. */
export function expandMetricRows(rows: unknown[]): { parts: string[]; options: Obj }[] {
  const out: { parts: string[]; options: Obj }[] = [];
  let prev: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const last: unknown = row[row.length - 1];
    const options = isObj(last) ? last : {};
    const raw = (isObj(last) ? row.slice(0, -1) : row).map(String);
    // "..." stands for the values of the row above that the rest of this row does not give. UNVERIFIED: read
    // from console-generated sources; the API reference page was not at hand when this was written.
    const ellipsis = raw.indexOf('...');
    const filled = ellipsis >= 0 ? [...raw.slice(0, ellipsis), ...prev.slice(ellipsis, prev.length - (raw.length - ellipsis - 1)), ...raw.slice(ellipsis + 1)] : raw;
    const parts = filled.map((v, i) => (v === '.' ? (prev[i] ?? '.') : v));
    out.push({ parts, options });
    prev = parts;
  }
  return out;
}

function grid(w: Obj): { x: number; y: number; width: number; height: number } {
  const n = (k: string, d: number) => (typeof w[k] === 'number' ? (w[k] as number) : d);
  return { x: n('x', 0), y: n('y', 0), width: n('width', 6), height: n('height', 6) };
}

/** Widgets of a body, sorted top to bottom then left to right (how the grid is read). */
export function parseDashboard(body: string): { widgets: Widget[]; startIso: string } {
  const doc = JSON.parse(body) as unknown;
  if (!isObj(doc) || !Array.isArray(doc['widgets'])) return { widgets: [], startIso: '-PT3H' };
  const widgets: Widget[] = (doc['widgets'] as unknown[]).filter(isObj).map((w) => {
    const g = grid(w);
    const p = isObj(w['properties']) ? w['properties'] : {};
    if (w['type'] === 'text') return { type: 'text', ...g, markdown: String(p['markdown'] ?? '') };
    if (w['type'] !== 'metric') return { type: 'other', ...g, kind: String(w['type']) };
    const stat = typeof p['stat'] === 'string' ? p['stat'] : DEFAULT_STAT;
    const period = typeof p['period'] === 'number' ? p['period'] : DEFAULT_PERIOD;
    const lines = expandMetricRows(Array.isArray(p['metrics']) ? p['metrics'] : [])
      .filter((r) => r.parts.length >= 2)
      .map(({ parts, options }): MetricLine => {
        const dims: { Name: string; Value: string }[] = [];
        for (let i = 2; i + 1 < parts.length; i += 2) dims.push({ Name: parts[i]!, Value: parts[i + 1]! });
        return {
          metric: { Namespace: parts[0]!, MetricName: parts[1]!, Dimensions: dims },
          stat: typeof options['stat'] === 'string' ? options['stat'] : stat,
          period: typeof options['period'] === 'number' ? options['period'] : period,
          label: typeof options['label'] === 'string' ? options['label'] : parts[1]!,
        };
      });
    return { type: 'metric', ...g, title: typeof p['title'] === 'string' ? p['title'] : lines.map((l) => l.label).join(', '), region: String(p['region'] ?? ''), lines };
  });
  widgets.sort((a, b) => a.y - b.y || a.x - b.x);
  return { widgets, startIso: typeof doc['start'] === 'string' ? doc['start'] : '-PT3H' };
}

/** "-PT3H", "-P7D", "-PT30M" → milliseconds back from now; undefined for forms not drawn here. */
export function relativeStartMs(iso: string): number | undefined {
  const m = /^-P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m || iso === '-P' || iso === '-PT') return undefined;
  const [, w, d, h, min] = m.map((v) => Number(v ?? 0));
  return (((w ?? 0) * 7 + (d ?? 0)) * 24 * 60 + (h ?? 0) * 60 + (min ?? 0)) * 60_000;
}

/** A body with one more widget placed under the others, as the console's "add widget" does. */
export function addWidget(body: Obj, widget: Obj): Obj {
  const widgets = Array.isArray(body['widgets']) ? (body['widgets'] as Obj[]) : [];
  const bottom = widgets.reduce((m, w) => Math.max(m, (Number(w['y']) || 0) + (Number(w['height']) || 6)), 0);
  return { ...body, widgets: [...widgets, { ...widget, x: 0, y: bottom }] };
}

export function metricWidget(m: MetricId, stat: string, period: number, region: string, title: string): Obj {
  const row = [m.Namespace, m.MetricName, ...m.Dimensions.flatMap((d) => [d.Name, d.Value])];
  return { type: 'metric', width: 12, height: 6, properties: { metrics: [row], stat, period, region, title } };
}

export function textWidget(markdown: string): Obj {
  return { type: 'text', width: 24, height: 2, properties: { markdown } };
}
