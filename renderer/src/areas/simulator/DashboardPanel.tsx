// CloudWatch dashboards: the account's list (ListDashboards; dashboards are global), one dashboard drawn from
// its body (GetDashboard), and a builder that adds metric and text widgets and saves with PutDashboard.
import { useEffect, useMemo, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { dimensionText, groupByNamespace, metricIdOf, metricKey, PERIODS, STATISTICS, type MetricId } from './chart-data';
import { addWidget, metricWidget, parseDashboard, relativeStartMs, textWidget } from './dashboard-widgets';
import { DashboardWidget, ROW_PX } from './DashboardWidget';

type Obj = Record<string, unknown>;
const EMPTY = JSON.stringify({ widgets: [] }, null, 2);

export function DashboardPanel() {
  const { client, ctx, revision, run, nowMs } = useSim();
  const [entries, setEntries] = useState<Obj[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [metrics, setMetrics] = useState<MetricId[]>([]);
  const [name, setName] = useState('study-dashboard');
  const [draft, setDraft] = useState(EMPTY);
  const [pick, setPick] = useState('');
  const [stat, setStat] = useState('Sum');
  const [period, setPeriod] = useState(60);
  const [markdown, setMarkdown] = useState('# 학습 대시보드\n- Errors 지표와 경보를 함께 봅니다');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [asOf, setAsOf] = useState(nowMs);
  useEffect(() => setAsOf(nowMs), [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    void client.request({ kind: 'inspect', action: 'cloudwatch:ListDashboards', params: {}, region: ctx.region }).then((r) => {
      if (live) setEntries((r.response?.['DashboardEntries'] as Obj[] | undefined) ?? []);
    });
    void client.request({ kind: 'inspect', action: 'cloudwatch:ListMetrics', params: {}, region: ctx.region }).then((r) => {
      if (live) setMetrics(((r.response?.['Metrics'] as Obj[] | undefined) ?? []).map(metricIdOf));
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const shown = chosen ?? (entries[0] ? String(entries[0]['DashboardName']) : null);
  useEffect(() => {
    if (!shown) {
      setBody(null);
      return;
    }
    let live = true;
    void client.request({ kind: 'inspect', action: 'cloudwatch:GetDashboard', params: { DashboardName: shown }, region: ctx.region }).then((r) => {
      if (live) setBody(typeof r.response?.['DashboardBody'] === 'string' ? r.response['DashboardBody'] : null);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, shown, revision]);

  const sorted = useMemo(() => groupByNamespace(metrics).flatMap(([, ms]) => ms), [metrics]);
  const picked = sorted.find((m) => metricKey(m) === pick) ?? sorted[0];

  const edit = (f: (b: Obj) => Obj) => {
    try {
      setDraft(JSON.stringify(f(JSON.parse(draft) as Obj), null, 2));
      setMessage(null);
    } catch (e) {
      setMessage({ ok: false, text: `본문 JSON을 읽을 수 없습니다: ${(e as Error).message}` });
    }
  };
  const save = async () => {
    const o = await run('cloudwatch:PutDashboard', { DashboardName: name, DashboardBody: draft });
    if (!o.ok) return setMessage({ ok: false, text: `${o.error?.code}: ${o.error?.message}` });
    setMessage({ ok: true, text: `PutDashboard 성공: ${name}` });
    setChosen(name);
  };
  const editExisting = () => {
    if (!shown || !body) return;
    setName(shown);
    setDraft(JSON.stringify(JSON.parse(body), null, 2));
  };

  return (
    <div className="sim-watch">
      <div className="card">
        <div className="row sim-space">
          <h2>CloudWatch 대시보드 <span className="muted small">(계정 전체, 리전 구분 없음)</span></h2>
          {entries.length ? (
            <label className="sim-field inline"><span>대시보드</span>
              <select value={shown ?? ''} onChange={(e) => setChosen(e.target.value)} aria-label="볼 대시보드">
                {entries.map((d) => <option key={String(d['DashboardName'])}>{String(d['DashboardName'])}</option>)}
              </select>
            </label>
          ) : null}
        </div>
        {!shown || !body ? (
          <p className="muted">대시보드가 없습니다. 아래에서 지표 위젯과 텍스트 위젯을 더한 뒤 PutDashboard로 저장하세요.</p>
        ) : (
          <DashboardView name={shown} body={body} nowMs={asOf} modified={String(entries.find((d) => d['DashboardName'] === shown)?.['LastModified'] ?? '')} onEdit={editExisting} />
        )}
      </div>
      <div className="card sim-test-panel">
        <h2>대시보드 만들기·고치기</h2>
        <div className="sim-two">
          <div className="sim-fieldrow">
            <label htmlFor="sim-dash-name">대시보드 이름 (DashboardName)</label>
            <input id="sim-dash-name" className="sim-input mono" value={name} onChange={(e) => setName(e.target.value)} />
            <span>지표 위젯 추가 ({ctx.region})</span>
            <div className="row">
              <select className="sim-input" aria-label="위젯 지표" value={picked ? metricKey(picked) : ''} onChange={(e) => setPick(e.target.value)} disabled={!sorted.length}>
                {sorted.map((m) => <option key={metricKey(m)} value={metricKey(m)}>{m.Namespace} · {m.MetricName} · {dimensionText(m)}</option>)}
              </select>
              <select className="sim-input" aria-label="위젯 통계" value={stat} onChange={(e) => setStat(e.target.value)}>{STATISTICS.map((s) => <option key={s}>{s}</option>)}</select>
              <select className="sim-input" aria-label="위젯 기간" value={period} onChange={(e) => setPeriod(Number(e.target.value))}>{PERIODS.map((p) => <option key={p} value={p}>{p}초</option>)}</select>
              <button className="btn" disabled={!picked} onClick={() => picked && edit((b) => addWidget(b, metricWidget(picked, stat, period, ctx.region, `${picked.MetricName} ${stat}`)))}>지표 위젯 추가</button>
            </div>
            <label htmlFor="sim-dash-md">텍스트 위젯 추가 (markdown)</label>
            <textarea id="sim-dash-md" className="sim-input mono" rows={3} value={markdown} onChange={(e) => setMarkdown(e.target.value)} />
            <div className="row"><button className="btn" onClick={() => edit((b) => addWidget(b, textWidget(markdown)))}>텍스트 위젯 추가</button></div>
          </div>
          <div className="sim-fieldrow">
            <label htmlFor="sim-dash-body">본문 (DashboardBody)</label>
            <textarea id="sim-dash-body" className="sim-input mono" rows={14} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
          </div>
        </div>
        <div className="row">
          <button className="btn primary" onClick={() => void save()}>저장 (PutDashboard)</button>
          <button className="btn" onClick={() => setDraft(EMPTY)}>비우기</button>
        </div>
        {message ? <p className={`sim-result ${message.ok ? 'ok' : 'err'}`} role="status" data-testid="dashboard-result">{message.text}</p> : null}
      </div>
    </div>
  );
}

function DashboardView({ name, body, nowMs, modified, onEdit }: { name: string; body: string; nowMs: number; modified: string; onEdit: () => void }) {
  const parsed = useMemo(() => {
    try {
      return parseDashboard(body);
    } catch {
      return null;
    }
  }, [body]);
  if (!parsed) return <p className="sim-result err">본문을 읽을 수 없습니다.</p>;
  const back = relativeStartMs(parsed.startIso) ?? 3 * 3600_000;
  const endMs = Math.ceil(nowMs / 60_000) * 60_000;
  return (
    <section aria-label={`대시보드 ${name}`}>
      <p className="muted small">
        위젯 {parsed.widgets.length}개 · 기간 {parsed.startIso} · 마지막 수정 {modified ? utc(Date.parse(modified)) : '—'}{' '}
        <button className="btn" onClick={onEdit}>이 본문 고치기</button>
      </p>
      <div className="sim-dash-grid" style={{ gridAutoRows: `${ROW_PX}px` }}>
        {parsed.widgets.map((w, i) => <DashboardWidget key={i} widget={w} startMs={endMs - back} endMs={endMs} />)}
      </div>
    </section>
  );
}
