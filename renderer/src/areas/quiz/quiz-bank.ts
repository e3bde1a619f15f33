import { ConceptualQuizSchema } from '../../../../content/schema';
import conceptualJson from '../../../../content/quiz/conceptual.json';
import type { QuizItem } from '../../../../content/quiz/types';
import { generatedQuizItems } from '../../../../content/quiz/bank';

/** Hand-written conceptual questions. */
export const CONCEPTUAL: QuizItem[] = ConceptualQuizSchema.parse(conceptualJson).map((q) => ({ ...q }));

let all: QuizItem[] | null = null;

/** Conceptual questions plus those generated from the simulator's catalog and records (built once, on first use). */
export function allQuizItems(): QuizItem[] {
  all ??= [...CONCEPTUAL, ...generatedQuizItems()];
  return all;
}
