import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, shot, type Session } from './browser';
import { sortAllIntoFirstBucket } from './quiz-steps';

describe('a learner reviews on the weekend', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'dark' });
    await s.page.goto(inject('baseUrl'));
    await s.page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  const progressText = () => s.page.locator('.session-progress').textContent();

  /** Answers whatever is shown: a flashcard (Space, then 3) or a question (a number, then Enter). */
  async function answerCurrent(): Promise<void> {
    const page = s.page;
    if (await page.locator('.flashcard').count()) {
      await page.keyboard.press(' ');
      await page.getByRole('button', { name: /알았어요$/ }).first().waitFor();
      await page.keyboard.press('3');
    } else if (await page.locator('.sort-card').count()) {
      await sortAllIntoFirstBucket(page);
      await page.getByRole('status').waitFor();
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('1');
      await page.getByRole('status').waitFor();
      await page.keyboard.press('2');
    }
  }

  it('starts a 15-minute session, answers two items, closes the page and finds the session where it left off', async () => {
    const page = s.page;
    await page.keyboard.press('Alt+5');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('주말 복습');
    await shot(page, 'review-dashboard-dark');
    await page.getByRole('button', { name: '15분' }).click();
    await expect.poll(progressText).toMatch(/1 \/ (\d+)/);
    const total = Number(/1 \/ (\d+)/.exec((await progressText()) ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(20);
    await answerCurrent();
    await expect.poll(progressText).toContain(`2 / ${total}`);
    await answerCurrent();
    await expect.poll(progressText).toContain(`3 / ${total}`);
    await shot(page, 'review-session-dark');

    // Close the page mid-session and open the app again.
    const context = page.context();
    await page.close();
    const again = await context.newPage();
    s.page = again;
    await again.goto(inject('baseUrl'));
    await again.getByRole('heading', { level: 1 }).waitFor();
    await again.keyboard.press('Alt+5');
    await expect.poll(progressText).toContain(`3 / ${total}`);
  });

  it('ends the session early and shows a summary, the streak and the weekly history', async () => {
    const page = s.page;
    await page.getByRole('button', { name: '세션 끝내기' }).click();
    const summary = page.getByRole('status', { name: '세션 요약' });
    await expect.poll(() => summary.textContent()).toMatch(/세션 요약: 2문제 중 \d문제 정답/);
    await expect.poll(() => page.locator('.recharts-wrapper').count()).toBe(1);
    await shot(page, 'review-summary-dark');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Alt+5');
    await expect.poll(() => page.getByRole('img', { name: /복습 기록/ }).getAttribute('aria-label')).toMatch(/2문제/);
  });
});
