// The Region's alarms with their state badges; choosing one opens its detail (graph, reason, history).
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { AlarmDetail, AlarmStateBadge } from './AlarmDetail';

type Obj = Record<string, unknown>;
const OP_SIGN: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '≥', GreaterThanThreshold: '>', LessThanThreshold: '<', LessThanOrEqualToThreshold: '≤',
};

export function AlarmsPanel() {
  const { client, ctx, revision } = useSim();
  const [alarms, setAlarms] = useState<Obj[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.request({ kind: 'inspect', action: 'cloudwatch:DescribeAlarms', params: {}, region: ctx.region }).then((a) => {
      if (!live) return;
      const r = a.response ?? {};
      setAlarms([...((r['MetricAlarms'] as Obj[] | undefined) ?? []), ...((r['CompositeAlarms'] as Obj[] | undefined) ?? [])]);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const selected = alarms.find((a) => a['AlarmName'] === chosen) ?? alarms.find((a) => a['StateValue'] === 'ALARM') ?? alarms[0];
  const counts = (s: string) => alarms.filter((a) => a['StateValue'] === s).length;

  return (
    <div className="sim-watch">
      <div className="card">
        <div className="row sim-space">
          <h2>CloudWatch 경보 <span className="muted small">({ctx.region})</span></h2>
          <span className="row small">
            <AlarmStateBadge state="ALARM" /> {counts('ALARM')} <AlarmStateBadge state="OK" /> {counts('OK')} <AlarmStateBadge state="INSUFFICIENT_DATA" /> {counts('INSUFFICIENT_DATA')}
          </span>
        </div>
        {alarms.length === 0 ? (
          <p className="muted">경보가 없습니다. 팔레트의 CloudWatch → PutMetricAlarm으로 만들고, PutMetricData로 지표를 보낸 뒤 시계를 움직여 보세요.</p>
        ) : (
          <table className="sim-grid-table" aria-label="경보 목록">
            <thead><tr><th>이름</th><th>상태</th><th>조건</th><th>상태 변경</th></tr></thead>
            <tbody>
              {alarms.map((a) => {
                const name = String(a['AlarmName']);
                const on = selected?.['AlarmName'] === name;
                return (
                  <tr key={String(a['AlarmArn'])} className={on ? 'sim-row-on' : undefined}>
                    <td><button className="sim-link" aria-pressed={on} onClick={() => setChosen(name)}>{name}</button></td>
                    <td><AlarmStateBadge state={String(a['StateValue'])} /></td>
                    <td className="small">
                      {a['AlarmRule'] ? <code>{String(a['AlarmRule'])}</code> : `${String(a['Namespace'] ?? '')} ${String(a['MetricName'] ?? '')} ${String(a['ExtendedStatistic'] ?? a['Statistic'] ?? '')}/${String(a['Period'] ?? '')}s ${OP_SIGN[String(a['ComparisonOperator'])] ?? String(a['ComparisonOperator'] ?? '')} ${String(a['Threshold'] ?? '')}`}
                    </td>
                    <td className="small">{typeof a['StateUpdatedTimestamp'] === 'string' ? utc(Date.parse(a['StateUpdatedTimestamp'])) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {selected ? <AlarmDetail alarm={selected} /> : null}
    </div>
  );
}
