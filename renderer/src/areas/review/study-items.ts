import { GlossarySchema, type GlossaryEntry } from '../../../../content/schema';
import glossaryJson from '../../../../content/glossary.json';
import type { QuizItem } from '../../../../content/quiz/types';
import { allQuizItems } from '../quiz/quiz-bank';
import type { StudyItem } from '../../review';

/** A note flashcard: a glossary term on the front, its definition on the back, graded by the learner. */
export interface Flashcard {
  id: string;
  term: string;
  back: string;
  noteId: string;
}

export type Reviewable = { kind: 'quiz'; item: QuizItem } | { kind: 'card'; card: Flashcard };

const FLASHCARD_CATEGORY = 'glossary';

function flashcards(entries: GlossaryEntry[]): Flashcard[] {
  return entries.map((g) => ({ id: `note:${g.noteId}:${g.term}`, term: g.term, back: `${g.en !== g.term ? `${g.en} — ` : ''}${g.ko}`, noteId: g.noteId }));
}

/** Everything the review can schedule, by id: quiz questions and note flashcards. */
export function reviewables(): Map<string, Reviewable> {
  const all = new Map<string, Reviewable>();
  for (const item of allQuizItems()) all.set(item.id, { kind: 'quiz', item });
  for (const card of flashcards(GlossarySchema.parse(glossaryJson))) all.set(card.id, { kind: 'card', card });
  return all;
}

export function studyItems(all: Map<string, Reviewable>): StudyItem[] {
  return [...all.entries()].map(([id, r]) => ({ id, category: r.kind === 'quiz' ? r.item.category : FLASHCARD_CATEGORY }));
}
