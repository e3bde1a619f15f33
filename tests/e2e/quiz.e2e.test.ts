import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, shot, type Session } from './browser';
import { sortAllIntoFirstBucket } from './quiz-steps';

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
        await sortAllIntoFirstBucket(page);
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

  it('keeps a quiz half-way while the learner reads a note, and keys typed there do not answer it', async () => {
    const page = s.page;
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: '시작' }).click();
    // Up to the first choice question (sort questions answer by their own board).
    let i = 1;
    for (; (await page.locator('.sort-card').count()) > 0; i++) {
      await sortAllIntoFirstBucket(page);
      await page.getByRole('status').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.quiz > p.muted').textContent()).toContain(`${i + 1} / 10`);
    }
    const prompt = await page.locator('.question .prompt').textContent();
    await page.keyboard.press('Alt+2');
    await page.locator('main[data-area="notes"] h1:visible').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+4');
    await expect.poll(() => page.locator('.quiz > p.muted').textContent()).toContain(`${i} / 10`);
    expect(await page.locator('.question .prompt').textContent()).toBe(prompt);
    expect(await page.locator('.quiz').getByRole('status').count()).toBe(0);
    // Shown again, the quiz answers its keys.
    await page.keyboard.press('1');
    await page.locator('.quiz').getByRole('status').waitFor();
    // Answered and left: Enter typed on another screen does not move it to the next question.
    await page.keyboard.press('Alt+2');
    await page.locator('main[data-area="notes"] h1:visible').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+4');
    await page.locator('main[data-area="quiz"] h1:visible').waitFor();
    expect(await page.locator('.quiz > p.muted').textContent()).toContain(`${i} / 10`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.quiz > p.muted').textContent()).toContain(`${i + 1} / 10`);
  });
});
