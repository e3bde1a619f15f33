import { normalize, plainText } from './note-library';

export interface SearchableNote {
  meta: { id: string; title: string; summary: string };
  body: string;
  searchText: string;
}

export interface SearchHit {
  id: string;
  title: string;
  /** A window of the note's text around the first match. */
  snippet: string;
  score: number;
}

/**
 * Substring search, which suits Korean: 조사 stick to nouns ("이벤트를", "추적에서"), so word tokenizers miss them,
 * while a substring of the stem still matches. Every word of the query must appear.
 */
export function searchNotes(notes: SearchableNote[], query: string): SearchHit[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const note of notes) {
    if (!words.every((w) => note.searchText.includes(w))) continue;
    const title = normalize(note.meta.title);
    let score = 0;
    for (const w of words) {
      if (title.includes(w)) score += 100;
      score += Math.min(20, note.searchText.split(w).length - 1);
    }
    hits.push({ id: note.meta.id, title: note.meta.title, snippet: snippetAround(plainText(note.body), words[0]!), score });
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'ko'));
}

function snippetAround(text: string, word: string): string {
  const at = normalize(text).indexOf(word);
  if (at < 0) return text.slice(0, 90);
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + word.length + 50);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
