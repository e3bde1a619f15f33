import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/app-store';
import {
  addSession,
  answerAndSchedule,
  finishSession,
  inProgressSession,
  isDue,
  startSession,
  studyItemsFor,
  weekendStreak,
  weeklyHistory,
  type AnswerResult,
  type ReviewData,
  type ReviewSession,
} from './review-api';
import { reviewables } from './study-items';
import { SCENARIOS } from '../../../../content/scenarios';
import { HistoryChart } from './HistoryChart';
import { SessionRunner } from './SessionRunner';
import { SessionSummaryView } from './SessionSummaryView';

const DAY_NAMES = ['일', '월', '화', '수', '목', '금', '토'];
const LENGTHS = [15, 30, 60];

export default function ReviewArea() {
  const storage = useApp((s) => s.storage);
  const settings = useApp((s) => s.settings);
  const quizStats = useApp((s) => s.progress.quizStats);
  const updateProgress = useApp((s) => s.updateProgress);
  const go = useApp((s) => s.go);
  const all = useMemo(reviewables, []);
  const [review, setReview] = useState<ReviewData | null>(null);
  const [finished, setFinished] = useState<ReviewSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const calendar = useMemo(() => ({ reviewDays: settings.reviewDays, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }), [settings.reviewDays]);

  useEffect(() => {
    void storage?.load('review').then((r) => setReview(r.data));
  }, [storage]);

  // Every change is saved before the next question shows, so closing the app mid-session loses nothing answered.
  const save = useCallback(
    async (next: ReviewData) => {
      setReview(next);
      await storage?.save('review', next);
    },
    [storage],
  );

  const running = useMemo(() => {
    if (!review) return null;
    try {
      return inProgressSession(review);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      return null;
    }
  }, [review]);

  if (!review) return <p className="muted">불러오는 중…</p>;

  const start = (lengthMinutes: number) => {
    const now = new Date();
    const session = startSession({ lengthMinutes, items: studyItemsFor(all), cards: review.cards, quizStats, scenarioIds: SCENARIOS.map((x) => x.id), now, seed: now.toISOString() });
    setFinished(null);
    void save(addSession(review, session));
  };

  const onAnswer = async (session: ReviewSession, itemId: string, result: AnswerResult, category: string | null) => {
    const now = new Date();
    let next = answerAndSchedule(review, session, itemId, result, now, calendar);
    if (category) {
      void updateProgress((p) => {
        const old = p.quizStats[category] ?? { answered: 0, correct: 0 };
        return { ...p, quizStats: { ...p.quizStats, [category]: { answered: old.answered + 1, correct: old.correct + (result.correct ? 1 : 0) } } };
      });
    }
    if (next.session.index >= next.session.items.length) {
      next = finishSession(next.review, next.session, now);
      setFinished(next.session);
    }
    await save(next.review);
  };

  const stop = async (session: ReviewSession) => {
    const next = finishSession(review, session, new Date());
    setFinished(next.session);
    await save(next.review);
  };

  if (running) {
    return <SessionRunner key={`${running.id}:${running.index}`} session={running} all={all} onAnswer={onAnswer} onStop={() => void stop(running)} />;
  }

  const now = new Date();
  const due = Object.values(review.cards).filter((c) => isDue(c, now)).length;
  const streak = weekendStreak(review.sessions, calendar, now);
  const weeks = weeklyHistory(review.sessions, calendar.timeZone, now);
  const days = settings.reviewDays.length ? [...settings.reviewDays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_NAMES[d]).join('·') : '없음';

  return (
    <section aria-labelledby="review-title" className="review">
      <h1 id="review-title">주말 복습</h1>
      <p className="lead">간격 반복(FSRS)으로 잊을 때쯤 다시 봅니다. 다음 복습 날짜는 복습하는 요일({days})에 맞춰 잡힙니다.</p>
      {problem && <p className="message error" role="alert">{problem}</p>}
      <dl className="stats" aria-label="복습 현황">
        <div><dt>지금 복습할 카드</dt><dd>{due}</dd></div>
        <div><dt>연속 복습 주말</dt><dd>{streak.current}</dd></div>
        <div><dt>최장 연속</dt><dd>{streak.longest}</dd></div>
        <div><dt>이번 주</dt><dd className="small-dd">{streak.thisWeekDone ? '완료 ✓' : '아직'}</dd></div>
      </dl>
      {finished && <SessionSummaryView session={finished} all={all} />}
      <div className="card">
        <h2>복습 세션 시작</h2>
        <p className="muted">복습할 카드, 정답률이 낮은 범주, 새 문제 순서로 채웁니다. 문제당 약 30초로 계산합니다.</p>
        <div className="row">
          {LENGTHS.map((m) => (
            <button key={m} className="btn primary" onClick={() => start(m)}>{m}분</button>
          ))}
          <button className="btn" onClick={() => go('settings')}>복습 요일·알림 설정</button>
        </div>
      </div>
      <div className="card">
        <h2>주별 기록</h2>
        {review.sessions.some((s) => s.status === 'finished') ? <HistoryChart weeks={weeks} /> : <p className="muted">끝낸 세션이 아직 없습니다. 첫 세션을 마치면 주별 기록이 그려집니다.</p>}
      </div>
    </section>
  );
}
