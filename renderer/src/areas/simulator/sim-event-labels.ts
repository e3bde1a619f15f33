// Korean names for the consequences the simulation reports, so each shows as a destination in the flow.
export const SIM_EVENT_KO: Record<string, string> = {
  'record.written': 'CloudTrail 레코드(서비스가 호출)',
  'rule.matched': 'EventBridge 규칙 일치',
  'target.invoked': 'EventBridge 대상 호출',
  'metric.datapoint': 'CloudWatch 지표 데이터 포인트',
  'alarm.stateChanged': 'CloudWatch 경보 상태 변경',
  'metricFilter.matched': 'CloudWatch Logs 메트릭 필터 일치',
  'notification.delivered': 'SNS 알림 전달',
  'insight.started': 'CloudTrail Insights 시작',
  'insight.ended': 'CloudTrail Insights 종료',
  'logs.delivered': 'CloudWatch Logs 전달',
};

/** A record an AWS service wrote while the clock moved (an alarm's sns:Publish, a rule's target call). */
export function recordSummary(e: Record<string, unknown>): string | undefined {
  if (e['type'] !== 'record.written') return undefined;
  const r = (e['record'] ?? {}) as { eventName?: string; eventSource?: string; awsRegion?: string; userIdentity?: { type?: string; invokedBy?: string; userName?: string } };
  const who = r.userIdentity?.invokedBy ?? r.userIdentity?.userName ?? r.userIdentity?.type ?? '';
  return `${r.eventSource ?? ''} ${r.eventName ?? ''} · ${r.awsRegion ?? ''} · 호출자 ${who}`;
}

/** A short line from an event's fields: names and values a learner recognises, not the whole object. */
export function simEventSummary(e: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (k === 'type' || k === 'atMs' || v === null || v === undefined || typeof v === 'object') continue;
    if (k.endsWith('Ms') && typeof v === 'number') parts.push(`${k.slice(0, -2)}=${new Date(v).toISOString().slice(0, 19)}Z`);
    else parts.push(`${k}=${String(v)}`);
  }
  return parts.join(' · ');
}
