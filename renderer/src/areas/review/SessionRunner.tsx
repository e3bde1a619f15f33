import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useScreenActive } from '../../screen-active';
import { CATEGORY_LABELS } from '../../../../content/quiz/types';
import type { QuizCategory } from '../../../../content/schema';
import { QuestionCard } from '../quiz/QuestionCard';
import { isCorrect, type Answer } from '../quiz/quiz-session';
import { currentItem, type AnswerResult, type ReviewSession } from './review-api';
import type { Reviewable } from './study-items';
import { FlashcardView, type SelfGrade } from './FlashcardView';
import { SCENARIOS } from '../../../../content/scenarios';

interface Props {
  session: ReviewSession;
  all: Map<string, Reviewable>;
  onAnswer(session: ReviewSession, itemId: string, result: AnswerResult, category: string | null): Promise<void>;
  onStop(): void;
}

/** One question at a time; an item whose content no longer exists is skipped as unanswerable, never faked. */
export function SessionRunner({ session, all, onAnswer, onStop }: Props) {
  const planned = currentItem(session);
  // The parent remounts this component for every item (key), so per-item state starts fresh with the item.
  const shownAt = useRef(performance.now());
  const [answer, setAnswer] = useState<Answer | null>(null);

  const entry = planned ? all.get(planned.itemId) : undefined;
  const quiz = entry?.kind === 'quiz' ? entry.item : null;

  const submitQuiz = useCallback(
    (confidence: 'unsure' | 'sure' | null) => {
      if (!quiz || !answer || !planned) return;
      void onAnswer(session, planned.itemId, { correct: isCorrect(quiz, answer), responseMs: answeredMs.current, confidence }, quiz.category);
    },
    [quiz, answer, planned, session, onAnswer],
  );
  const answeredMs = useRef(0);
  const active = useScreenActive();

  useLayoutEffect(() => {
    if (!active || !answer) return;
    const onKey = (e: KeyboardEvent) => {
      // A key a control already handled (e.g. Enter submitting a sort board) must not act twice.
      if (e.defaultPrevented) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const choice = e.key === 'Enter' ? null : e.key === '1' ? 'unsure' : e.key === '2' ? 'sure' : undefined;
      if (choice === undefined) return;
      e.preventDefault();
      submitQuiz(choice);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, answer, submitQuiz]);

  if (!planned) return null;
  const progress = `${session.index + 1} / ${session.items.length}`;
  const header = (
    <div className="row session-head">
      <p className="muted small session-progress">
        복습 세션 · {progress} · {planned.reason === 'due' ? '복습할 카드' : planned.reason === 'weak' ? '약한 범주' : '새 문제'} ·{' '}
        {CATEGORY_LABELS[planned.category as QuizCategory] ?? '용어 카드'}
      </p>
      <button className="btn small" onClick={onStop}>세션 끝내기</button>
      {session.scenarioId && (
        <p className="muted small full">
          이번 세션의 실습: <strong>{SCENARIOS.find((x) => x.id === session.scenarioId)?.titleKo ?? session.scenarioId}</strong> — 문제를 마친 뒤 시나리오 영역에서 해 보세요.
        </p>
      )}
    </div>
  );

  if (!entry) {
    return (
      <section aria-labelledby="review-title" className="quiz">
        {header}
        <h1 id="review-title">이 문제는 더 이상 없습니다</h1>
        <p className="muted">앱이 업데이트되면서 "{planned.itemId}" 문제가 바뀌었습니다. 틀린 것으로 치지 않고 넘어갑니다.</p>
        <button className="btn primary" onClick={() => void onAnswer(session, planned.itemId, { correct: true, responseMs: 0, confidence: null }, null)}>다음</button>
      </section>
    );
  }

  return (
    <section aria-labelledby="review-title" className="quiz">
      {header}
      <h1 id="review-title" className="visually-hidden">복습 문제 {progress}</h1>
      {entry.kind === 'card' ? (
        <FlashcardView
          key={entry.card.id}
          card={entry.card}
          onGrade={(g: SelfGrade) => void onAnswer(session, planned.itemId, { correct: g.correct, responseMs: performance.now() - shownAt.current, confidence: g.confidence }, null)}
        />
      ) : (
        <>
          <QuestionCard
            key={entry.item.id}
            item={entry.item}
            answer={answer}
            onAnswer={(a) => {
              answeredMs.current = Math.round(performance.now() - shownAt.current);
              setAnswer(a);
            }}
          />
          {answer && (
            <div className={`feedback card ${isCorrect(entry.item, answer) ? 'right' : 'wrong'}`} role="status">
              <h2>{isCorrect(entry.item, answer) ? '정답입니다' : '틀렸습니다'}</h2>
              <p>{entry.item.explanation}</p>
              <p className="muted small">얼마나 확신했나요? 다음 복습 날짜에 반영됩니다.</p>
              <div className="row">
                <button className="btn" onClick={() => submitQuiz('unsure')}><kbd>1</kbd> 헷갈렸어요</button>
                <button className="btn" onClick={() => submitQuiz('sure')}><kbd>2</kbd> 확실했어요</button>
                <button className="btn primary" autoFocus onClick={() => submitQuiz(null)}>다음 <kbd>Enter</kbd></button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
