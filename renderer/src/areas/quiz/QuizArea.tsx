import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { QUIZ_CATEGORIES, type QuizCategory } from '../../../../content/schema';
import { CATEGORY_LABELS, type QuizItem } from '../../../../content/quiz/types';
import { useApp } from '../../store/app-store';
import { useScreenActive } from '../../screen-active';
import { noteTitle } from './note-titles';
import { allQuizItems } from './quiz-bank';
import { isCorrect, pickItems, type Answer } from './quiz-session';
import { QuestionCard } from './QuestionCard';

/** The question bank (generated questions run the simulator's catalog), built ahead while the page is idle. */
export function warm(): void {
  allQuizItems();
}

type Phase = { kind: 'setup' } | { kind: 'run'; items: QuizItem[]; index: number; answer: Answer | null; results: boolean[] } | { kind: 'done'; items: QuizItem[]; results: boolean[] };

export default function QuizArea() {
  const bank = useMemo(allQuizItems, []);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const [category, setCategory] = useState<QuizCategory | 'all'>('all');
  const [count, setCount] = useState(10);
  const stats = useApp((s) => s.progress.quizStats);
  const updateProgress = useApp((s) => s.updateProgress);
  const openNote = useApp((s) => s.openNote);

  const start = () => {
    const pool = category === 'all' ? bank : bank.filter((q) => q.category === category);
    setPhase({ kind: 'run', items: pickItems(pool, count), index: 0, answer: null, results: [] });
  };

  const onAnswer = useCallback(
    (answer: Answer) => {
      if (phase.kind !== 'run' || phase.answer) return;
      const item = phase.items[phase.index]!;
      const right = isCorrect(item, answer);
      setPhase({ ...phase, answer, results: [...phase.results, right] });
      // Saved at once, so closing the app mid-quiz loses nothing already answered.
      void updateProgress((p) => {
        const old = p.quizStats[item.category] ?? { answered: 0, correct: 0 };
        return { ...p, quizStats: { ...p.quizStats, [item.category]: { answered: old.answered + 1, correct: old.correct + (right ? 1 : 0) } } };
      });
    },
    [phase, updateProgress],
  );

  const next = useCallback(() => {
    if (phase.kind !== 'run' || !phase.answer) return;
    if (phase.index + 1 >= phase.items.length) setPhase({ kind: 'done', items: phase.items, results: phase.results });
    else setPhase({ ...phase, index: phase.index + 1, answer: null });
  }, [phase]);

  const active = useScreenActive();
  useLayoutEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      // A key a control already handled (e.g. Enter submitting a sort board) must not act twice.
      if (e.defaultPrevented) return;
      if (e.key !== 'Enter' || phase.kind !== 'run' || !phase.answer) return;
      e.preventDefault();
      next();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, phase, next]);

  if (phase.kind === 'setup') {
    const poolSize = category === 'all' ? bank.length : bank.filter((q) => q.category === category).length;
    return (
      <section aria-labelledby="quiz-title" className="quiz">
        <h1 id="quiz-title">퀴즈</h1>
        <p className="lead">이벤트 분류와 CloudTrail·CloudWatch 개념을 문제로 익힙니다. 숫자 키로 답하고 Enter로 넘어갑니다.</p>
        <div className="card row">
          <label>
            범주{' '}
            <select value={category} onChange={(e) => setCategory(e.target.value as QuizCategory | 'all')}>
              <option value="all">전체 ({bank.length}문제)</option>
              {QUIZ_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]} ({bank.filter((q) => q.category === c).length})
                </option>
              ))}
            </select>
          </label>
          <label>
            문제 수{' '}
            <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[5, 10, 20, 30].map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </label>
          <button className="btn primary" onClick={start} disabled={poolSize === 0}>
            시작
          </button>
        </div>
        <AccuracyTable stats={stats} />
      </section>
    );
  }

  if (phase.kind === 'done') {
    const right = phase.results.filter(Boolean).length;
    return (
      <section aria-labelledby="quiz-title" className="quiz">
        <h1 id="quiz-title">결과: {phase.items.length}문제 중 {right}문제 정답</h1>
        <ul className="review-list">
          {phase.items.map((q, i) => (
            <li key={q.id} className={phase.results[i] ? 'right' : 'wrong'}>
              {phase.results[i] ? '○' : '✕'} {q.prompt}
            </li>
          ))}
        </ul>
        <div className="row">
          <button className="btn primary" onClick={() => setPhase({ kind: 'setup' })} autoFocus>
            다시 풀기
          </button>
        </div>
        <AccuracyTable stats={stats} />
      </section>
    );
  }

  const item = phase.items[phase.index]!;
  const right = phase.answer ? phase.results[phase.results.length - 1] : undefined;
  return (
    <section aria-labelledby="quiz-title" className="quiz">
      <p className="muted small">
        {CATEGORY_LABELS[item.category]} · {phase.index + 1} / {phase.items.length}
      </p>
      <h1 id="quiz-title" className="visually-hidden">퀴즈 문제 {phase.index + 1}</h1>
      <QuestionCard key={`${phase.index}:${item.id}`} item={item} answer={phase.answer} onAnswer={onAnswer} />
      {phase.answer && (
        <div className={`feedback card ${right ? 'right' : 'wrong'}`} role="status">
          <h2>{right ? '정답입니다' : '틀렸습니다'}</h2>
          <p>{item.explanation}</p>
          <div className="row">
            <button className="btn" onClick={() => openNote(item.noteId)}>노트: {noteTitle(item.noteId)}</button>
            <button className="btn primary" onClick={next} autoFocus>
              {phase.index + 1 >= phase.items.length ? '결과 보기' : '다음'} <kbd>Enter</kbd>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function AccuracyTable({ stats }: { stats: Record<string, { answered: number; correct: number }> }) {
  const rows = QUIZ_CATEGORIES.filter((c) => stats[c]?.answered);
  if (rows.length === 0) return <p className="muted">아직 푼 문제가 없습니다. 범주별 정답률이 여기에 쌓입니다.</p>;
  return (
    <table className="table" aria-label="범주별 정답률">
      <thead>
        <tr><th>범주</th><th>푼 문제</th><th>정답</th><th>정답률</th></tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const s = stats[c]!;
          return (
            <tr key={c}>
              <td>{CATEGORY_LABELS[c]}</td>
              <td>{s.answered}</td>
              <td>{s.correct}</td>
              <td>{Math.round((100 * s.correct) / s.answered)}%</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
