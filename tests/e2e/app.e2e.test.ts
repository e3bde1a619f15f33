import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IN_PAGE_IDB, openBrowser, renderedFonts, shot, type Session } from './browser';

/** Each area's navigation label and the page heading it opens on. */
const AREAS: [string, RegExp][] = [
  ['노트', /CloudTrail/],
  ['시뮬레이터', /시뮬레이터/],
  ['퀴즈', /^퀴즈$/],
  ['복습', /^주말 복습$/],
  ['시나리오', /^시나리오$/],
  ['설정', /^설정$/],
];

describe('a new learner walks the web app', () => {
  let s: Session;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light' });
    await s.page.goto(baseUrl);
  });
  afterAll(async () => {
    await s.close();
  });

  const theme = () => s.page.evaluate(() => document.documentElement.dataset.theme);
  const nav = (label: string) => s.page.getByRole('navigation', { name: '학습 영역' }).getByRole('button', { name: new RegExp(`^${label}`) });

  it('opens on the Korean home screen with every area reachable', async () => {
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).textContent()).toBe('CloudTrail·CloudWatch를 직접 해 보며 배우기');
    expect(await theme()).toBe('light');
    // Hangul must be drawn with a real Korean font, not boxes: ask Chromium which fonts drew the heading.
    expect((await renderedFonts(s.page, 'h1')).join(',')).toMatch(/Nanum|Noto Sans (CJK|KR)/);
    await shot(s.page, 'home-light');
    for (const [label, heading] of AREAS) {
      await nav(label).click();
      await expect.poll(() => s.page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(heading);
    }
  });

  it('is usable by keyboard: Alt+number jumps, arrows move through the areas, Enter opens', async () => {
    await s.page.keyboard.press('Alt+3');
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/시뮬레이터/);
    await nav('홈').focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).textContent()).toContain('CloudTrail');
    await shot(s.page, 'notes-light');
  });

  it('switches to the dark theme and keeps it', async () => {
    await nav('설정').click();
    await s.page.getByRole('radio', { name: '어둡게' }).check();
    expect(await theme()).toBe('dark');
    await shot(s.page, 'settings-dark');
    await nav('홈').click();
    await shot(s.page, 'home-dark');
  });

  let exportedPath = '';
  it('exports progress to a JSON file', async () => {
    await nav('설정').click();
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: '내보내기 (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^trailwatch-progress-\d{8}\.json$/);
    exportedPath = join(await mkdtemp(join(tmpdir(), 'tw-export-')), file.suggestedFilename());
    await file.saveAs(exportedPath);
    const exported = JSON.parse(await readFile(exportedPath, 'utf8')) as { format: string; documents: { settings: { data: { theme: string } } } };
    expect(exported.format).toBe('trailwatch-export');
    expect(exported.documents.settings.data.theme).toBe('dark');
  });

  it('resets everything only after confirmation', async () => {
    await s.page.getByRole('button', { name: '모든 진도 초기화…' }).click();
    const dialog = s.page.getByRole('dialog', { name: '모든 진도를 초기화할까요?' });
    await dialog.waitFor();
    await shot(s.page, 'settings-reset-dialog-dark');
    await dialog.getByRole('button', { name: '취소' }).click();
    expect(await theme()).toBe('dark');
    await s.page.getByRole('button', { name: '모든 진도 초기화…' }).click();
    await dialog.getByRole('button', { name: '초기화' }).click();
    await expect.poll(() => s.page.getByRole('status').textContent()).toBe('모든 학습 데이터를 초기화했습니다.');
    expect(await theme()).toBe('light');
  });

  it('refuses a bad import with a Korean message and changes nothing', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'tw-bad-')), 'notes.json');
    await writeFile(bad, 'this is not a Trailwatch export');
    await s.page.getByTestId('import-file').setInputFiles(bad);
    await expect.poll(() => s.page.getByRole('alert').textContent()).toContain('JSON 형식이 아닙니다');
    await shot(s.page, 'settings-bad-import-light');
    expect(await theme()).toBe('light');
  });

  it('imports the exported file back, and the data survives a reload', async () => {
    await s.page.getByTestId('import-file').setInputFiles(exportedPath);
    await expect.poll(() => s.page.getByRole('status').textContent()).toContain('학습 데이터를 가져왔습니다');
    expect(await theme()).toBe('dark');
    await s.page.reload();
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await theme()).toBe('dark');
    await nav('설정').click();
    await expect.poll(() => s.page.getByRole('radio', { name: '어둡게' }).isChecked()).toBe(true);
  });

  it('keeps a corrupt saved document aside and tells the learner', async () => {
    // The app keeps its documents in IndexedDB ("trailwatch" database, "documents" store) as JSON text.
    await s.page.evaluate(IN_PAGE_IDB, { op: 'put', key: 'trailwatch:progress', value: '{"version":1,"data":{"notesRe' });
    await s.page.reload();
    await expect.poll(() => s.page.getByRole('alert').textContent()).toContain('학습 진도 데이터가 손상되어');
    const keys = (await s.page.evaluate(IN_PAGE_IDB, { op: 'keys' })) as string[];
    expect(keys.filter((k) => k.startsWith('trailwatch:progress.corrupt-'))).toHaveLength(1);
    await shot(s.page, 'home-corrupt-notice-dark');
    // A note read half-way with the notice above it; the notice dismissed elsewhere; back in the note, the
    // same lines are where they were (the column is the notice's height shorter now).
    const main = s.page.locator('main#main');
    await s.page.keyboard.press('Alt+2');
    await s.page.locator('main[data-area="notes"] h1:visible').waitFor();
    await main.evaluate((m) => m.scrollTo(0, 900));
    const heading = s.page.locator('main[data-area="notes"] .area-kept:not([data-away]) h2').nth(2);
    const where = () => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top));
    await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBe(900);
    const before = await where();
    await s.page.keyboard.press('Alt+1');
    await s.page.locator('main[data-area="home"] h1:visible').waitFor();
    await s.page.getByRole('button', { name: '확인', exact: true }).click();
    await expect.poll(() => s.page.getByRole('alert').count()).toBe(0);
    await s.page.keyboard.press('Alt+2');
    await s.page.locator('main[data-area="notes"] h1:visible').waitFor();
    expect(await where()).toBe(before);
    expect(await main.evaluate((m) => m.scrollTop)).toBeLessThan(900);
  });
});

describe('the system theme', () => {
  it('follows a dark system setting while the theme is "system"', async () => {
    const s = await openBrowser({ colorScheme: 'dark' });
    try {
      await s.page.goto(inject('baseUrl'));
      await s.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await s.close();
    }
  });
});
