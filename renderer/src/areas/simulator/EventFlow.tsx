import { useSim, deliveryKey, type FlowEntry } from './sim-context';
import { CHANNEL_KO, relative, utc } from './format';
import { SIM_EVENT_KO, recordSummary, simEventSummary } from './sim-event-labels';
import { ResultLine } from './ActionForm';
import type { Delivered } from './worker/protocol';

type HistoryRouting = { region: string; landed: boolean; code: string; reasonKo: string };
type TrailRouting = {
  trailName: string; trailArn: string; landed: boolean; code: string; reasonKo: string;
  s3Bucket?: string; deliveryDueTime?: string; deliveryFolder?: string; deliveryRegion?: string; cloudWatchLogsLogGroupArn?: string;
};
type RecordRouting = { eventId: string; eventName: string; awsRegion: string; eventHistory: HistoryRouting; trails: TrailRouting[] };
type Rec = { eventID?: string; eventName?: string; eventTime?: string; awsRegion?: string; eventCategory?: string; readOnly?: boolean; errorCode?: string };

/** The signature view: each record of a call and every place it went, or did not go, and why. */
export function EventFlow() {
  const { flows, selectedFlow, selectFlow, feed } = useSim();
  const entry = flows.find((f) => f.id === selectedFlow) ?? flows[flows.length - 1];
  return (
    <section className="sim-flow-wrap" aria-labelledby="flow-title">
      <div className="sim-flow-head">
        <h2 id="flow-title">이벤트 흐름</h2>
        <span className="muted small">호출 하나가 CloudTrail의 어디에 남는지, 남지 않는다면 왜인지 보여 줍니다. 시계가 흐르면 전달 상태가 바뀝니다.</span>
      </div>
      <div className="sim-flow-layout">
        <ol className="sim-calls" aria-label="최근 호출">
          {[...flows].reverse().slice(0, 40).map((f) => (
            <li key={f.id}>
              <button className={`sim-call${entry?.id === f.id ? ' active' : ''}`} onClick={() => selectFlow(f.id)} aria-current={entry?.id === f.id}>
                <span className={`dot ${f.outcome.ok ? 'ok' : 'err'}`} aria-hidden="true" />
                <span className="sim-call-api">{f.outcome.api.split(':')[1]}</span>
                <span className="sim-call-who muted">{f.outcome.ctx.as}{f.setup ? ' · 준비' : ''}</span>
              </button>
            </li>
          ))}
        </ol>
        {entry ? <FlowDetail entry={entry} /> : <p className="muted">아직 호출이 없습니다. 왼쪽 팔레트에서 액션을 골라 호출해 보세요.</p>}
      </div>
      {feed.length ? (
        <div className="sim-feed">
          <h3>시계가 흐르며 일어난 일</h3>
          <ul className="sim-dests" aria-label="시계가 흐르며 일어난 일">
            {[...feed].reverse().slice(0, 20).map((f, i) => (
              <Dest key={i} kind={SIM_EVENT_KO[f.event.type] ?? f.event.type} where={utc(eventMs(f.event) ?? f.atMs)} state={f.event['ok'] === false ? 'no' : 'landed'} badge={String(f.event['to'] ?? '발생')} reason={recordSummary(f.event) ?? simEventSummary(f.event)} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function FlowDetail({ entry }: { entry: FlowEntry }) {
  const { nowMs, deliveries } = useSim();
  const o = entry.outcome;
  const records = o.records as Rec[];
  const routing = o.routing as RecordRouting[];
  return (
    <div className="sim-flow" data-testid="event-flow">
      <div className="sim-flow-step request">
        <div className="sim-node-title">요청</div>
        <div>
          <code className="sim-big">{o.api}</code>
          <div className="muted small">{o.ctx.as} · {CHANNEL_KO[o.ctx.via]} · 요청 리전 {o.ctx.region} · {utc(o.atMs)}{entry.setup ? ' · 샌드박스 준비용 실제 호출' : ''}</div>
        </div>
        <ResultLine outcome={o} />
      </div>
      {records.length === 0 ? (
        <div className="sim-flow-step none">
          <div className="sim-node-title">CloudTrail</div>
          <p className="small">
            {o.error?.code.startsWith('Sim.')
              ? '이 호출은 AWS에 도달하기 전에 시뮬레이터가 거부했으므로 CloudTrail 레코드가 없습니다.'
              : 'CloudTrail이 기록하지 않는 API입니다. 이벤트 기록에도, 트레일에도 남지 않습니다.'}
          </p>
        </div>
      ) : null}
      {records.map((r, i) => {
        const route = routing[i];
        return (
          <div key={r.eventID ?? i} className="sim-record-block">
            <div className="sim-flow-step record">
              <div className="sim-node-title">CloudTrail 레코드</div>
              <div className="sim-record-facts">
                <strong>{r.eventName}</strong>
                <span className="sim-tag">{r.awsRegion}</span>
                <span className={`sim-tag${r.eventCategory === 'Data' ? ' data' : ''}`}>{r.eventCategory === 'Data' ? '데이터 이벤트' : r.eventCategory === 'Insight' ? 'Insights 이벤트' : '관리 이벤트'}</span>
                <span className="sim-tag">{r.readOnly ? '읽기 전용' : '쓰기'}</span>
                {r.errorCode ? <span className="sim-tag err">errorCode {r.errorCode}</span> : null}
                <span className="muted small">eventID {r.eventID}</span>
              </div>
              <details className="sim-json-details">
                <summary>레코드 JSON 보기</summary>
                <pre className="sim-pre">{JSON.stringify(r, null, 2)}</pre>
              </details>
            </div>
            {route ? (
              <ul className="sim-dests" aria-label={`${r.eventName} 레코드의 목적지`}>
                <Dest
                  kind="이벤트 기록"
                  where={`${route.eventHistory.region} 리전`}
                  state={route.eventHistory.landed ? 'landed' : 'no'}
                  badge={route.eventHistory.landed ? '기록됨 · 90일' : '기록 안 됨'}
                  reason={route.eventHistory.reasonKo}
                />
                {route.trails.length === 0 ? (
                  <Dest kind="트레일" where="없음" state="no" badge="해당 없음" reason="이 계정에는 트레일이 없습니다. 이벤트 기록(관리 이벤트, 90일) 말고는 어디에도 오래 남지 않습니다." />
                ) : null}
                {route.trails.map((t) => (
                  <TrailDest key={t.trailArn} t={t} delivered={deliveries.get(deliveryKey(route.eventId, t.trailArn))} nowMs={nowMs} />
                ))}
                {entry.later.map((e, j) => (
                  <Dest key={j} kind={SIM_EVENT_KO[e.type] ?? e.type} where="" state="landed" badge="발생" reason={simEventSummary(e)} />
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      {records.length === 0 && entry.later.length ? (
        <ul className="sim-dests">
          {entry.later.map((e, j) => (
            <Dest key={j} kind={SIM_EVENT_KO[e.type] ?? e.type} where="" state="landed" badge="발생" reason={simEventSummary(e)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function TrailDest({ t, delivered, nowMs }: { t: TrailRouting; delivered: Delivered | undefined; nowMs: number }) {
  const { openFile } = useSim();
  if (!t.landed) return <Dest kind="트레일" where={t.trailName} state="no" badge="기록 안 됨" reason={t.reasonKo} code={t.code} />;
  const due = t.deliveryDueTime ? Date.parse(t.deliveryDueTime) : nowMs;
  const cwl = t.cloudWatchLogsLogGroupArn;
  if (delivered) {
    return (
      <>
        <Dest kind="트레일" where={t.trailName} state="delivered" badge="S3 전달됨" reason={`${utc(delivered.atMs)}에 로그 파일로 전달되었습니다.`}>
          <div className="sim-delivered">
            <code className="sim-key">s3://{delivered.bucket}/{delivered.key}</code>
            <button className="btn small" onClick={() => openFile(delivered.bucket, delivered.key)}>로그 파일 열기</button>
          </div>
        </Dest>
        {cwl ? <Dest kind="CloudWatch Logs" where={cwl.split(':log-group:')[1]?.replace(/:\*$/, '') ?? cwl} state="delivered" badge="전달됨" reason="트레일이 같은 레코드를 로그 그룹에도 보냈습니다(역할이 허용한 경우)." /> : null}
      </>
    );
  }
  const overdue = due <= nowMs;
  return (
    <>
      <Dest
        kind="트레일"
        where={t.trailName}
        state={overdue ? 'overdue' : 'waiting'}
        badge={overdue ? '전달 시각 지남 · 파일 없음' : `S3 전달 예정 · ${relative(due, nowMs)}`}
        reason={overdue ? `${t.reasonKo} 예정 시각이 지났지만 파일을 찾지 못했습니다(버킷 정책이나 버킷 삭제를 확인하세요).` : t.reasonKo}
      />
      {cwl ? <Dest kind="CloudWatch Logs" where={cwl.split(':log-group:')[1]?.replace(/:\*$/, '') ?? cwl} state="waiting" badge="S3 전달과 함께" reason="트레일의 CloudWatch Logs 설정에 따라 로그 파일 전달 때 로그 그룹에도 보냅니다." /> : null}
    </>
  );
}

function Dest(props: { kind: string; where: string; state: 'landed' | 'delivered' | 'waiting' | 'overdue' | 'no'; badge: string; reason: string; code?: string; children?: React.ReactNode }) {
  return (
    <li className={`sim-dest ${props.state}`}>
      <span className="sim-dest-mark" aria-hidden="true">{props.state === 'no' ? '✕' : props.state === 'waiting' ? '◷' : props.state === 'overdue' ? '!' : '✓'}</span>
      <div className="sim-dest-body">
        <div className="sim-dest-line">
          <strong>{props.kind}</strong>
          {props.where ? <span className="sim-dest-where">{props.where}</span> : null}
          <span className={`sim-badge ${props.state}`}>{props.badge}</span>
        </div>
        <p className="sim-dest-reason">{props.reason}{props.code ? <code className="sim-code"> {props.code}</code> : null}</p>
        {props.children}
      </div>
    </li>
  );
}

/** When a reported event happened: its own time, or its record's eventTime. */
function eventMs(e: Record<string, unknown>): number | undefined {
  if (typeof e['atMs'] === 'number') return e['atMs'];
  const t = (e['record'] as { eventTime?: string } | undefined)?.eventTime;
  return t ? Date.parse(t) : undefined;
}
