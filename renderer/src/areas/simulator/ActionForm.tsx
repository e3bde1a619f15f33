import { useEffect, useMemo, useState } from 'react';
import { useSim } from './sim-context';
import { buildParams, fillDefault, initialValues, parseJsonParams } from './param-build';
import { EMPTY_PICKS, loadPickLists, type PickLists } from './pick-sources';
import type { FieldSpec, ParamSpec } from './param-specs';
import type { CallOutcome, CatalogEntry } from './worker/protocol';
import { CHANNEL_KO } from './format';
import { TrafficControls } from './TrafficControls';

/** One action's request form: its real parameters, defaults, existing resources to pick, checked before sending. */
/** `repeat`: offer the repeated-call control (the simulator screen; a scenario has its own traffic step). */
export function ActionForm({ def, spec, repeat = false }: { def: CatalogEntry; spec: ParamSpec | undefined; repeat?: boolean }) {
  const { client, ctx, accountId, revision, run } = useSim();
  const defaults = useMemo(() => ({ accountId, region: ctx.region }), [accountId, ctx.region]);
  const [values, setValues] = useState<Record<string, string>>(() => (spec ? initialValues(spec, defaults) : {}));
  const [jsonText, setJsonText] = useState('{}');
  const [picks, setPicks] = useState<PickLists>(EMPTY_PICKS);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<CallOutcome | null>(null);

  useEffect(() => {
    let live = true;
    if (spec?.fields.some((f) => f.pick)) void loadPickLists(client, ctx.region).then((p) => live && setPicks(p));
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision, spec]);

  // A picked field with no value yet takes the first existing resource, and dependent defaults follow.
  useEffect(() => {
    if (!spec) return;
    setValues((v) => {
      let changed = false;
      const next = { ...v };
      for (const f of spec.fields) {
        const first = f.pick ? picks[f.pick][0]?.value : undefined;
        if (f.pick && f.required && !next[f.name] && first) {
          next[f.name] = first;
          changed = true;
        }
      }
      for (const f of spec.fields) {
        if (f.default && /\{[A-Z]/.test(f.default) && (!next[f.name] || /\{[A-Z]/.test(next[f.name]!))) {
          const filled = fillDefault(f.default, defaults, next);
          if (filled !== next[f.name]) {
            next[f.name] = filled;
            changed = true;
          }
        }
      }
      return changed ? next : v;
    });
  }, [picks, spec, defaults]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = spec ? buildParams(spec, values) : parseJsonParams(jsonText);
    if (!built.ok) {
      setErrors(built.errorsKo);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      setLast(await run(def.api, built.params));
      requestAnimationFrame(() => document.getElementById('flow-title')?.scrollIntoView({ block: 'start' }));
    } catch (err) {
      setErrors([(err as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card sim-form" onSubmit={(e) => void submit(e)} aria-labelledby="sim-form-title" noValidate>
      <div className="sim-form-head">
        <h2 id="sim-form-title"><code>{def.api}</code></h2>
        <span className="muted small">{def.summaryKo}</span>
      </div>
      <p className="muted small sim-who">
        {ctx.as}(으)로 {ctx.region}에서 {CHANNEL_KO[ctx.via]}를 통해 호출합니다 · {def.category === 'Data' ? '데이터 이벤트' : '관리 이벤트'} · {def.readOnly ? '읽기 전용' : '쓰기'}
        {def.recordedByCloudTrail === false ? ' · CloudTrail이 기록하지 않는 API' : ''}
      </p>
      {spec ? (
        <div className="sim-fields">
          {spec.fields.map((f) => (
            <Field key={f.name} f={f} value={values[f.name] ?? ''} choices={f.pick ? picks[f.pick] : undefined} onChange={(v) => setValues({ ...values, [f.name]: v })} />
          ))}
          {spec.fields.length === 0 ? <p className="muted small">파라미터가 없는 호출입니다.</p> : null}
        </div>
      ) : (
        <label className="sim-json">
          <span>요청 파라미터 (JSON, AWS 멤버 이름 그대로)</span>
          <textarea className="sim-input mono" rows={6} spellCheck={false} value={jsonText} onChange={(e) => setJsonText(e.target.value)} aria-label="요청 파라미터 JSON" />
        </label>
      )}
      {errors.length ? (
        <ul className="message error sim-errors" role="alert">
          {errors.map((m) => <li key={m}>{m}</li>)}
        </ul>
      ) : null}
      <div className="row">
        <button className="btn primary" type="submit" disabled={busy}>호출</button>
        {last ? <ResultLine outcome={last} /> : null}
      </div>
      {!repeat || def.recordedByCloudTrail === false ? null : <TrafficControls api={def.api} build={() => (spec ? buildParams(spec, values) : parseJsonParams(jsonText))} />}
    </form>
  );
}

function Field({ f, value, choices, onChange }: { f: FieldSpec; value: string; choices: { value: string; label: string }[] | undefined; onChange: (v: string) => void }) {
  const id = `sim-f-${f.name}`;
  const label = (
    <span className="sim-label">
      <code>{f.name}</code>
      {f.required ? <span className="sim-req" aria-label="필수">*</span> : null}
    </span>
  );
  let input: React.ReactNode;
  if (f.type === 'bool') {
    input = (
      <select id={id} className="sim-input" value={value} onChange={(e) => onChange(e.target.value)}>
        {f.required ? null : <option value="">(보내지 않음)</option>}
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (f.type === 'enum') {
    input = (
      <select id={id} className="sim-input" value={value} onChange={(e) => onChange(e.target.value)}>
        {(f.options ?? []).map((o) => <option key={o} value={o}>{o || '(보내지 않음)'}</option>)}
      </select>
    );
  } else if (f.type === 'json' || f.type === 'text') {
    input = <textarea id={id} className="sim-input mono" rows={f.type === 'json' ? 5 : 2} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />;
  } else {
    input = (
      <>
        <input id={id} className="sim-input" value={value} onChange={(e) => onChange(e.target.value)} list={choices ? `${id}-list` : undefined} autoComplete="off" />
        {choices ? (
          <datalist id={`${id}-list`}>
            {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </datalist>
        ) : null}
      </>
    );
  }
  return (
    <div className={`sim-fieldrow${f.type === 'json' || f.type === 'text' ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {input}
      {choices && choices.length && f.type !== 'list' ? (
        <select className="sim-input sim-pick" aria-label={`${f.name} 기존 리소스에서 고르기`} value="" onChange={(e) => e.target.value && onChange(e.target.value)}>
          <option value="">기존 리소스에서 고르기…</option>
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      ) : null}
      {f.pick && f.type === 'list' && choices?.length ? (
        <select className="sim-input sim-pick" aria-label={`${f.name}에 추가`} value="" onChange={(e) => e.target.value && onChange(value ? `${value}, ${e.target.value}` : e.target.value)}>
          <option value="">기존 리소스 추가…</option>
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      ) : null}
      {f.hintKo ? <span className="muted small sim-hint">{f.hintKo}</span> : null}
    </div>
  );
}

/** AWS's answer in one line: success, or the error code and message exactly as AWS gives them. */
export function ResultLine({ outcome }: { outcome: CallOutcome }) {
  if (outcome.ok) return <span className="sim-result ok" role="status">성공 · {outcome.api}</span>;
  const sim = outcome.error?.code.startsWith('Sim.');
  return (
    <span className="sim-result err" role="status">
      {outcome.api} · {sim ? '시뮬레이터가 거부(AWS에 도달하지 않아 기록 없음): ' : 'AWS 오류 '}
      <code>{outcome.error?.code}</code> {outcome.error?.message}
    </span>
  );
}
