// Turns one answer into one of FSRS's four grades. Right/wrong alone would throw away what FSRS needs most:
// how easily the learner recalled. Speed and the learner's own confidence stand in for that.
import { Rating, type Grade } from 'ts-fsrs';

export type Confidence = 'unsure' | 'sure';

export interface AnswerResult {
  correct: boolean;
  /** From showing the question to answering it. */
  responseMs: number;
  /** The learner's own choice after answering, when the UI asks; absent means not asked. */
  confidence?: Confidence | null;
  /** How long this item should take a prepared learner (reading a JSON record takes longer than true/false). */
  expectedMs?: number;
}

/** A short multiple-choice or true/false question: 15 s is the "slow" line (twice this). */
export const DEFAULT_EXPECTED_MS = 7_500;

/**
 * - wrong → Again.
 * - right but slow (more than 2 × expected, i.e. > 15 s by default) or marked 'unsure' → Hard: recalled with effort.
 * - right, fast (at most the expected time, 7.5 s by default) and marked 'sure' → Easy.
 * - any other right answer → Good. Easy is never inferred from speed alone: a fast guess must not push a card
 *   months away, so it takes the learner's explicit 'sure'.
 */
export function gradeAnswer(result: AnswerResult): Grade {
  const expected = result.expectedMs ?? DEFAULT_EXPECTED_MS;
  if (!Number.isFinite(result.responseMs) || result.responseMs < 0) {
    throw new RangeError(`응답 시간이 올바르지 않습니다: ${result.responseMs}`);
  }
  if (!Number.isFinite(expected) || expected <= 0) throw new RangeError(`예상 시간이 올바르지 않습니다: ${expected}`);
  if (!result.correct) return Rating.Again;
  if (result.responseMs > 2 * expected || result.confidence === 'unsure') return Rating.Hard;
  if (result.responseMs <= expected && result.confidence === 'sure') return Rating.Easy;
  return Rating.Good;
}
