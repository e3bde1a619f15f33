import { ConceptualQuizSchema } from '../../../../content/schema';
import conceptualJson from '../../../../content/quiz/conceptual.json';
import type { QuizItem } from '../../../../content/quiz/types';

/** Hand-written conceptual questions; generated catalog questions join them through `allQuizItems`. */
export const CONCEPTUAL: QuizItem[] = ConceptualQuizSchema.parse(conceptualJson).map((q) => ({ ...q }));

export function allQuizItems(): QuizItem[] {
  return CONCEPTUAL;
}
