import { SCENARIOS } from '../../../../content/scenarios';
import { useApp } from '../../store/app-store';
import { durationKo, readEntry, statusOf, type ListStatus } from './progress-entry';

/** Every scenario in its suggested order, with the learner's status read from saved progress. */
export function ScenarioList({ onOpen }: { onOpen: (id: string) => void }) {
  const saved = useApp((s) => s.progress.scenarios);
  const rows = SCENARIOS.map((def) => ({ def, status: statusOf(readEntry(saved[def.id]).entry) }));
  const next = rows.find((r) => r.status.kind !== 'done')?.def.id;
  const doneCount = rows.filter((r) => r.status.kind === 'done').length;
  return (
    <section className="scn" aria-labelledby="scenarios-title">
      <h1 id="scenarios-title">시나리오</h1>
      <p className="lead">시뮬레이터에서 직접 해 보는 단계별 실습입니다. 각 단계는 "완료" 버튼이 아니라 시뮬레이터의 실제 상태(레코드, 트레일 설정, 경보 상태, 도착한 알림)로 확인합니다.</p>
      <p className="muted" data-testid="scn-summary">추천 순서대로 나열했습니다 · {SCENARIOS.length}개 중 {doneCount}개 완료</p>
      <ol className="scn-list">
        {rows.map(({ def, status }) => (
          <li key={def.id} className={`card scn-item ${status.kind}`} data-testid={`scn-${def.id}`}>
            <span className={`scn-order${status.kind === 'done' ? ' done' : ''}`} aria-hidden="true">{status.kind === 'done' ? '✓' : def.order}</span>
            <div className="scn-item-body">
              <h2>
                <button className="scn-open" onClick={() => onOpen(def.id)}>{def.titleKo}</button>
                {def.id === next ? <span className="badge scn-next">다음 추천</span> : null}
              </h2>
              <p className="small">{def.goalKo}</p>
              <p className="small muted scn-meta">
                <span>{def.steps.length}단계</span>
                <StatusText status={status} />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StatusText({ status }: { status: ListStatus }) {
  if (status.kind === 'new') return <span className="scn-status">시작 전</span>;
  if (status.kind === 'done') {
    const c = status.completion;
    return (
      <span className="scn-status done">
        완료 · 힌트 {c.hintsUsed}회 · 건너뛴 단계 {c.skipped}개 · {durationKo(c.activeMs)}
      </span>
    );
  }
  return (
    <span className="scn-status running">
      진행 중: {status.of}단계 중 {status.step}단계 · 힌트 {status.hintsUsed}회 · {durationKo(status.activeMs)}
      {status.doneBefore ? ' · 이전에 완료함' : ''}
    </span>
  );
}
