import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, shot, type Session } from './browser';

const TITLE = '콘솔 로그인을 추적하기';
const LOOKUP = '[{"AttributeKey":"EventName","AttributeValue":"ConsoleLogin"}]';

async function openScenarios(page: Page): Promise<void> {
  page.setDefaultTimeout(15_000);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Alt+6');
  await page.getByRole('heading', { level: 1, name: '시나리오', exact: true }).waitFor();
}

const item = (page: Page) => page.getByTestId('scn-console-login');
const stepCard = (page: Page) => page.getByTestId('scn-step');

async function openConsoleLogin(page: Page): Promise<void> {
  await page.getByRole('button', { name: TITLE }).click();
  await expect.poll(() => page.locator('#scn-title').textContent()).toBe(TITLE);
  // The sandbox is ready when the form for the step's own action appears.
  await expect.poll(() => page.locator('#sim-form-title').textContent()).toContain('signin:ConsoleLogin');
}

async function call(page: Page): Promise<void> {
  const before = await page.locator('.sim-call').count();
  await page.getByRole('button', { name: '호출', exact: true }).click();
  await expect.poll(() => page.locator('.sim-call').count()).toBeGreaterThan(before);
}

describe('a new learner plays a scenario', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light', height: 900 });
    await openScenarios(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('sees every scenario in suggested order, none started', async () => {
    const page = s.page;
    await expect.poll(() => page.locator('.scn-item').count()).toBe(12);
    expect(await item(page).textContent()).toContain('시작 전');
    expect(await page.locator('.scn-item').first().textContent()).toContain(TITLE);
    expect(await item(page).textContent()).toContain('다음 추천');
    await shot(page, 'scenarios-list-light');
  });

  it('completes 콘솔 로그인을 추적하기 through the UI, with a hint for the wrong Region', async () => {
    const page = s.page;
    await openConsoleLogin(page);
    // Acts as the scenario's learner identity, in the Region they work in.
    expect(await page.getByLabel('호출자', { exact: true }).inputValue()).toBe('alice');
    expect(await page.getByLabel('리전', { exact: true }).inputValue()).toBe('ap-northeast-2');
    expect(await page.locator('[aria-current=step]').textContent()).toContain('MFA 없이 로그인');
    expect(await page.locator('#sim-f-mfa').inputValue()).toBe('false');
    await shot(page, 'scenarios-start-light');
    await call(page);
    await expect.poll(() => stepCard(page).textContent()).toContain('올바른 리전의 이벤트 기록에서 찾기');
    expect(await page.locator('.scn-stepitem').first().getAttribute('data-state')).toBe('done');
    await expect.poll(() => page.getByTestId('event-flow').textContent()).toContain('us-east-1 리전의 이벤트 기록에 90일간 남습니다');

    // Looks in the Region they were working in: the global sign-in is not there, and the hint says where.
    await expect.poll(() => page.locator('#sim-form-title').textContent()).toContain('cloudtrail:LookupEvents');
    await page.locator('#sim-f-LookupAttributes').fill(LOOKUP);
    await call(page);
    await expect.poll(() => page.getByTestId('scn-hint').textContent()).toContain('us-east-1');
    expect(await stepCard(page).textContent()).toContain('2단계');
    await shot(page, 'scenarios-screen-light');

    await page.getByLabel('리전', { exact: true }).selectOption('us-east-1');
    await call(page);
    await expect.poll(() => page.getByTestId('scn-complete').textContent()).toContain('시나리오 완료');
    expect(await page.getByTestId('scn-complete').textContent()).toMatch(/사용한 힌트0회/);
    await shot(page, 'scenarios-complete-light');
  });

  it('still shows it completed after a reload', async () => {
    const page = s.page;
    await page.reload();
    await openScenarios(page);
    await expect.poll(() => item(page).textContent()).toContain('완료');
    expect(await item(page).textContent()).not.toContain('다음 추천');
    expect(await page.getByTestId('scn-summary').textContent()).toContain('12개 중 1개 완료');
    await page.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => page.getByTestId('scn-complete').isVisible()).toBe(true);
    expect(await page.locator('.scn-stepitem[data-state=done]').count()).toBe(2);
  });
});

describe('the scenario screens in the dark theme', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'dark', height: 900 });
    await openScenarios(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('draws the list and a scenario in progress, restored after a reload', async () => {
    const page = s.page;
    await expect.poll(() => page.locator('.scn-item').count()).toBe(12);
    await shot(page, 'scenarios-list-dark');
    await openConsoleLogin(page);
    await shot(page, 'scenarios-start-dark');
    await call(page);
    await expect.poll(() => stepCard(page).textContent()).toContain('올바른 리전의 이벤트 기록에서 찾기');
    await page.getByRole('button', { name: '힌트 보기' }).click();
    await expect.poll(() => page.getByTestId('scn-hint').textContent()).toContain('signin.aws.amazon.com');
    await shot(page, 'scenarios-screen-dark');
    // Reopening replays the saved moves: same step, same hint count.
    await page.reload();
    await openScenarios(page);
    await expect.poll(() => item(page).textContent()).toContain('진행 중: 2단계 중 2단계 · 힌트 1회');
    await page.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => stepCard(page).textContent()).toContain('올바른 리전의 이벤트 기록에서 찾기');
    await expect.poll(() => page.locator('.scn-coach').textContent()).toContain('힌트 1회 사용');
  });
});

describe('a long scenario step runs off the UI thread', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light', height: 900 });
    await openScenarios(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('skips with the solution shown, then generates a week of DeleteBucket traffic with a progress bar', async () => {
    const page = s.page;
    await page.getByRole('button', { name: /^Insights로 DeleteBucket 폭주 잡기/ }).click();
    await expect.poll(() => page.locator('#sim-form-title').textContent()).toContain('cloudtrail:PutInsightSelectors');
    await page.getByRole('button', { name: '이 단계 건너뛰기' }).click();
    expect(await page.getByRole('alertdialog', { name: '건너뛰기' }).textContent()).toContain('"InsightType":"ApiCallRateInsight"');
    await page.getByRole('button', { name: '해법 실행하고 건너뛰기' }).click();
    await expect.poll(() => stepCard(page).textContent()).toContain('평소 활동 일주일');
    expect(await page.locator('.scn-performed').textContent()).toContain('cloudtrail:PutInsightSelectors');

    // The traffic control appears on a traffic step; the form's call becomes a week of real calls.
    await expect.poll(() => page.locator('#sim-form-title').textContent()).toContain('s3:DeleteBucket');
    const traffic = page.getByRole('group', { name: '트래픽 생성' });
    await traffic.getByRole('checkbox').check();
    await page.getByLabel('분당 호출 수').fill('20');
    await page.getByLabel('분 수').fill('10080');
    await page.getByLabel('요청 파라미터 JSON').fill('{"Bucket":"tmp-reports"}');
    await page.getByRole('button', { name: '호출', exact: true }).click();
    await expect.poll(async () => Number((await page.locator('.scn-busy progress').getAttribute('value')) ?? 0)).toBeGreaterThan(0);
    await shot(page, 'scenarios-traffic-light');
    // The worker does the work: the page still answers at once.
    const t0 = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect.poll(() => stepCard(page).textContent(), { timeout: 240_000 }).toContain('폭주와 Start 이벤트');
    expect(await page.locator('.scn-stepitem[data-state=done]').count()).toBe(2);
  }, 300_000);
});
