import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SeedMapSchema, noteHeadings } from '../../content/schema';
import { notesById, notesDir, readContent, readJson } from './load';

/** The learner's lines: every non-empty line after our leading HTML comment. */
function learnerLines(): string[] {
  const text = readContent('seed/learner-notes.md');
  const withoutComment = text.replace(/^<!--[\s\S]*?-->\s*\n/, '');
  expect(withoutComment.length).toBeLessThan(text.length);
  return withoutComment.split('\n').filter((l) => l.trim() !== '');
}

describe('seed-fact map', () => {
  const map = SeedMapSchema.parse(readJson('notes/seed-map.json'));
  const notes = notesById();
  const lines = learnerLines();

  it('keeps the learner notes verbatim behind a label saying they are the original', () => {
    const text = readContent('seed/learner-notes.md');
    expect(text.startsWith('<!--')).toBe(true);
    expect(text.split('\n')[0]).toContain('원본');
    expect(lines).toContain('    - awsResion');
    expect(lines).toContain('주말에 복습!');
  });

  it('maps every line of the learner notes exactly once', () => {
    const mapped = map.entries.map((e) => e.line);
    expect(new Set(mapped).size).toBe(mapped.length);
    for (const line of lines) expect(mapped, `unmapped line: ${line}`).toContain(line);
    for (const line of mapped) expect(lines, `map names a line the notes do not have: ${line}`).toContain(line);
  });

  it('ties each fact to a note that exists, under a heading it has, with a phrase it contains', () => {
    for (const entry of map.entries.filter((e) => e.kind === 'fact' || e.kind === 'heading')) {
      const note = notes.get(entry.noteId ?? '');
      expect(note, `no note ${entry.noteId} for: ${entry.line}`).toBeDefined();
      if (!note) continue;
      expect(note.raw.includes(entry.phrase), `phrase not in ${entry.noteId}: ${entry.phrase}`).toBe(true);
      if (entry.heading) expect(noteHeadings(note.body)).toContain(entry.heading);
    }
  });

  it('maps only list items to facts, and only Markdown headings to headings', () => {
    for (const entry of map.entries) {
      if (entry.kind === 'heading') expect(entry.line).toMatch(/^#{1,6} /);
      if (entry.kind === 'fact') expect(entry.line).toMatch(/^\s*- /);
    }
    expect(map.entries.filter((e) => e.kind === 'fact').length).toBeGreaterThanOrEqual(40);
  });

  it('replaces the broken image with our diagram, referenced by the mapped note', () => {
    const images = map.entries.filter((e) => e.kind === 'image');
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image?.line).toMatch(/!\[[^\]]*\]\(https?:/);
    expect(existsSync(join(notesDir, image?.phrase ?? 'missing'))).toBe(true);
    expect(notes.get(image?.noteId ?? '')?.body).toContain(`](${image?.phrase})`);
  });

  it('hands the weekend-review reminder to the review feature', () => {
    const review = map.entries.filter((e) => e.kind === 'review');
    expect(review).toHaveLength(1);
    expect(review[0]?.line).toBe('주말에 복습!');
    expect(review[0]?.feature).toBe('review');
    expect(review[0]?.noteId).toBeUndefined();
  });

  it('marks the known errors as corrected, with the correct value in the explanation', () => {
    const byLine = new Map(map.entries.map((e) => [e.line, e]));
    const field = byLine.get('    - awsResion');
    expect(field?.corrected).toBe(true);
    expect(field?.explanation).toContain('awsRegion');

    const global = byLine.get('  - IAM, Route 53 등의 글로벌 서비스 이벤트는 모든 리전의 이벤트 기록에 포함');
    expect(global?.corrected).toBe(true);
    expect(global?.noteId).toBe('event-history');
    expect(global?.explanation).toContain('us-east-1');
    expect(global?.explanation).toContain('2021년 11월 22일');

    const device = byLine.get('      - 디바이스 등록 → EC2 CreateDefaultVpc API ');
    expect(device?.explanation).toContain('Registering devices');

    const insight = map.entries.find((e) => e.line.includes('deleteBucket'));
    expect(insight?.corrected).toBe(true);
    expect(insight?.explanation).toContain('DeleteBucket');
  });

  it('explains every correction in Korean', () => {
    for (const entry of map.entries.filter((e) => e.corrected)) {
      expect(entry.explanation).toMatch(/[가-힣]/);
    }
  });
});
