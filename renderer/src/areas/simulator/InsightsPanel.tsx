// CloudTrail Insights: which trails have them on, the Insights events (LookupEvents with EventCategory insight),
// and for one event the API's calls per minute against its baseline with the Start and End marked.
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { MetricChart } from './chart-metric';
import { insightWindow, pairInsights, type InsightIncident } from './insights-data';
import type { Point } from './chart-data';

type Obj = Record<string, unknown>;

export function InsightsPanel() {
  const { client, ctx, revision, nowMs } = useSim();
  const [trails, setTrails] = useState<{ name: string; types: string[] }[]>([]);
  const [incidents, setIncidents] = useState<InsightIncident[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [points, setPoints] = useState<Point[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [asOf, setAsOf] = useState(nowMs);
  useEffect(() => setAsOf(nowMs), [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    const ask = (action: string, params: Obj) => client.request({ kind: 'inspect', action, params, region: ctx.region });
    void (async () => {
      const list = await ask('cloudtrail:DescribeTrails', {});
      const names = ((list.response?.['trailList'] as Obj[] | undefined) ?? []).map((t) => String(t['TrailARN']));
      const withInsights = await Promise.all(
        names.map(async (arn) => {
          const r = await ask('cloudtrail:GetInsightSelectors', { TrailName: arn });
          const types = ((r.response?.['InsightSelectors'] as Obj[] | undefined) ?? []).map((s) => String(s['InsightType']));
          return { name: arn.split(':trail/')[1] ?? arn, types };
        }),
      );
      const records: Obj[] = [];
      let token: string | undefined;
      do {
        const r = await ask('cloudtrail:LookupEvents', { EventCategory: 'insight', MaxResults: 50, ...(token ? { NextToken: token } : {}) });
        for (const e of (r.response?.['Events'] as Obj[] | undefined) ?? []) records.push(JSON.parse(String(e['CloudTrailEvent'])) as Obj);
        token = typeof r.response?.['NextToken'] === 'string' ? r.response['NextToken'] : undefined;
      } while (token && live);
      if (!live) return;
      setTrails(withInsights.filter((t) => t.types.length > 0));
      setIncidents(pairInsights(records));
    })();
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const inc = incidents.find((i) => i.sharedEventID === chosen) ?? incidents[0];
  const win = inc ? insightWindow(inc, asOf) : null;

  useEffect(() => {
    if (!inc || !win) {
      setPoints([]);
      return;
    }
    let live = true;
    void client.request({ kind: 'callRate', region: ctx.region, eventSource: inc.eventSource, eventName: inc.eventName, startMs: win.startMs, endMs: win.endMs }).then((r) => {
      if (!live) return;
      setPoints(r.minutes.map((m) => ({ t: m.t, v: m.n })));
      setTruncated(r.truncated);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, inc?.sharedEventID, inc?.endMs, win?.startMs, win?.endMs]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="sim-watch">
      <div className="card">
        <h2>CloudTrail Insights <span className="muted small">({ctx.region})</span></h2>
        {trails.length === 0 ? (
          <p className="muted">Insights가 켜진 추적이 없습니다. cloudtrail:PutInsightSelectors로 ApiCallRateInsight나 ApiErrorRateInsight를 켜세요. 켠 뒤 최대 36시간은 학습 기간이라 Insights 이벤트가 나오지 않습니다.</p>
        ) : (
          <p className="small">Insights가 켜진 추적: {trails.map((t) => <span key={t.name} className="sim-kv"><strong>{t.name}</strong> {t.types.join(', ')}</span>)}</p>
        )}
        {incidents.length === 0 ? (
          <p className="muted small">아직 Insights 이벤트가 없습니다. 쓰기 관리 API의 분당 호출 수가 지난 7일 기준선보다 크게 늘면 Start 이벤트가, 다시 평소로 돌아오면 End 이벤트가 기록됩니다.</p>
        ) : (
          <table className="sim-grid-table" aria-label="Insights 이벤트 목록">
            <thead><tr><th>API</th><th>유형</th><th>Start</th><th>End</th><th>기준선 평균(분당)</th><th>Insights 평균(분당)</th></tr></thead>
            <tbody>
              {incidents.map((i) => {
                const on = inc?.sharedEventID === i.sharedEventID;
                return (
                  <tr key={i.sharedEventID} className={on ? 'sim-row-on' : undefined}>
                    <td><button className="sim-link" aria-pressed={on} onClick={() => setChosen(i.sharedEventID)}>{i.eventName}</button> <span className="muted small">{i.eventSource}</span></td>
                    <td className="small">{i.insightType}{i.errorCode ? ` (${i.errorCode})` : ''}</td>
                    <td className="small">{utc(i.startMs)}</td>
                    <td className="small">{i.endMs !== undefined ? utc(i.endMs) : <span className="sim-badge waiting">진행 중</span>}</td>
                    <td className="small">{i.baselineAverage}</td>
                    <td className="small">{i.insightAverage}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {inc && win ? (
        <div className="card" aria-label="Insights 그래프">
          <h2>{inc.eventName} 분당 호출 수 <span className="muted small">기준선(점선) {inc.baselineAverage}/분 · Start~End 구간 강조</span></h2>
          {inc.insightType === 'ApiErrorRateInsight' ? <p className="muted small">오류율 Insights의 기준선은 오류 비율입니다. 이 그래프는 호출 수를 보여 주므로 기준선과 단위가 다릅니다.</p> : null}
          <MetricChart
            points={points}
            startMs={win.startMs}
            endMs={win.endMs}
            label={`${inc.eventName} 호출 수`}
            {...(inc.insightType === 'ApiCallRateInsight' ? { baseline: points.map((p) => ({ t: p.t, v: inc.baselineAverage })) } : {})}
            bands={[{ fromMs: inc.startMs, toMs: inc.endMs ?? win.endMs, label: inc.endMs !== undefined ? 'Start → End' : 'Start →' }]}
          />
          {truncated ? <p className="muted small">호출이 너무 많아 일부만 셌습니다.</p> : null}
          <h3 className="keep-case">이 Insights 이벤트의 레코드 (Start, End)</h3>
          {inc.records.map((r) => (
            <details key={String(r['eventID'])} className="sim-preview">
              <summary className="small"><strong>{String((r['insightDetails'] as Obj | undefined)?.['state'] ?? '')}</strong> · {String(r['eventTime'])} · sharedEventID {inc.sharedEventID}</summary>
              <pre className="sim-pre">{JSON.stringify(r, null, 2)}</pre>
            </details>
          ))}
        </div>
      ) : null}
    </div>
  );
}
