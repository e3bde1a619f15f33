import { CATEGORY_LABELS } from '../../../../content/quiz/types';
import type { QuizCategory } from '../../../../content/schema';
import { summarizeSession, type ReviewSession } from './review-api';
import type { Reviewable } from './study-items';

const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60000))}분`;
const label = (category: string) => CATEGORY_LABELS[category as QuizCategory] ?? '용어 카드';

export function SessionSummaryView({ session, all }: { session: ReviewSession; all: Map<string, Reviewable> }) {
  const s = summarizeSession(session);
  const title = (id: string) => {
    const e = all.get(id);
    return e?.kind === 'quiz' ? e.item.prompt : e?.kind === 'card' ? e.card.term : id;
  };
  return (
    <div className="card summary" role="status" aria-label="세션 요약">
      <h2>
        세션 요약: {s.answered}문제 중 {s.correct}문제 정답{s.accuracy !== null ? ` (${Math.round(s.accuracy * 100)}%)` : ''}
      </h2>
      <p className="muted">
        답하는 데 {minutes(s.answeringMs)}, 전체 {minutes(s.elapsedMs)}{s.unanswered ? ` · 남긴 문제 ${s.unanswered}개` : ''}
      </p>
      <table className="table" aria-label="범주별 정답률">
        <thead><tr><th>범주</th><th>푼 문제</th><th>정답률</th></tr></thead>
        <tbody>
          {Object.entries(s.perCategory).map(([c, t]) => (
            <tr key={c}><td>{label(c)}</td><td>{t.answered}</td><td>{t.accuracy === null ? '-' : `${Math.round(t.accuracy * 100)}%`}</td></tr>
          ))}
        </tbody>
      </table>
      {s.nextDue.length > 0 && (
        <>
          <h3>다음 복습 날짜</h3>
          <ul className="due-list">
            {s.nextDue.slice(0, 8).map((d) => (
              <li key={d.itemId}>
                <time dateTime={d.due}>{new Date(d.due).toLocaleDateString('ko-KR', { month: 'long', day: 'numeric', weekday: 'short' })}</time> — {title(d.itemId)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
