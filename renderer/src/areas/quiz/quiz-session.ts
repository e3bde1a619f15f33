import type { QuizItem } from '../../../../content/quiz/types';

export type Answer = { kind: 'choice'; index: number } | { kind: 'sort'; buckets: number[] };

/** Right or wrong, for every format: a sort is right only when every card is in its bucket. */
export function isCorrect(item: QuizItem, answer: Answer): boolean {
  if (answer.kind === 'choice') return item.format !== 'sort' && answer.index === item.answerIndex;
  const cards = item.sort?.cards ?? [];
  return cards.length > 0 && cards.every((c, i) => answer.buckets[i] === c.bucket);
}

/** A fresh order each quiz (the UI is not the simulator, so plain randomness is right here). */
export function pickItems(items: QuizItem[], count: number, random: () => number = Math.random): QuizItem[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}
