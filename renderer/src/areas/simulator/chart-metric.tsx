// A CloudWatch time series drawn with recharts: the line, an optional threshold line, breaching points in red,
// and optional marked moments (Insights Start/End). Colours follow the theme variables.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tickLabel, timeTicks, type Point } from './chart-data';
import { utc } from './format';

export interface Band {
  fromMs: number;
  toMs: number;
  label: string;
}

interface Props {
  points: Point[];
  startMs: number;
  endMs: number;
  label: string;
  threshold?: number;
  /** Extra series drawn dashed (a baseline), same x values. */
  baseline?: Point[];
  bands?: Band[];
  height?: number;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Point;
  index?: number;
}

/** Above this many points, only breaching points get a dot (a per-minute line over hours would be all dots). */
const DOTS_UP_TO = 60;

function PointDot({ cx, cy, payload, index, dense }: DotProps & { dense?: boolean }) {
  if (cx === undefined || cy === undefined || !payload || (dense && !payload.breaching)) return <g key={index} />;
  return payload.breaching ? (
    <circle key={index} cx={cx} cy={cy} r={4.5} fill="var(--danger)" stroke="var(--surface)" strokeWidth={1.5} data-breaching="true" />
  ) : (
    <circle key={index} cx={cx} cy={cy} r={2.5} fill="var(--focus)" />
  );
}

export function MetricChart({ points, startMs, endMs, label, threshold, baseline, bands = [], height = 240 }: Props) {
  const data = baseline ? mergeBaseline(points, baseline) : points;
  return (
    <div className="sim-chart" role="img" aria-label={`${label} 그래프: 데이터 포인트 ${points.length}개${threshold !== undefined ? `, 임계값 ${threshold}` : ''}`}>
      {points.length === 0 ? <p className="sim-chart-empty muted small">이 기간에 데이터 포인트가 없습니다.</p> : null}
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs)} tickFormatter={tickLabel(endMs - startMs)} stroke="var(--muted)" fontSize={11} />
          <YAxis stroke="var(--muted)" fontSize={11} width={48} allowDecimals domain={[0, 'auto']} />
          <Tooltip
            labelFormatter={(t) => utc(Number(t))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', fontSize: 12 }}
          />
          {bands.map((b) => (
            <ReferenceArea key={`${b.fromMs}-${b.label}`} x1={b.fromMs} x2={b.toMs} fill="var(--warn)" fillOpacity={0.14} label={{ value: b.label, position: 'insideTop', fill: 'var(--warn)', fontSize: 11 }} />
          ))}
          {threshold !== undefined ? (
            <ReferenceLine y={threshold} stroke="var(--danger)" strokeDasharray="6 4" label={{ value: `임계값 ${threshold}`, position: 'insideTopRight', fill: 'var(--danger)', fontSize: 11 }} />
          ) : null}
          {baseline ? <Line type="monotone" dataKey="baseline" name="기준선" stroke="var(--muted)" strokeDasharray="5 4" dot={false} isAnimationActive={false} /> : null}
          <Line type="linear" dataKey="v" name={label} stroke="var(--focus)" strokeWidth={2} dot={<PointDot dense={points.length > DOTS_UP_TO} />} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function mergeBaseline(points: Point[], baseline: Point[]): (Point & { baseline?: number })[] {
  const by = new Map<number, Point & { baseline?: number }>();
  for (const p of points) by.set(p.t, { ...p });
  for (const b of baseline) by.set(b.t, { ...(by.get(b.t) ?? { t: b.t, v: NaN }), baseline: b.v });
  return [...by.values()].sort((a, b) => a.t - b.t).map((p) => (Number.isNaN(p.v) ? { t: p.t, v: undefined as unknown as number, baseline: p.baseline } : p));
}
