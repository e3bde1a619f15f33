import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IN_PAGE_IDB, openBrowser, shot, type Session } from './browser';

describe('a learner reads the notes', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light' });
    await s.page.goto(inject('baseUrl'));
    await s.page.getByRole('heading', { level: 1 }).waitFor();
    await s.page.keyboard.press('Alt+2');
    try {
      await s.page.getByTestId('note-body').waitFor({ timeout: 10_000 });
    } catch (e) {
      await shot(s.page, 'notes-failed-to-open');
      throw e;
    }
  });
  afterAll(async () => {
    await s.close();
  });
  const h1 = () => s.page.getByRole('heading', { level: 1 }).textContent();
  const side = () => s.page.getByRole('complementary', { name: '노트 목록' });

  it('opens on the first note, with its diagram drawn and AWS documentation linked', async () => {
    await expect.poll(h1).toContain('CloudTrail');
    // Drawn inline, named by the note's alt text, at the note column's width with its own proportions.
    const diagram = s.page.getByRole('img', { name: /CloudTrail 레코드가 되어/ });
    await diagram.waitFor({ state: 'attached' });
    // Below the window and never drawn yet, its box already has the drawing's proportions (the page would
    // otherwise jump when it is first drawn): measured without reading anything inside it.
    const unseen = await diagram.evaluate((d) => {
      const box = d.getBoundingClientRect();
      return { top: box.top, width: box.width, height: box.height, ratio: getComputedStyle(d).aspectRatio };
    });
    expect(unseen.top).toBeGreaterThan(800);
    expect(unseen.ratio).toBe('1060 / 600');
    expect(unseen.height).toBeCloseTo(((unseen.width - 18) * 600) / 1060 + 18, 0);
    const drawn = await diagram.evaluate((d) => {
      const svg = d.querySelector('svg')!.getBoundingClientRect();
      const box = d.getBoundingClientRect();
      return { width: svg.width, ratio: svg.width / svg.height, boxHeight: box.height, svgHeight: svg.height, text: d.textContent ?? '' };
    });
    expect(drawn.width).toBeGreaterThan(500);
    expect(drawn.ratio).toBeCloseTo(1060 / 600, 2);
    // The box kept for it while off screen is the drawing's height plus padding and border (0.5rem, 1px).
    expect(drawn.boxHeight).toBeCloseTo(drawn.svgHeight + 18, 0);
    expect(drawn.text).toContain('EventBridge 규칙');
    const links = await s.page.getByRole('region', { name: 'AWS 문서' }).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    await shot(s.page, 'notes-overview-light');
  });

  it('finds notes by a Korean word and opens a result', async () => {
    await side().getByRole('searchbox').fill('90일');
    const results = s.page.getByRole('region', { name: '검색 결과' }).getByRole('button');
    await expect.poll(() => results.count()).toBeGreaterThan(1);
    await results.filter({ hasText: '이벤트 기록' }).first().click();
    await expect.poll(h1).toContain('이벤트 기록');
    await shot(s.page, 'notes-search-light');
    await side().getByRole('searchbox').fill('');
  });

  it('explains a glossary term when it gets keyboard focus', async () => {
    const term = s.page.locator('dfn.term').first();
    await term.focus();
    const def = await term.getAttribute('data-def');
    expect(def).toMatch(/.+: .+/);
    const shown = await term.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(shown).toContain(def!.slice(0, 10));
    await shot(s.page, 'notes-glossary-light');
  });

  it('keeps read state and bookmarks across a reload', async () => {
    await s.page.getByRole('button', { name: '읽음으로 표시' }).click();
    await s.page.getByRole('button', { name: '☆ 책갈피' }).click();
    // The reload waits for the bookmark's save to be written (it starts at the click; a reload in the same
    // millisecond could cut it short, which made this test fail once on a clean checkout).
    await expect.poll(() => s.page.evaluate(IN_PAGE_IDB, { op: 'get', key: 'trailwatch:progress' })).toMatch(/"bookmarks":\["[^"]+"/);
    await s.page.reload();
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => s.page.locator('.stats').textContent()).toMatch(/읽은 노트1.*책갈피1/);
    await s.page.keyboard.press('Alt+2');
    await expect.poll(() => side().getByRole('button', { name: /이벤트 기록/ }).textContent()).toMatch(/★.*✓/);
  });

  it('keeps the place in a note while the learner looks at another screen, and opens another note at its top', async () => {
    const page = s.page;
    const main = page.locator('main#main');
    await page.keyboard.press('Alt+2');
    await page.locator('main[data-area="notes"] h1:visible').waitFor();
    await main.evaluate((m) => m.scrollTo(0, 900));
    await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBe(900);
    await page.keyboard.press('Alt+1');
    await page.locator('main[data-area="home"] h1:visible').waitFor();
    expect(await main.evaluate((m) => m.scrollTop)).toBe(0);
    await page.keyboard.press('Alt+2');
    await page.locator('main[data-area="notes"] h1:visible').waitFor();
    expect(await main.evaluate((m) => m.scrollTop)).toBe(900);
    await side().getByRole('button', { name: /CloudTrail Insights/ }).click();
    await expect.poll(h1).toContain('Insights');
    expect(await main.evaluate((m) => m.scrollTop)).toBe(0);
  });
});
