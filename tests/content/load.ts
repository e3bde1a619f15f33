// Reads the content folder from disk for the content tests (Node only; the app bundles these files instead).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseNote, type ParsedNote } from '../../content/schema';

export const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
export const notesDir = join(contentDir, 'notes');

export function readContent(relativePath: string): string {
  return readFileSync(join(contentDir, relativePath), 'utf8');
}

export function readJson(relativePath: string): unknown {
  return JSON.parse(readContent(relativePath));
}

export function noteFileNames(): string[] {
  return readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort();
}

export interface LoadedNote extends ParsedNote {
  fileName: string;
  raw: string;
}

export function loadNotes(): LoadedNote[] {
  return noteFileNames().map((fileName) => {
    const raw = readFileSync(join(notesDir, fileName), 'utf8');
    return { fileName, raw, ...parseNote(raw) };
  });
}

export function notesById(): Map<string, LoadedNote> {
  return new Map(loadNotes().map((n) => [n.frontMatter.id, n]));
}
