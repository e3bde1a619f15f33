import type { ScenarioDef } from '../../../../content/scenarios/types';

/** The steps: done ✓ (or skipped), the current one, and those still ahead. */
export function StepList({ def, index, completed, skipped }: { def: ScenarioDef; index: number; completed: boolean; skipped: number[] }) {
  return (
    <ol className="card scn-steps" aria-label="단계">
      {def.steps.map((st, i) => {
        const state = completed || i < index ? 'done' : i === index ? 'current' : 'upcoming';
        const wasSkipped = skipped.includes(i);
        return (
          <li key={st.id} className={`scn-stepitem ${state}`} aria-current={state === 'current' ? 'step' : undefined} data-state={state}>
            <span className="scn-mark" aria-hidden="true">{state === 'done' ? (wasSkipped ? '↷' : '✓') : i + 1}</span>
            <span>
              {st.titleKo}
              <span className="visually-hidden">{state === 'done' ? (wasSkipped ? ' (건너뜀)' : ' (완료)') : state === 'current' ? ' (현재 단계)' : ' (예정)'}</span>
              {state === 'done' && wasSkipped ? <span className="small muted"> · 건너뜀</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
