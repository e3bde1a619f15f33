import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote, noteHeadings } from '../../content/schema';
import { loadNotes, noteFileNames, notesDir, readContent } from './load';

const REQUIRED_TOPICS = [
  'cloudtrail-overview',
  'event-types',
  'event-history',
  'trails',
  'record-contents',
  'log-file-integrity',
  'cloudtrail-insights',
  'cloudwatch-overview',
  'cloudwatch-metrics',
  'cloudwatch-alarms',
  'cloudwatch-dashboards',
  'eventbridge-notifications',
  'metric-filters-cis',
];

describe('study notes', () => {
  const notes = loadNotes();

  it('every note file parses and validates, and its id is its file name', () => {
    expect(noteFileNames().length).toBeGreaterThanOrEqual(REQUIRED_TOPICS.length);
    for (const note of notes) {
      expect(`${note.frontMatter.id}.md`).toBe(note.fileName);
      expect(note.body.trim().length).toBeGreaterThan(500);
    }
  });

  it('covers every topic the study issue asks for', () => {
    const ids = notes.map((n) => n.frontMatter.id);
    for (const topic of REQUIRED_TOPICS) expect(ids).toContain(topic);
  });

  it('has unique ids and a unique order for the sidebar', () => {
    const ids = notes.map((n) => n.frontMatter.id);
    const orders = notes.map((n) => n.frontMatter.order);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('cites only https pages on docs.aws.amazon.com', () => {
    for (const note of notes) {
      for (const doc of note.frontMatter.awsDocs) {
        const url = new URL(doc.url);
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toBe('docs.aws.amazon.com');
      }
    }
  });

  it('starts each body with one level-1 heading equal to the title', () => {
    for (const note of notes) {
      const first = note.body.split('\n').find((l) => l.trim() !== '');
      expect(first).toBe(`# ${note.frontMatter.title}`);
      expect(noteHeadings(note.body).length).toBeGreaterThan(3);
    }
  });

  it('never spells the record field as awsResion in our own teaching text', () => {
    const files = readdirSync(notesDir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.md') || f.endsWith('.svg'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(notesDir, f), 'utf8')).not.toMatch(/awsResion/i);
    expect(notes.some((n) => n.body.includes('awsRegion'))).toBe(true);
  });

  it('teaches every API name the learner wrote down', () => {
    const seed = readContent('seed/learner-notes.md');
    const apis = ['AttachRolePolicy', 'CreateDefaultVpc', 'CreateSubnet', 'CreateTrail', 'GetObject', 'DeleteObject',
      'PutObject', 'Invoke', 'DeleteBucket', 'ConsoleLogin'];
    const allBodies = notes.map((n) => n.body).join('\n');
    for (const api of apis) {
      expect(seed.toLowerCase()).toContain(api.toLowerCase());
      expect(allBodies).toMatch(new RegExp(`\\b${api}\\b`));
    }
  });

  it('teaches the November 2021 change of global service events', () => {
    const history = notes.find((n) => n.frontMatter.id === 'event-history');
    expect(history?.body).toContain('2021년 11월 22일');
    expect(history?.body).toContain('us-east-1');
  });

  it('points every relative image at a file that exists', () => {
    let images = 0;
    for (const note of notes) {
      for (const m of note.body.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const target = m[1] ?? '';
        expect(target).not.toMatch(/^https?:/);
        expect(existsSync(join(notesDir, target))).toBe(true);
        images += 1;
      }
    }
    expect(images).toBeGreaterThan(0);
  });

  it('draws the flow diagram with Korean labels and a Korean-capable font stack', () => {
    const svg = readFileSync(join(notesDir, 'diagrams', 'event-flow.svg'), 'utf8');
    expect(svg).toContain("'Noto Sans CJK KR', 'NanumGothic', sans-serif");
    for (const label of ['CloudTrail 레코드', '이벤트 기록', 'S3 버킷', 'CloudWatch Logs', '지표 필터', '경보', 'SNS 주제',
      'EventBridge 규칙', '입력 변환기']) {
      expect(svg).toContain(label);
    }
  });

  it('keeps diagrams safe and self-contained to draw inline under the app\'s CSP', () => {
    const dir = join(notesDir, 'diagrams');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.svg'))) {
      const svg = readFileSync(join(dir, file), 'utf8');
      // The note sizes the drawing's box from the root's viewBox and names it by its own alt text.
      expect(svg, file).toMatch(/^<svg\b[^>]*\sviewBox="\d+(?:\.\d+)? \d+(?:\.\d+)? \d+(?:\.\d+)? \d+(?:\.\d+)?"[^>]*>/);
      expect(svg, file).toMatch(/^<svg\b[^>]*\saria-labelledby="[^"]+"/);
      // style-src 'self' forbids <style> and style attributes on the page; no script, handlers or outside links.
      expect(svg, file).not.toMatch(/<style|\sstyle=|<script|\son[a-z]+=|<foreignObject|href="(?!#)/i);
      // Ids share the page with the note's own: each is prefixed with the file's name.
      const prefix = file.replace(/\.svg$/, '') + '-';
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id!);
      expect(ids.length, file).toBeGreaterThan(0);
      for (const id of ids) expect(id.startsWith(prefix), `${file}: ${id}`).toBe(true);
      for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids, `${file}: url(#${ref})`).toContain(ref);
    }
  });

  it('offers simulator links in the catalog form service:Action', () => {
    const apis = notes.flatMap((n) => n.frontMatter.tryInSimulator ?? []).map((l) => l.api);
    expect(apis).toContain('signin:ConsoleLogin');
    expect(apis).toContain('s3:PutObject');
    for (const api of apis) expect(api).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
  });
});

describe('parseNote', () => {
  const valid = `---
id: sample-note
title: 예시
order: 1
summary: 요약
awsDocs:
  - title: Doc
    url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-user-guide.html
---
# 예시

본문`;

  it('splits the front matter from the body', () => {
    const note = parseNote(valid);
    expect(note.frontMatter.id).toBe('sample-note');
    expect(note.frontMatter.tags).toEqual([]);
    expect(note.body.startsWith('# 예시')).toBe(true);
  });

  it('rejects text without front matter', () => {
    expect(() => parseNote('# 제목만 있음')).toThrow(/front matter/);
  });

  it('rejects documentation links outside docs.aws.amazon.com', () => {
    expect(() => parseNote(valid.replace('https://docs.aws.amazon.com', 'https://example.com'))).toThrow();
    expect(() => parseNote(valid.replace('https://docs.aws.amazon.com', 'http://docs.aws.amazon.com'))).toThrow();
  });

  it('rejects an id that is not kebab-case', () => {
    expect(() => parseNote(valid.replace('id: sample-note', 'id: Sample Note'))).toThrow();
  });

  it('finds headings but not comment lines inside code fences', () => {
    expect(noteHeadings('# A\n```bash\n# not a heading\n```\n## B')).toEqual(['A', 'B']);
  });
});
