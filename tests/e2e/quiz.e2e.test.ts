import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, shot, type Session } from './browser';

describe('a learner takes a quiz by keyboard', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light' });
    await s.page.goto(inject('baseUrl'));
    await s.page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers ten questions with number keys and Enter, then sees the result and the saved accuracy', async () => {
    const page = s.page;
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: '시작' }).click();
    for (let i = 1; i <= 10; i++) {
      await expect.poll(() => page.locator('.quiz > p.muted').textContent()).toContain(`${i} / 10`);
      const cards = page.locator('.sort-card');
      if ((await cards.count()) > 0) {
        // Sort questions: put every card in bucket 1 from the keyboard, then Enter submits.
        while ((await page.locator('.sort-zone.unplaced .sort-card').count()) > 0) {
          await page.locator('.sort-zone.unplaced .sort-card').first().focus();
          await page.keyboard.press('1');
        }
        await page.locator('.sort-card').first().focus();
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press(String(1 + (i % 2)));
      }
      await page.getByRole('status').waitFor();
      if (i === 1) await shot(page, 'quiz-feedback-light');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^결과: 10문제 중 \d+문제 정답$/);
    await shot(page, 'quiz-result-light');
    const answered = await page.getByRole('table', { name: '범주별 정답률' }).locator('tbody tr td:nth-child(2)').allTextContents();
    expect(answered.map(Number).reduce((a, b) => a + b, 0)).toBe(10);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('.stats').textContent()).toContain('푼 퀴즈 문제10');
  });
});
