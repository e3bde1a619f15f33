import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekBucket } from '../../review';

/** Answers per ISO week, right and wrong stacked, for the last weeks. */
export function HistoryChart({ weeks }: { weeks: WeekBucket[] }) {
  const data = weeks.slice(-12).map((w) => ({ week: w.week.replace(/^\d{4}-/, ''), 정답: w.correct, 오답: w.answered - w.correct }));
  return (
    <div className="chart" role="img" aria-label={`최근 ${data.length}주의 복습 기록: ${data.map((d) => `${d.week} ${d.정답 + d.오답}문제`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="week" stroke="var(--muted)" fontSize={12} />
          <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)' }} />
          <Legend />
          <Bar dataKey="정답" stackId="a" fill="var(--ok)" />
          <Bar dataKey="오답" stackId="a" fill="var(--danger)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
