import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../content/schema';
import { quizCatalog } from '../../content/quiz/bank';

describe('"시뮬레이터에서 해보기" links in the notes', () => {
  it('name only actions the simulator really has', () => {
    const apis = new Set(quizCatalog().map((d) => d.api));
    const dir = join(process.cwd(), 'content', 'notes');
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const { frontMatter } = parseNote(readFileSync(join(dir, file), 'utf8'));
      for (const t of frontMatter.tryInSimulator ?? []) if (!apis.has(t.api)) missing.push(`${file}: ${t.api}`);
    }
    expect(missing).toEqual([]);
  });
});
