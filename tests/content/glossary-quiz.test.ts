import { describe, expect, it } from 'vitest';
import { ConceptualQuizSchema, GlossarySchema, QUIZ_CATEGORIES } from '../../content/schema';
import { notesById, readJson } from './load';

describe('glossary', () => {
  const glossary = GlossarySchema.parse(readJson('glossary.json'));
  const notes = notesById();

  it('has at least 40 distinct terms with Korean definitions', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(40);
    const spellings = glossary.flatMap((g) => [g.term, ...g.aliases]).map((s) => s.toLowerCase());
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const g of glossary) expect(g.ko).toMatch(/[가-힣]/);
  });

  it('links each term to a note that exists and mentions the term', () => {
    for (const g of glossary) {
      const note = notes.get(g.noteId);
      expect(note, `${g.term} → ${g.noteId}`).toBeDefined();
      const text = note?.raw.toLowerCase() ?? '';
      const mentioned = [g.term, ...g.aliases].some((s) => text.includes(s.toLowerCase()));
      expect(mentioned, `${g.noteId} never mentions ${g.term}`).toBe(true);
    }
  });
});

describe('conceptual quiz', () => {
  const quiz = ConceptualQuizSchema.parse(readJson('quiz/conceptual.json'));
  const notes = notesById();

  it('has at least 60 items with unique ids and prompts', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(60);
    expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
    expect(new Set(quiz.map((q) => q.prompt)).size).toBe(quiz.length);
  });

  it('covers every category', () => {
    const categories = new Set(quiz.map((q) => q.category));
    for (const c of QUIZ_CATEGORIES) expect(categories.has(c), c).toBe(true);
  });

  it('keeps each answer within its choices and links to an existing note', () => {
    for (const q of quiz) {
      expect(q.answerIndex).toBeLessThan(q.choices.length);
      expect(notes.has(q.noteId), `${q.id} → ${q.noteId}`).toBe(true);
      expect(q.explanation).toMatch(/[가-힣]/);
    }
  });

  it('does not put every answer in the same position', () => {
    const positions = new Set(quiz.filter((q) => q.format === 'true-false').map((q) => q.answerIndex));
    expect(positions.size).toBe(2);
  });

  it('rejects an item whose answer is out of range', () => {
    const [first] = quiz;
    expect(first).toBeDefined();
    const broken = [{ ...first, answerIndex: first ? first.choices.length : 9 }];
    expect(() => ConceptualQuizSchema.parse([...broken, ...quiz])).toThrow(/answerIndex/);
  });
});
