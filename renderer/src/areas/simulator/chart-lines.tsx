// Several CloudWatch series on one time axis (a dashboard metric widget), drawn with recharts.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tickLabel, timeTicks, type Point } from './chart-data';
import { utc } from './format';

const COLOURS = ['var(--focus)', 'var(--accent)', 'var(--ok)', 'var(--warn)', 'var(--danger)', 'var(--muted)'];

export interface Series {
  label: string;
  points: Point[];
}

/** One row per timestamp with a column per series (s0, s1…), as recharts wants its data. */
export function mergeSeries(series: Series[]): Record<string, number>[] {
  const rows = new Map<number, Record<string, number>>();
  series.forEach((s, i) => {
    for (const p of s.points) rows.set(p.t, { ...(rows.get(p.t) ?? { t: p.t }), [`s${i}`]: p.v });
  });
  return [...rows.values()].sort((a, b) => a['t']! - b['t']!);
}

export function LinesChart({ series, startMs, endMs, height }: { series: Series[]; startMs: number; endMs: number; height: number }) {
  const data = mergeSeries(series);
  const count = series.reduce((n, s) => n + s.points.length, 0);
  return (
    <div className="sim-chart" role="img" aria-label={`${series.map((s) => s.label).join(', ')} 그래프: 데이터 포인트 ${count}개`}>
      {count === 0 ? <p className="sim-chart-empty muted small">이 기간에 데이터 포인트가 없습니다.</p> : null}
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs, 4)} tickFormatter={tickLabel(endMs - startMs)} stroke="var(--muted)" fontSize={11} />
          <YAxis stroke="var(--muted)" fontSize={11} width={44} domain={[0, 'auto']} />
          <Tooltip labelFormatter={(t) => utc(Number(t))} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line key={i} type="linear" dataKey={`s${i}`} name={s.label} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
