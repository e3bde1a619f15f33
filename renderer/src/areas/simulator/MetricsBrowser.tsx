// The console's "모든 지표": namespaces, then each metric with its dimension set (ListMetrics), and the chosen
// one's time series (GetMetricData) with a statistic and a period.
import { useEffect, useMemo, useState } from 'react';
import { useSim } from './sim-context';
import { dimensionText, groupByNamespace, metricIdOf, metricKey, metricQuery, PERIODS, seriesOf, STATISTICS, type MetricId, type Point } from './chart-data';
import { MetricChart } from './chart-metric';

type Obj = Record<string, unknown>;
const RANGES: { ms: number; label: string }[] = [
  { ms: 3600_000, label: '1시간' },
  { ms: 3 * 3600_000, label: '3시간' },
  { ms: 24 * 3600_000, label: '1일' },
  { ms: 7 * 86400_000, label: '1주' },
];

export function MetricsBrowser() {
  const { client, ctx, revision, nowMs } = useSim();
  const [metrics, setMetrics] = useState<MetricId[]>([]);
  const [ns, setNs] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [stat, setStat] = useState<string>('Average');
  const [period, setPeriod] = useState<number>(300);
  const [range, setRange] = useState<number>(3 * 3600_000);
  const [points, setPoints] = useState<Point[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(nowMs);
  useEffect(() => setAsOf(nowMs), [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    void (async () => {
      const all: MetricId[] = [];
      let token: string | undefined;
      do {
        const r = await client.request({ kind: 'inspect', action: 'cloudwatch:ListMetrics', params: token ? { NextToken: token } : {}, region: ctx.region });
        for (const m of (r.response?.['Metrics'] as Obj[] | undefined) ?? []) all.push(metricIdOf(m));
        token = typeof r.response?.['NextToken'] === 'string' ? r.response['NextToken'] : undefined;
      } while (token && live);
      if (live) setMetrics(all);
    })();
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const groups = useMemo(() => groupByNamespace(metrics), [metrics]);
  const namespace = ns ?? groups[0]?.[0] ?? null;
  const list = groups.find(([n]) => n === namespace)?.[1] ?? [];
  const metric = list.find((m) => metricKey(m) === chosen) ?? list[0];
  const endMs = Math.ceil(asOf / 60_000) * 60_000;
  const startMs = endMs - range;

  useEffect(() => {
    if (!metric) {
      setPoints([]);
      return;
    }
    let live = true;
    void client.request({ kind: 'inspect', action: 'cloudwatch:GetMetricData', params: metricQuery(metric, stat, period, startMs, endMs), region: ctx.region }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setError(`${r.error?.code}: ${r.error?.message}`);
        setPoints([]);
        return;
      }
      setError(null);
      setPoints(seriesOf(((r.response?.['MetricDataResults'] as Obj[] | undefined) ?? [])[0]));
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, metric && metricKey(metric), stat, period, startMs, endMs]); // eslint-disable-line react-hooks/exhaustive-deps

  if (metrics.length === 0) {
    return <div className="card"><h2>지표</h2><p className="muted">이 리전({ctx.region})에는 아직 지표가 없습니다. Lambda Invoke, EC2 인스턴스, PutMetricData가 지표를 만듭니다.</p></div>;
  }
  return (
    <div className="sim-metrics">
      <nav className="card sim-ns" aria-label="네임스페이스">
        <h3>네임스페이스</h3>
        <ul>
          {groups.map(([n, ms]) => (
            <li key={n}><button className={`sim-action${n === namespace ? ' active' : ''}`} onClick={() => { setNs(n); setChosen(null); }}>{n}<span className="sim-tag">{ms.length}</span></button></li>
          ))}
        </ul>
      </nav>
      <div className="sim-metrics-main">
        <div className="card">
          <h2>{namespace} 지표 <span className="muted small">(ListMetrics, {ctx.region})</span></h2>
          <table className="sim-grid-table" aria-label="지표 목록">
            <thead><tr><th>지표 이름</th><th>차원</th></tr></thead>
            <tbody>
              {list.map((m) => {
                const on = metric !== undefined && metricKey(m) === metricKey(metric);
                return (
                  <tr key={metricKey(m)} className={on ? 'sim-row-on' : undefined}>
                    <td><button className="sim-link" aria-pressed={on} onClick={() => setChosen(metricKey(m))}>{m.MetricName}</button></td>
                    <td className="small"><code>{dimensionText(m)}</code></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {metric ? (
          <div className="card">
            <div className="row sim-space">
              <h2>{metric.MetricName} <span className="muted small">{dimensionText(metric)}</span></h2>
              <div className="row">
                <label className="sim-field inline"><span>통계</span>
                  <select value={stat} onChange={(e) => setStat(e.target.value)}>{STATISTICS.map((s) => <option key={s}>{s}</option>)}</select>
                </label>
                <label className="sim-field inline"><span>기간</span>
                  <select value={period} onChange={(e) => setPeriod(Number(e.target.value))}>{PERIODS.map((p) => <option key={p} value={p}>{p < 3600 ? `${p / 60}분` : '1시간'}</option>)}</select>
                </label>
                <label className="sim-field inline"><span>범위</span>
                  <select value={range} onChange={(e) => setRange(Number(e.target.value))}>{RANGES.map((r) => <option key={r.ms} value={r.ms}>{r.label}</option>)}</select>
                </label>
              </div>
            </div>
            <MetricChart points={points} startMs={startMs} endMs={endMs} label={`${metric.MetricName} ${stat}`} />
            {error ? <p className="message error">{error}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
