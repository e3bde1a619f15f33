import type { Page } from 'playwright-core';

/** Answers the sort question on screen from the keyboard: every card into bucket 1, then Enter submits. */
export async function sortAllIntoFirstBucket(page: Page): Promise<void> {
  while ((await page.locator('.sort-zone.unplaced .sort-card').count()) > 0) {
    await page.locator('.sort-zone.unplaced .sort-card').first().focus();
    await page.keyboard.press('1');
  }
  await page.locator('.sort-card').first().focus();
  await page.keyboard.press('Enter');
}
