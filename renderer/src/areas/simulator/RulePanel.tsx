// EventBridge rules of the default bus: a pattern editor checked by the real PutRule/TestEventPattern errors,
// a "test against an event" panel (a recent real record's envelope, or pasted JSON), and for each target the
// exact message it would receive after its input transformation.
import { useEffect, useMemo, useState } from 'react';
import { useSim } from './sim-context';
import type { CloudTrailRecord } from '../../../../simulator';
import type { HistoryRow } from './worker/protocol';
import { envelopeOf, parseEventText, prettyMessage, previewTarget, targetConfigOf } from './rule-event';

type Obj = Record<string, unknown>;
const NEW_RULE = '';
const STARTER = JSON.stringify({ source: ['aws.s3'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['PutObject'] } }, null, 2);

export function RulePanel() {
  const { client, ctx, revision, run } = useSim();
  const [rules, setRules] = useState<Obj[]>([]);
  const [chosen, setChosen] = useState<string>(NEW_RULE);
  const [name, setName] = useState('my-rule');
  const [pattern, setPattern] = useState(STARTER);
  const [targets, setTargets] = useState<Obj[]>([]);
  const [rows, setRows] = useState<HistoryRow[]>([]);
  const [source, setSource] = useState<string>('paste');
  const [eventText, setEventText] = useState('');
  const [verdict, setVerdict] = useState<{ kind: 'match' | 'nomatch' | 'error' | 'saved'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void client.request({ kind: 'inspect', action: 'events:ListRules', params: {}, region: ctx.region }).then((r) => {
      if (live) setRules((r.response?.['Rules'] as Obj[] | undefined) ?? []);
    });
    void client.request({ kind: 'history', query: { region: ctx.region } }).then((h) => {
      if (live) setRows(h.rows.slice(0, 40));
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const rule = rules.find((r) => r['Name'] === chosen);
  // The editor takes a rule's saved pattern when the learner picks it, not each time the account changes
  // (a test call would otherwise wipe what they are typing).
  useEffect(() => {
    if (!rule) return;
    setName(String(rule['Name']));
    if (typeof rule['EventPattern'] === 'string') setPattern(prettyMessage(rule['EventPattern']));
  }, [chosen, rule === undefined]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!rule) {
      setTargets([]);
      return;
    }
    let live = true;
    void client.request({ kind: 'inspect', action: 'events:ListTargetsByRule', params: { Rule: String(rule['Name']) }, region: ctx.region }).then((r) => {
      if (live) setTargets((r.response?.['Targets'] as Obj[] | undefined) ?? []);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, chosen, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  // A recent record becomes the envelope the default bus would build from it.
  useEffect(() => {
    if (source === 'paste') return;
    let live = true;
    void client.request({ kind: 'record', region: ctx.region, eventId: source }).then((r) => {
      if (live && r.json) setEventText(JSON.stringify(envelopeOf(JSON.parse(r.json) as CloudTrailRecord), null, 2));
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, source]);

  const event = useMemo(() => (eventText.trim() ? parseEventText(eventText) : null), [eventText]);

  const test = async () => {
    const o = await run('events:TestEventPattern', { EventPattern: pattern, Event: eventText });
    if (!o.ok) setVerdict({ kind: 'error', text: `${o.error?.code}: ${o.error?.message}` });
    else setVerdict(o.response?.['Result'] === true ? { kind: 'match', text: 'Result: true — 이 이벤트는 패턴과 일치합니다.' } : { kind: 'nomatch', text: 'Result: false — 이 이벤트는 패턴과 일치하지 않습니다.' });
  };
  const save = async () => {
    const o = await run('events:PutRule', { Name: name, EventPattern: pattern, State: String(rule?.['State'] ?? 'ENABLED') });
    if (!o.ok) setVerdict({ kind: 'error', text: `${o.error?.code}: ${o.error?.message}` });
    else {
      setVerdict({ kind: 'saved', text: `PutRule 성공: ${String(o.response?.['RuleArn'] ?? name)}` });
      setChosen(name);
    }
  };

  const arn = typeof rule?.['Arn'] === 'string' ? rule['Arn'] : '';
  return (
    <div className="sim-watch">
      <div className="card">
        <h2>EventBridge 규칙 <span className="muted small">(default 버스, {ctx.region})</span></h2>
        {rules.length === 0 ? (
          <p className="muted">규칙이 없습니다. CloudTrail이 기록한 관리 이벤트는 같은 리전의 default 버스로 전달되어 규칙과 비교됩니다. 아래에서 패턴을 쓰고 PutRule로 만들어 보세요.</p>
        ) : (
          <table className="sim-grid-table" aria-label="규칙 목록">
            <thead><tr><th>이름</th><th>상태</th><th>이벤트 패턴 / 일정</th></tr></thead>
            <tbody>
              {rules.map((r) => (
                <tr key={String(r['Arn'])} className={chosen === r['Name'] ? 'sim-row-on' : undefined}>
                  <td><button className="sim-link" aria-pressed={chosen === r['Name']} onClick={() => setChosen(String(r['Name']))}>{String(r['Name'])}</button></td>
                  <td><span className={`sim-badge ${r['State'] === 'DISABLED' ? 'no' : 'landed'}`}>{String(r['State'])}</span></td>
                  <td className="small"><code className="sim-key">{String(r['EventPattern'] ?? r['ScheduleExpression'] ?? '')}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card sim-test-panel">
        <div className="row sim-space">
          <h2>이벤트 패턴 편집과 시험</h2>
          <label className="sim-field inline"><span>규칙</span>
            <select value={chosen} onChange={(e) => setChosen(e.target.value)} aria-label="편집할 규칙">
              <option value={NEW_RULE}>(새 규칙)</option>
              {rules.map((r) => <option key={String(r['Name'])} value={String(r['Name'])}>{String(r['Name'])}</option>)}
            </select>
          </label>
        </div>
        <div className="sim-two">
          <div className="sim-fieldrow">
            <label htmlFor="sim-rule-name">규칙 이름 (Name)</label>
            <input id="sim-rule-name" className="sim-input mono" value={name} onChange={(e) => setName(e.target.value)} disabled={chosen !== NEW_RULE} />
            <label htmlFor="sim-rule-pattern">이벤트 패턴 (EventPattern)</label>
            <textarea id="sim-rule-pattern" className="sim-input mono" rows={12} value={pattern} onChange={(e) => setPattern(e.target.value)} spellCheck={false} />
          </div>
          <div className="sim-fieldrow">
            <label htmlFor="sim-rule-source">시험할 이벤트</label>
            <select id="sim-rule-source" className="sim-input" value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="paste">직접 붙여넣은 JSON</option>
              {rows.map((r) => <option key={r.eventId} value={r.eventId}>{r.eventTime.slice(11, 19)} {r.eventName} · {r.username}</option>)}
            </select>
            <textarea aria-label="시험할 이벤트 JSON" className="sim-input mono" rows={12} value={eventText} onChange={(e) => { setSource('paste'); setEventText(e.target.value); }} spellCheck={false}
              placeholder="최근 기록을 고르면 default 버스가 만들 EventBridge 이벤트(봉투)가 여기에 채워집니다." />
            {source !== 'paste' ? <span className="muted small">id는 기록의 eventID로 대신 채웠습니다. 실제 전달 때 EventBridge는 새 id를 붙입니다.</span> : null}
          </div>
        </div>
        <div className="row">
          <button className="btn primary" onClick={() => void test()} disabled={!eventText.trim()}>패턴 시험 (TestEventPattern)</button>
          <button className="btn" onClick={() => void save()}>{chosen === NEW_RULE ? '규칙 만들기 (PutRule)' : '패턴 저장 (PutRule)'}</button>
        </div>
        {verdict ? <p className={`sim-result ${verdict.kind === 'error' || verdict.kind === 'nomatch' ? 'err' : 'ok'}`} role="status" data-testid="rule-verdict">{verdict.text}</p> : null}
        {event && !event.ok ? <p className="sim-result err">{event.reasonKo}</p> : null}
        {rule ? (
          <>
            <h3>대상이 받을 메시지 (입력 변환 미리보기)</h3>
            {targets.length === 0 ? <p className="muted small">대상이 없습니다. PutTargets로 SNS 주제 등을 붙이면 여기서 받을 메시지를 미리 봅니다.</p> : null}
            {event?.ok
              ? targets.map((t) => {
                  const cfg = targetConfigOf(t);
                  const out = previewTarget(cfg, event.event, { arn, name: String(rule['Name']) });
                  return (
                    <div key={cfg.Id} className="sim-preview" data-testid="transformer-preview">
                      <p className="small"><strong>{cfg.Id}</strong> → <code>{String(t['Arn'])}</code> · {cfg.InputTransformer ? 'InputTransformer' : cfg.InputPath ? `InputPath ${cfg.InputPath}` : cfg.Input !== undefined ? 'Input (고정)' : '이벤트 전체'}</p>
                      {out.ok ? <pre className="sim-pre">{prettyMessage(out.text)}</pre> : <p className="sim-result err">전달되지 않습니다: {out.reason}</p>}
                    </div>
                  );
                })
              : targets.length ? <p className="muted small">이벤트를 고르거나 붙여넣으면 미리 봅니다.</p> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
