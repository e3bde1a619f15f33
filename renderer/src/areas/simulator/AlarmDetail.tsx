// One alarm as the CloudWatch console shows it: the metric graph with the threshold line and the breaching
// points, the state with its reason, and the history (DescribeAlarmHistory), newest first.
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { alarmQuery, alarmWindow, seriesOf, type Point } from './chart-data';
import { MetricChart } from './chart-metric';

type Obj = Record<string, unknown>;
export const ALARM_STATE_CLASS: Record<string, string> = { OK: 'landed', ALARM: 'overdue', INSUFFICIENT_DATA: 'no' };
const HISTORY_TYPE_KO: Record<string, string> = { StateUpdate: '상태 변경', ConfigurationUpdate: '설정 변경', Action: '작업' };

export function AlarmStateBadge({ state }: { state: string }) {
  return <span className={`sim-badge ${ALARM_STATE_CLASS[state] ?? 'no'}`}>{state}</span>;
}

export function AlarmDetail({ alarm }: { alarm: Obj }) {
  const { client, ctx, revision, nowMs } = useSim();
  const name = String(alarm['AlarmName']);
  const [points, setPoints] = useState<Point[]>([]);
  const [history, setHistory] = useState<Obj[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The graph is read again when the account changes (revision), not on every clock tick.
  const [asOf, setAsOf] = useState(nowMs);
  useEffect(() => setAsOf(nowMs), [revision, name]); // eslint-disable-line react-hooks/exhaustive-deps

  const threshold = typeof alarm['Threshold'] === 'number' ? alarm['Threshold'] : undefined;
  const operator = String(alarm['ComparisonOperator'] ?? '');
  const q = alarmQuery(alarm, asOf);
  const win = alarmWindow(alarm, asOf);

  useEffect(() => {
    let live = true;
    const read = (action: string, params: Obj) => client.request({ kind: 'inspect', action, params, region: ctx.region });
    void read('cloudwatch:DescribeAlarmHistory', { AlarmName: name }).then((r) => {
      if (live) setHistory(((r.response?.['AlarmHistoryItems'] as Obj[] | undefined) ?? []));
    });
    if (!q) {
      setPoints([]);
      return;
    }
    void read('cloudwatch:GetMetricData', q.params).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setError(`${r.error?.code}: ${r.error?.message}`);
        return;
      }
      setError(null);
      const result = ((r.response?.['MetricDataResults'] as Obj[] | undefined) ?? []).find((x) => x['Id'] === q.resultId);
      setPoints(seriesOf(result, threshold !== undefined ? { operator, value: threshold } : undefined));
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, name, JSON.stringify(q?.params), threshold, operator]); // eslint-disable-line react-hooks/exhaustive-deps

  const state = String(alarm['StateValue']);
  const breaching = points.filter((p) => p.breaching).length;
  return (
    <section className="card sim-alarm-detail" aria-label={`경보 ${name} 상세`}>
      <div className="row sim-space">
        <h2>{name} <AlarmStateBadge state={state} /></h2>
        <span className="muted small">상태 변경 {typeof alarm['StateUpdatedTimestamp'] === 'string' ? utc(Date.parse(alarm['StateUpdatedTimestamp'])) : '—'}</span>
      </div>
      <p className="sim-reason"><span className="muted small">StateReason</span><br />{String(alarm['StateReason'] ?? '')}</p>
      {q ? (
        <>
          <p className="muted small">
            {String(alarm['Namespace'] ?? '지표 수식')} {String(alarm['MetricName'] ?? '')} · {String(alarm['ExtendedStatistic'] ?? alarm['Statistic'] ?? '')} · {String(alarm['Period'] ?? '')}초 ·
            데이터 포인트 {String(alarm['DatapointsToAlarm'] ?? alarm['EvaluationPeriods'])}/{String(alarm['EvaluationPeriods'])} · 누락 데이터 {String(alarm['TreatMissingData'] ?? 'missing')}
            {threshold !== undefined ? ` · 임계값을 넘은 점 ${breaching}개(빨간 점)` : ''}
          </p>
          <MetricChart points={points} startMs={win.startMs} endMs={win.endMs} label={String(alarm['MetricName'] ?? q.resultId)} {...(threshold !== undefined ? { threshold } : {})} />
          {error ? <p className="message error">{error}</p> : null}
        </>
      ) : (
        <p className="muted">복합 경보는 지표가 아니라 다른 경보의 상태를 봅니다: <code>{String(alarm['AlarmRule'] ?? '')}</code></p>
      )}
      <h3 className="keep-case">기록 (DescribeAlarmHistory)</h3>
      {history.length === 0 ? (
        <p className="muted small">기록이 없습니다.</p>
      ) : (
        <table className="sim-grid-table" aria-label="경보 기록">
          <thead><tr><th>시간</th><th>유형</th><th>요약</th></tr></thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={`${String(h['Timestamp'])}-${i}`}>
                <td className="small">{utc(Date.parse(String(h['Timestamp'])))}</td>
                <td><span className="sim-tag">{HISTORY_TYPE_KO[String(h['HistoryItemType'])] ?? String(h['HistoryItemType'])}</span></td>
                <td className="small">{String(h['HistorySummary'])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
