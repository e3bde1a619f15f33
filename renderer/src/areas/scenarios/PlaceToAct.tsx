import { useEffect, useMemo, useState } from 'react';
import type { ScenarioAction, ScenarioDef, ScenarioStep } from '../../../../content/scenarios/types';
import { ActionForm } from '../simulator/ActionForm';
import { EventFlow } from '../simulator/EventFlow';
import { koNumber, utc } from '../simulator/format';
import { CallerFields } from '../simulator/CallerFields';
import { useIdentities } from '../simulator/use-identities';
import { PALETTE_GROUPS, groupOf } from '../simulator/palette-groups';
import { PARAM_SPEC_BY_API } from '../simulator/param-specs';
import { useSim } from '../simulator/sim-context';
import type { CatalogEntry } from '../simulator/worker/protocol';
import { CLOCK_JUMPS, defaultCtx, relevantApis } from './step-actions';
import type { TrafficSetting } from './use-scenario-session';
import { FileViewer } from './FileViewer';

interface Props {
  def: ScenarioDef;
  step: ScenarioStep | null;
  traffic: { value: TrafficSetting; set: (t: TrafficSetting) => void } | null;
  perform: (a: ScenarioAction) => Promise<unknown>;
  busy: boolean;
  fileRequest: { bucket: string; key: string } | null;
  closeFile: () => void;
}

/** Where the learner acts in the scenario's sandbox: who and where, the clock, an action and its form, the flow. */
export function PlaceToAct({ def, step, traffic, perform, busy, fileRequest, closeFile }: Props) {
  const { client } = useSim();
  const [catalog, setCatalog] = useState<CatalogEntry[]>([]);
  const relevant = useMemo(() => (step ? relevantApis(step) : []), [step]);
  const [api, setApi] = useState<string>(relevant[0] ?? 'cloudtrail:LookupEvents');

  useEffect(() => {
    void client.request({ kind: 'catalog' }).then(setCatalog);
  }, [client]);
  // A new step brings its own first action forward.
  useEffect(() => {
    if (relevant[0]) setApi(relevant[0]);
  }, [relevant]);

  const entry = catalog.find((d) => d.api === api);
  const groups = useMemo(() => PALETTE_GROUPS.map((g) => ({ label: g.label, defs: catalog.filter((d) => groupOf(d.api) === g.label && !relevant.includes(d.api)) })).filter((g) => g.defs.length), [catalog, relevant]);

  return (
    <div className="scn-act" aria-label="실습">
      <ActBar def={def} perform={perform} busy={busy} />
      {traffic ? <TrafficControl t={traffic.value} set={traffic.set} /> : null}
      <div className="card scn-picker">
        <label className="sim-field">
          <span>액션</span>
          <select aria-label="액션" className="sim-input" value={api} onChange={(e) => setApi(e.target.value)}>
            {relevant.length ? (
              <optgroup label="이 단계에 쓰는 액션">
                {relevant.map((a) => <option key={a} value={a}>{a}</option>)}
              </optgroup>
            ) : null}
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.defs.map((d) => <option key={d.api} value={d.api}>{d.api}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        {relevant.length ? (
          <div className="row scn-quick" role="group" aria-label="이 단계에 쓰는 액션">
            {relevant.map((a) => (
              <button key={a} className={`btn small${a === api ? ' on' : ''}`} aria-pressed={a === api} onClick={() => setApi(a)}>{a.split(':')[1]}</button>
            ))}
          </div>
        ) : null}
      </div>
      {entry ? <ActionForm key={entry.api} def={entry} spec={PARAM_SPEC_BY_API.get(entry.api)} /> : null}
      {fileRequest ? <FileViewer file={fileRequest} onClose={closeFile} /> : null}
      <EventFlow />
    </div>
  );
}


/** Who acts, from where, through what (starting at the scenario's defaults), and the simulated clock. */
function ActBar({ def, perform, busy }: { def: ScenarioDef; perform: (a: ScenarioAction) => Promise<unknown>; busy: boolean }) {
  const { ctx, setCtx, regions, nowMs } = useSim();
  const identities = useIdentities();


  // The scenario's default identity is listed even before the account reads back.
  const shown = identities.some((i) => i.value === ctx.as) ? identities : [{ value: ctx.as, label: ctx.as }, ...identities];
  return (
    <div className="sim-topbar scn-bar" role="toolbar" aria-label="호출자와 시계">
      <CallerFields identities={shown} regions={regions} ctx={ctx} setCtx={setCtx} />
      <div className="sim-clock">
        <span className="sim-clock-label">시뮬레이션 시각</span>
        <time className="sim-clock-time" data-testid="scn-clock" dateTime={new Date(nowMs).toISOString()}>{utc(nowMs)}</time>
      </div>
      <div className="sim-field">
        <span>시계 앞으로</span>
        <div className="sim-seg" role="group" aria-label="시간 건너뛰기">
          {CLOCK_JUMPS.map((j) => (
            <button key={j.iso} disabled={busy} onClick={() => void perform({ advance: j.iso })}>{j.label}</button>
          ))}
        </div>
      </div>
      <button className="btn small scn-defaults" onClick={() => setCtx(defaultCtx(def))}>
        시나리오 기본값으로
      </button>
    </div>
  );
}

/** Generated traffic: the form's call repeated perMinute times at each minute's start, for minutes minutes. */
function TrafficControl({ t, set }: { t: TrafficSetting; set: (t: TrafficSetting) => void }) {
  const num = (v: string, max: number) => Math.max(1, Math.min(max, Math.floor(Number(v) || 1)));
  return (
    <div className="card scn-traffic" role="group" aria-label="트래픽 생성">
      <label className="sim-field inline">
        <input type="checkbox" checked={t.on} onChange={(e) => set({ ...t, on: e.target.checked })} />
        <span>트래픽 생성: 아래 양식의 호출을 반복합니다</span>
      </label>
      <label className="sim-field inline">
        <span>분당</span>
        <input className="sim-input scn-num" type="number" min={1} max={1000} value={t.perMinute} aria-label="분당 호출 수" onChange={(e) => set({ ...t, perMinute: num(e.target.value, 1000) })} />
        <span>회</span>
      </label>
      <label className="sim-field inline">
        <input className="sim-input scn-num" type="number" min={1} max={20160} value={t.minutes} aria-label="분 수" onChange={(e) => set({ ...t, minutes: num(e.target.value, 20160) })} />
        <span>분 동안 ({(t.minutes / 1440).toFixed(t.minutes % 1440 ? 2 : 0)}일)</span>
      </label>
      <p className="small muted">켜 두면 "호출"이 분당 {t.perMinute}회 × {t.minutes}분 = {koNumber(t.perMinute * t.minutes)}번의 실제 호출이 되고, 시계도 {t.minutes}분 흐릅니다.</p>
    </div>
  );
}
