import { koNumber } from '../simulator/format';
import { useState } from 'react';
import type { ScenarioDef } from '../../../../content/scenarios/types';
import { useApp } from '../../store/app-store';
import { noteTitle } from '../quiz/note-titles';
import { SimContext } from '../simulator/sim-context';
import { durationKo } from './progress-entry';
import { actionText, needsTraffic, solutionPreview } from './step-actions';
import { useScenarioSession } from './use-scenario-session';
import { PlaceToAct } from './PlaceToAct';
import { StepList } from './StepList';

/** One scenario: the goal, the steps, the coach (hint, skip, restart), and a place to act in its own sandbox. */
export function ScenarioScreen({ def, onBack }: { def: ScenarioDef; onBack: () => void }) {
  const s = useScenarioSession(def);
  const openNote = useApp((st) => st.openNote);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const view = s.view;
  const index = view?.index ?? s.entry?.stepIndex ?? 0;
  const step = def.steps[Math.min(index, def.steps.length - 1)]!;
  const completed = view?.completed ?? false;
  const busy = s.busy !== null;

  return (
    <section className="scn scn-screen sim" aria-labelledby="scn-title">
      <div className="row">
        <button className="btn small" onClick={onBack}>← 시나리오 목록</button>
        <span className="muted small">시나리오 {def.order}</span>
        <button className="btn small" onClick={() => openNote(def.noteId)}>관련 노트: {noteTitle(def.noteId)}</button>
      </div>
      <h1 id="scn-title">{def.titleKo}</h1>
      <p className="lead scn-goal"><strong>목표</strong> {def.goalKo}</p>
      <div className="scn-layout">
        {/* The coach stays in view (sticky) while the learner scrolls through the form and the event flow. */}
        <aside className="scn-side">
          <StepList def={def} index={index} completed={completed} skipped={view?.skipped ?? []} />
          {completed ? (
            <div className="card scn-done" data-testid="scn-complete" role="status">
              <h2>시나리오 완료</h2>
              <p>모든 단계를 시뮬레이터 상태로 확인했습니다.</p>
              <dl className="scn-facts">
                <dt>걸린 시간</dt>
                <dd>{durationKo(s.entry?.lastCompletion?.activeMs ?? s.entry?.activeMs ?? 0)}</dd>
                <dt>사용한 힌트</dt>
                <dd>{view?.hintsUsed ?? 0}회</dd>
                <dt>건너뛴 단계</dt>
                <dd>{view?.skipped.length ? view.skipped.map((i) => def.steps[i]?.titleKo).join(', ') : '없음'}</dd>
              </dl>
              <div className="row">
                <button className="btn" onClick={onBack}>목록으로</button>
              </div>
            </div>
          ) : (
            <div className="card scn-step" data-testid="scn-step">
              <p className="small muted">{def.steps.length}단계 중 {index + 1}단계</p>
              <h2>{step.titleKo}</h2>
              <p>{step.instructionKo}</p>
            </div>
          )}
          {s.busy ? (
            <div className="card scn-busy" role="status" aria-live="polite">
              <span>{s.busy}</span>
              {s.progress ? (
                <>
                  <progress max={s.progress.total} value={s.progress.done} aria-label="진행률" />
                  <span className="small muted">시뮬레이션 {koNumber(s.progress.done)}분 / {koNumber(s.progress.total)}분</span>
                </>
              ) : null}
            </div>
          ) : null}
          {s.error ? <p className="message error" role="alert">{s.error}</p> : null}
          {view?.hint && !completed ? (
            <div className="card scn-hint" role="status" data-testid="scn-hint">
              <strong>힌트</strong>
              <p>{view.hint}</p>
            </div>
          ) : null}
          <div className="card scn-coach" role="group" aria-label="도움">
            <div className="row">
              <button className="btn small" disabled={busy || completed || !view} onClick={s.hint}>힌트 보기</button>
              <button className="btn small" disabled={busy || completed || !view} onClick={() => setConfirmSkip(true)}>이 단계 건너뛰기</button>
              <button className="btn small" disabled={busy || !view} onClick={() => setConfirmRestart(true)}>처음부터</button>
            </div>
            <p className="small muted">힌트 {view?.hintsUsed ?? 0}회 사용 · 건너뛴 단계 {view?.skipped.length ?? 0}개</p>
            {confirmSkip && !completed ? (
              <div className="scn-confirm" role="alertdialog" aria-label="건너뛰기">
                <p className="small"><strong>해법</strong> — 건너뛰면 다음 동작을 대신 실행합니다:</p>
                <ol className="scn-actions">
                  {solutionPreview(step).map((t, i) => <li key={i}><code>{t}</code></li>)}
                </ol>
                <div className="row">
                  <button className="btn small primary" disabled={busy} onClick={() => void s.skip().then(() => setConfirmSkip(false))}>해법 실행하고 건너뛰기</button>
                  <button className="btn small" onClick={() => setConfirmSkip(false)}>취소</button>
                </div>
              </div>
            ) : null}
            {confirmRestart ? (
              <div className="scn-confirm" role="alertdialog" aria-label="처음부터 다시">
                <p className="small">샌드박스를 처음 상태로 되돌리고 1단계부터 다시 합니다. 이번 시도의 기록은 지워집니다.</p>
                <div className="row">
                  <button className="btn small danger" onClick={() => void s.restart().then(() => setConfirmRestart(false))}>처음부터 다시</button>
                  <button className="btn small" onClick={() => setConfirmRestart(false)}>취소</button>
                </div>
              </div>
            ) : null}
          </div>
        </aside>
        <div className="scn-main">
          {s.performed?.length ? (
            <details className="card scn-performed" open>
              <summary>건너뛰며 실행한 해법</summary>
              <ol className="scn-actions">
                {s.performed.map((a, i) => <li key={i}><code>{actionText(a)}</code></li>)}
              </ol>
            </details>
          ) : null}
          {s.session ? (
            <SimContext.Provider value={s.session}>
              <PlaceToAct def={def} step={completed ? null : step} traffic={needsTraffic(step) && !completed ? { value: s.traffic, set: s.setTraffic } : null} perform={s.perform} busy={busy} fileRequest={s.fileRequest} closeFile={s.closeFile} />
            </SimContext.Provider>
          ) : null}
        </div>
      </div>
    </section>
  );
}
