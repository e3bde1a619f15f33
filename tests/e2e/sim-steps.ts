import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';

/** Opens the 시뮬레이터 area on a new sandbox, once its setup calls are listed. */
export async function openSimulator(page: Page): Promise<void> {
  // A step that cannot happen fails with its own locator in the message, not as a test timeout.
  page.setDefaultTimeout(15_000);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Alt+3');
  await page.getByTestId('sim-clock').waitFor();
  // The new sandbox's setup calls (alice, bob, OpsAdmin) are listed before the learner acts.
  await page.locator('.sim-call').nth(5).waitFor();
}

export async function pickAction(page: Page, eventName: string): Promise<void> {
  await page.locator('.sim-action', { hasText: new RegExp(`^${eventName}`) }).first().click();
  await expect.poll(() => page.locator('#sim-form-title').textContent()).toContain(eventName);
}

/** Presses 호출 and waits for the call to be listed. */
export async function call(page: Page): Promise<void> {
  const before = await page.locator('.sim-call').count();
  await page.getByRole('button', { name: '호출', exact: true }).click();
  await expect.poll(() => page.locator('.sim-call').count()).toBeGreaterThan(before);
}

export const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
