import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { InboxPanel } from './InboxPanel';

type Obj = Record<string, unknown>;
const STATE_CLASS: Record<string, string> = { OK: 'landed', ALARM: 'overdue', INSUFFICIENT_DATA: 'no' };
const OP_SIGN: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '≥', GreaterThanThreshold: '>', LessThanThreshold: '<', LessThanOrEqualToThreshold: '≤',
};

/** CloudWatch alarms and EventBridge rules of the chosen Region, and the inbox their notifications reach. */
export function WatchPanel() {
  const { client, ctx, revision } = useSim();
  const [alarms, setAlarms] = useState<Obj[]>([]);
  const [rules, setRules] = useState<Obj[]>([]);

  useEffect(() => {
    let live = true;
    const read = (action: string) => client.request({ kind: 'inspect', action, params: {}, region: ctx.region }).then((r) => r.response ?? {}, () => ({}) as Obj);
    void Promise.all([read('cloudwatch:DescribeAlarms'), read('events:ListRules')]).then(([a, r]) => {
      if (!live) return;
      setAlarms([...((a['MetricAlarms'] as Obj[] | undefined) ?? []), ...((a['CompositeAlarms'] as Obj[] | undefined) ?? [])]);
      setRules((r['Rules'] as Obj[] | undefined) ?? []);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  return (
    <div className="sim-watch">
      <div className="card">
        <h2>CloudWatch 경보 <span className="muted small">({ctx.region})</span></h2>
        {alarms.length === 0 ? (
          <p className="muted">경보가 없습니다. 팔레트의 CloudWatch → PutMetricAlarm으로 만들고, PutMetricData로 지표를 보낸 뒤 시계를 움직여 보세요.</p>
        ) : (
          <table className="sim-grid-table" aria-label="경보 목록">
            <thead><tr><th>이름</th><th>상태</th><th>조건</th><th>이유</th><th>상태 변경</th></tr></thead>
            <tbody>
              {alarms.map((a) => (
                <tr key={String(a['AlarmArn'])}>
                  <td><strong>{String(a['AlarmName'])}</strong></td>
                  <td><span className={`sim-badge ${STATE_CLASS[String(a['StateValue'])] ?? 'no'}`}>{String(a['StateValue'])}</span></td>
                  <td className="small">
                    {a['AlarmRule'] ? <code>{String(a['AlarmRule'])}</code> : `${String(a['Namespace'] ?? '')} ${String(a['MetricName'] ?? '')} ${String(a['Statistic'] ?? '')}/${String(a['Period'] ?? '')}s ${OP_SIGN[String(a['ComparisonOperator'])] ?? String(a['ComparisonOperator'] ?? '')} ${String(a['Threshold'] ?? '')}`}
                  </td>
                  <td className="small">{String(a['StateReason'] ?? '')}</td>
                  <td className="small">{typeof a['StateUpdatedTimestamp'] === 'string' ? utc(Date.parse(a['StateUpdatedTimestamp'])) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>EventBridge 규칙 <span className="muted small">(default 버스, {ctx.region})</span></h2>
        {rules.length === 0 ? (
          <p className="muted">규칙이 없습니다. CloudTrail이 기록한 관리 이벤트는 같은 리전의 default 버스로 전달되어 규칙과 비교됩니다.</p>
        ) : (
          <table className="sim-grid-table" aria-label="규칙 목록">
            <thead><tr><th>이름</th><th>상태</th><th>이벤트 패턴 / 일정</th></tr></thead>
            <tbody>
              {rules.map((r) => (
                <tr key={String(r['Arn'])}>
                  <td><strong>{String(r['Name'])}</strong></td>
                  <td><span className={`sim-badge ${r['State'] === 'ENABLED' ? 'landed' : 'no'}`}>{String(r['State'])}</span></td>
                  <td className="small"><code className="sim-key">{String(r['EventPattern'] ?? r['ScheduleExpression'] ?? '')}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <InboxPanel />
    </div>
  );
}
