// A review session is one plain JSON object (reviewSessionSchema), saved after every answer, so closing the app
// mid-session loses nothing: resume() validates what was saved and the learner continues at `index`.
import type { z } from 'zod';
import { reviewSessionSchema } from '../../../electron/common/documents';
import type { CardJson } from './card-state';
import { ReviewDataError, issuePath } from './errors';
import { gradeAnswer, type AnswerResult } from './grade';
import { buildSessionPlan, type PlanInput } from './session-plan';

export type ReviewSession = z.infer<typeof reviewSessionSchema>;
export type SessionAnswer = ReviewSession['answers'][number];

export function startSession(input: PlanInput): ReviewSession {
  const plan = buildSessionPlan(input);
  const startedAt = input.now.toISOString();
  return {
    id: `session-${startedAt}`,
    status: 'in-progress',
    seed: input.seed,
    lengthMinutes: input.lengthMinutes,
    startedAt,
    finishedAt: null,
    items: plan.items,
    scenarioId: plan.scenarioId,
    index: 0,
    answers: [],
    nextDue: {},
  };
}

/** The item the learner is on, or null when every planned item is answered. */
export function currentItem(session: ReviewSession): ReviewSession['items'][number] | null {
  return session.items[session.index] ?? null;
}

/** Records the answer to the current item; the grade FSRS will get is fixed here and saved with it. */
export function answer(session: ReviewSession, itemId: string, result: AnswerResult, now: Date): ReviewSession {
  if (session.status !== 'in-progress') throw new ReviewDataError('이미 끝난 복습 세션에는 답할 수 없습니다.');
  const expected = currentItem(session);
  if (!expected) throw new ReviewDataError('이 세션의 문항을 모두 풀었습니다. 세션을 마치세요.');
  if (expected.itemId !== itemId) {
    throw new ReviewDataError(`지금 답할 문항은 '${expected.itemId}'입니다 ('${itemId}'가 아님).`);
  }
  const rating = gradeAnswer(result);
  const entry: SessionAnswer = {
    itemId,
    correct: result.correct,
    responseMs: Math.round(result.responseMs),
    confidence: result.confidence ?? null,
    rating,
    answeredAt: now.toISOString(),
  };
  return { ...session, index: session.index + 1, answers: [...session.answers, entry] };
}

/** Ends the session (also early); keeps each answered item's due date as it stands now, for the summary. */
export function finish(session: ReviewSession, cards: Readonly<Record<string, CardJson>>, now: Date): ReviewSession {
  if (session.status !== 'in-progress') throw new ReviewDataError('이미 끝난 복습 세션입니다.');
  const nextDue: Record<string, string> = {};
  for (const a of session.answers) {
    const card = cards[a.itemId];
    if (card) nextDue[a.itemId] = card.due;
  }
  return { ...session, status: 'finished', finishedAt: now.toISOString(), nextDue };
}

/**
 * Validates a saved session (a JSON string or an already parsed value) before the learner continues it.
 * Beyond the schema, the parts must agree: answers follow the planned items in order and `index` counts them.
 */
export function resume(json: unknown): ReviewSession {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch {
      throw new ReviewDataError('저장된 복습 세션을 읽을 수 없습니다: JSON 형식이 아닙니다.');
    }
  }
  const parsed = reviewSessionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ReviewDataError(`저장된 복습 세션이 손상되었습니다 (${issuePath(parsed.error.issues)}).`);
  }
  const s = parsed.data;
  if (s.index !== s.answers.length || s.answers.length > s.items.length) {
    throw new ReviewDataError('저장된 복습 세션이 손상되었습니다: 진행 위치(index)가 답의 수와 맞지 않습니다.');
  }
  if (new Set(s.items.map((i) => i.itemId)).size !== s.items.length) {
    throw new ReviewDataError('저장된 복습 세션이 손상되었습니다: 같은 문항이 두 번 들어 있습니다.');
  }
  const misplaced = s.answers.findIndex((a, i) => a.itemId !== s.items[i]?.itemId);
  if (misplaced >= 0) {
    throw new ReviewDataError(`저장된 복습 세션이 손상되었습니다: ${misplaced + 1}번째 답이 계획된 문항과 다릅니다.`);
  }
  if ((s.status === 'finished') !== (s.finishedAt !== null)) {
    throw new ReviewDataError('저장된 복습 세션이 손상되었습니다: 완료 상태와 완료 시각이 맞지 않습니다.');
  }
  return s;
}
