import { useId, useLayoutEffect, useState } from 'react';
import { useScreenActive } from '../../screen-active';
import type { QuizItem } from '../../../../content/quiz/types';
import type { Answer } from './quiz-session';
import { SortBoard } from './SortBoard';

interface Props {
  item: QuizItem;
  answer: Answer | null;
  onAnswer(answer: Answer): void;
}

/** Number keys answer a choice question; the sort board has its own keys. */
export function QuestionCard({ item, answer, onAnswer }: Props) {
  // Remounted per question (key), so the sort board starts empty.
  const [sortDraft, setSortDraft] = useState<(number | null)[]>(() => (item.sort?.cards ?? []).map(() => null));
  const active = useScreenActive();
  // The quiz and the review both show questions, and both stay mounted: each prompt has its own id.
  const promptId = useId();

  useLayoutEffect(() => {
    if (!active || item.format === 'sort' || answer) return;
    const onKey = (e: KeyboardEvent) => {
      // A key a control already handled (e.g. Enter submitting a sort board) must not act twice.
      if (e.defaultPrevented) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= item.choices.length) {
        e.preventDefault();
        onAnswer({ kind: 'choice', index: n - 1 });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, item, answer, onAnswer]);

  return (
    <div className="question">
      <p className="prompt" id={promptId}>{item.prompt}</p>
      {item.json && (
        <pre className="record-json" tabIndex={0} aria-label="CloudTrail 레코드 JSON">
          <code>{item.json}</code>
        </pre>
      )}
      {item.format === 'sort' && item.sort ? (
        <SortBoard
          sort={item.sort}
          draft={sortDraft}
          locked={answer !== null}
          onChange={setSortDraft}
          onSubmit={() => onAnswer({ kind: 'sort', buckets: sortDraft.map((b) => b ?? -1) })}
        />
      ) : (
        <ol className="choices" aria-labelledby={promptId}>
          {item.choices.map((choice, i) => {
            const chosen = answer?.kind === 'choice' && answer.index === i;
            const state = answer ? (i === item.answerIndex ? 'right' : chosen ? 'wrong' : '') : '';
            return (
              <li key={choice}>
                <button className={`choice ${state}`} disabled={answer !== null} aria-pressed={chosen} onClick={() => onAnswer({ kind: 'choice', index: i })}>
                  <kbd>{i + 1}</kbd> {choice}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
