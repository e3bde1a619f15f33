// One widget of a dashboard body: a metric widget as a chart of its metrics (GetMetricData in the widget's
// Region), a text widget as its markdown's text.
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { seriesOf } from './chart-data';
import { LinesChart, type Series } from './chart-lines';
import type { Widget } from './dashboard-widgets';

type Obj = Record<string, unknown>;
/** Height of one grid unit in pixels. */
export const ROW_PX = 34;
/** The grid gap (0.5rem) in pixels. */
export const GAP_PX = 8;

export function DashboardWidget({ widget, startMs, endMs }: { widget: Widget; startMs: number; endMs: number }) {
  const style = { gridColumn: `${widget.x + 1} / span ${Math.min(widget.width, 24 - widget.x)}`, gridRow: `${widget.y + 1} / span ${widget.height}` };
  return (
    <div className="sim-widget" style={style}>
      {widget.type === 'metric' ? <MetricWidget widget={widget} startMs={startMs} endMs={endMs} /> : widget.type === 'text' ? <Markdown text={widget.markdown} /> : <p className="muted small">{widget.kind} 위젯은 이 시뮬레이터에서 그리지 않습니다.</p>}
    </div>
  );
}

function MetricWidget({ widget, startMs, endMs }: { widget: Extract<Widget, { type: 'metric' }>; startMs: number; endMs: number }) {
  const { client } = useSim();
  const [series, setSeries] = useState<Series[]>([]);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(widget.lines);

  useEffect(() => {
    let live = true;
    const params = {
      StartTime: new Date(startMs).toISOString(),
      EndTime: new Date(endMs).toISOString(),
      MetricDataQueries: widget.lines.map((l, i) => ({ Id: `m${i}`, Label: l.label, MetricStat: { Metric: l.metric, Period: l.period, Stat: l.stat } })),
    };
    if (!widget.lines.length) return;
    void client.request({ kind: 'inspect', action: 'cloudwatch:GetMetricData', params, region: widget.region }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(`${r.error?.code}: ${r.error?.message}`);
      const results = (r.response?.['MetricDataResults'] as Obj[] | undefined) ?? [];
      setError(null);
      setSeries(widget.lines.map((l, i) => ({ label: `${l.label} (${l.stat})`, points: seriesOf(results.find((x) => x['Id'] === `m${i}`)) })));
    });
    return () => {
      live = false;
    };
  }, [client, widget.region, key, startMs, endMs]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <p className="sim-widget-title">{widget.title} <span className="muted small">{widget.region}</span></p>
      {error ? <p className="sim-result err">{error}</p> : <LinesChart series={series} startMs={startMs} endMs={endMs} height={Math.max(widget.height * ROW_PX + (widget.height - 1) * GAP_PX - 52, 80)} />}
    </>
  );
}

/** Headings, bullets and paragraphs; enough markdown for a dashboard note, and never raw HTML. */
function Markdown({ text }: { text: string }) {
  return (
    <div className="sim-md">
      {text.split('\n').map((line, i) => {
        const h = /^(#{1,3})\s+(.*)$/.exec(line);
        if (h) return <p key={i} className={`sim-md-h${h[1]!.length}`}>{h[2]}</p>;
        if (/^\s*[-*]\s+/.test(line)) return <p key={i} className="sim-md-li">• {line.replace(/^\s*[-*]\s+/, '')}</p>;
        return line.trim() ? <p key={i}>{line}</p> : null;
      })}
    </div>
  );
}
