import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, shot, type Session } from './browser';
import { call, openSimulator, pickAction, tab } from './sim-steps';


const flow = (page: Page) => page.getByTestId('event-flow');

async function history(page: Page, key: string, value: string): Promise<string[]> {
  await tab(page, '이벤트 기록');
  await page.getByLabel('조회 속성').selectOption(key);
  await page.getByLabel('조회 값').fill(value);
  await page.getByRole('button', { name: '조회', exact: true }).click();
  await expect.poll(() => page.locator('.sim-table-foot').textContent()).toMatch(/개 이벤트/);
  return page.locator('.sim-tbody [role=row]').allInnerTexts();
}

describe('a new learner in the simulator', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light' });
    await openSimulator(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('signs in to the console as alice without MFA and finds ConsoleLogin in us-east-1, not in Seoul', async () => {
    const page = s.page;
    await page.getByLabel('리전').selectOption('ap-northeast-2');
    await pickAction(page, 'ConsoleLogin');
    await shot(page, 'simulator-act-light');
    await call(page);
    await expect.poll(() => flow(page).textContent()).toContain('us-east-1 리전의 이벤트 기록에 90일간 남습니다');
    await shot(page, 'simulator-flow-light');
    // The learner looks in the Region they are in: an IAM user's global sign-in is not there.
    const seoul = await history(page, 'EventName', 'ConsoleLogin');
    expect(seoul.filter((r) => r.includes('alice'))).toEqual([]);
    await page.getByLabel('리전').selectOption('us-east-1');
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await expect.poll(async () => (await page.locator('.sim-tbody [role=row]').allInnerTexts()).some((r) => r.includes('ConsoleLogin') && r.includes('alice'))).toBe(true);
    await page.locator('.sim-tbody [role=row]', { hasText: 'alice' }).first().click();
    await expect.poll(() => page.locator('.sim-detail').textContent()).toContain('"MFAUsed": "No"');
    await shot(page, 'simulator-history-light');
  });

  it('creates a subnet and looks it up by event name', async () => {
    const page = s.page;
    await page.getByLabel('리전').selectOption('ap-northeast-2');
    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'CreateSubnet');
    await expect.poll(() => page.locator('#sim-f-VpcId').inputValue()).toMatch(/^vpc-/);
    await call(page);
    await expect.poll(() => flow(page).textContent()).toContain('ap-northeast-2 리전의 이벤트 기록에 90일간 남습니다');
    const rows = await history(page, 'EventName', 'CreateSubnet');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('alice');
    expect(rows[0]).toContain('ec2.amazonaws.com');
  });

  it('sees a PutObject miss the trail, adds a data event selector, and finds the next one in a delivered log file', async () => {
    const page = s.page;
    await page.getByLabel('리전').selectOption('us-east-1');
    await tab(page, '트레일·S3 로그 파일');
    await page.getByRole('button', { name: '트레일 만들기' }).click();
    await page.getByRole('button', { name: '버킷 + CloudTrail 버킷 정책 만들기' }).click();
    await expect.poll(() => page.getByLabel('S3 버킷', { exact: true }).inputValue()).toBe('trail-logs-123456789012');
    await page.getByRole('button', { name: /^만들기/ }).click();
    await expect.poll(() => page.locator('.sim-steps').textContent()).toContain('성공 · cloudtrail:StartLogging');
    await page.getByRole('button', { name: '닫기' }).click();
    await expect.poll(() => page.getByRole('table', { name: '트레일 목록' }).textContent()).toContain('로깅 중');

    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'CreateBucket');
    await page.locator('#sim-f-Bucket').fill('study-reports-123');
    await call(page);
    await pickAction(page, 'PutObject');
    await page.locator('#sim-f-Bucket').fill('study-reports-123');
    await call(page);
    const miss = flow(page);
    await expect.poll(() => miss.textContent()).toContain('데이터 이벤트는 이벤트 기록(Event history)에 표시되지 않습니다');
    await expect.poll(() => miss.textContent()).toContain('트레일 management-trail의 데이터 이벤트 선택기가');
    await expect.poll(() => miss.locator('.sim-dest.no').count()).toBe(2);

    await tab(page, '트레일·S3 로그 파일');
    await page.getByRole('row', { name: /management-trail/ }).getByRole('button', { name: '편집' }).click();
    await page.getByLabel('S3 버킷/접두사 추가').fill('study-reports-123/reports/');
    await page.getByRole('button', { name: '추가' }).first().click();
    await page.getByRole('button', { name: /^저장/ }).click();
    await expect.poll(() => page.locator('.sim-steps').textContent()).toContain('성공 · cloudtrail:PutEventSelectors');
    await expect.poll(() => page.getByRole('table', { name: '트레일 목록' }).textContent()).toContain('study-reports-123/reports/');
    await shot(page, 'simulator-trails-light');

    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'PutObject');
    await page.locator('#sim-f-Bucket').fill('study-reports-123');
    await call(page);
    const eventId = ((await flow(page).locator('.sim-record-facts').textContent()) ?? '').match(/eventID ([0-9a-f-]{36})/)?.[1];
    expect(eventId).toBeTruthy();
    await expect.poll(() => flow(page).textContent()).toMatch(/S3 전달 예정 · \d+분 후/);
    await page.getByRole('button', { name: '+5분' }).click();
    await page.getByRole('button', { name: '+5분' }).click();
    await expect.poll(() => flow(page).textContent(), { timeout: 10_000 }).toContain('S3 전달됨');
    await flow(page).locator('.sim-dest.delivered').scrollIntoViewIfNeeded();
    await shot(page, 'simulator-flow-delivered-light');
    await flow(page).getByRole('button', { name: '로그 파일 열기' }).click();
    const file = page.getByTestId('object-text');
    await expect.poll(() => file.textContent()).toContain(eventId!);
    expect(await file.textContent()).toContain('"eventName": "PutObject"');
    expect(await page.locator('.sim-object-view code.sim-key').textContent()).toMatch(/^AWSLogs\/123456789012\/CloudTrail\/us-east-1\/2026\/11\/23\/123456789012_CloudTrail_us-east-1_\d{8}T\d{4}Z_\w{16}\.json\.gz$/);
    await shot(page, 'simulator-bucket-light');

    // An hour later the digest files exist: validation passes, then catches an edited log file.
    await page.getByRole('button', { name: '+1시간' }).click();
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).toMatch(/01:1\d:00 UTC/);
    await page.getByRole('button', { name: '무결성 검증: management-trail' }).click();
    await expect.poll(() => page.locator('.sim-report').textContent()).toContain('검증 통과');
    const view = page.locator('.sim-object-view');
    await view.getByRole('button', { name: '편집' }).click();
    await view.getByLabel('파일 내용 편집').fill('{"Records":[]}');
    await view.getByRole('button', { name: '저장 (s3:PutObject)' }).click();
    await expect.poll(() => view.locator('.sim-result').textContent()).toContain('성공 · s3:PutObject');
    await page.getByRole('button', { name: '무결성 검증: management-trail' }).click();
    await expect.poll(() => page.locator('.sim-report').textContent()).toContain('검증 실패');
    expect(await page.locator('.sim-report').textContent()).toContain('INVALID');
    await page.locator('.sim-report').scrollIntoViewIfNeeded();
    await shot(page, 'simulator-validate-light');
  });

  it('makes an alarm go to ALARM and reads its notification in the inbox', async () => {
    const page = s.page;
    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'CreateTopic');
    await call(page);
    await pickAction(page, 'Subscribe');
    await expect.poll(() => page.locator('#sim-f-TopicArn').inputValue()).toBe('arn:aws:sns:us-east-1:123456789012:security-alerts');
    await call(page);
    await pickAction(page, 'PutMetricAlarm');
    await page.locator('#sim-f-AlarmActions').fill('arn:aws:sns:us-east-1:123456789012:security-alerts');
    await call(page);
    await expect.poll(() => page.locator('.sim-result').first().textContent()).toContain('성공 · cloudwatch:PutMetricAlarm');
    await pickAction(page, 'PutMetricData');
    await call(page);
    await page.getByRole('button', { name: '+5분' }).click();
    const feed = page.getByRole('list', { name: '시계가 흐르며 일어난 일' });
    await expect.poll(() => feed.textContent()).toContain('CloudWatch 경보 상태 변경');
    expect(await feed.textContent()).toContain('ALARM');
    await feed.scrollIntoViewIfNeeded();
    await shot(page, 'simulator-feed-light');
    await expect.poll(() => page.getByRole('tab', { name: /알림함/ }).textContent()).toBe('경보·규칙·알림함1');
    await tab(page, '경보·규칙·알림함');
    await expect.poll(() => page.getByRole('table', { name: '경보 목록' }).textContent()).toContain('too-many-errors');
    expect(await page.getByRole('table', { name: '경보 목록' }).locator('.sim-badge').textContent()).toBe('ALARM');
    await page.locator('.sim-notes li.unread button').first().click();
    await expect.poll(() => page.locator('.sim-notes').textContent()).toContain('ALARM: "too-many-errors"');
    await expect.poll(() => page.getByRole('tab', { name: /알림함/ }).textContent()).toBe('경보·규칙·알림함');
    await page.locator('.sim-notes').scrollIntoViewIfNeeded();
    await shot(page, 'simulator-inbox-light');
  });

  it('repeats a call as background traffic from the form, and the event history lists every one', async () => {
    const page = s.page;
    await tab(page, '호출과 이벤트 흐름');
    await page.getByLabel('리전').selectOption('ap-northeast-2');
    await pickAction(page, 'DescribeVpcs');
    await page.locator('.sim-traffic summary').click();
    await page.getByLabel('분당 호출 수').fill('abc');
    await page.getByRole('button', { name: '반복 시작' }).click();
    await expect.poll(() => page.locator('.sim-traffic [role=alert]').textContent()).toContain('정수를 입력하세요');
    await page.getByLabel('분당 호출 수').fill('7');
    await page.getByLabel('기간(분)').fill('30');
    await page.getByRole('button', { name: '반복 시작' }).click();
    await expect.poll(() => page.getByTestId('traffic-result').textContent()).toContain('210회 호출했습니다');
    await shot(page, 'simulator-traffic-light');
    const rows = await history(page, 'EventName', 'DescribeVpcs');
    // The list is windowed: it shows (at least) a screenful of rows, every one the call repeated.
    const screenful = await page.getByTestId('history-scroller').evaluate((e) => Math.floor(e.clientHeight / 34));
    expect(screenful).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeGreaterThanOrEqual(screenful);
    expect(rows.every((r) => r.includes('DescribeVpcs'))).toBe(true);
    await expect.poll(() => page.locator('.sim-table-foot').textContent()).toMatch(/^2\d\d개 이벤트/);
  });

  it('keeps the sandbox across a reload', async () => {
    const page = s.page;
    const clock = await page.getByTestId('sim-clock').textContent();
    await page.waitForTimeout(2000);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.getByTestId('sim-clock').waitFor();
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).toBe(clock);
    await tab(page, '트레일·S3 로그 파일');
    await expect.poll(() => page.getByRole('table', { name: '트레일 목록' }).textContent()).toContain('management-trail');
  });

  it('is still there after a visit to another screen, and starts again from storage after a reset', async () => {
    const page = s.page;
    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'ListBuckets');
    await call(page);
    // The clock moved on from the sandbox's start, so a new sandbox shows on it.
    const before = await page.getByTestId('sim-clock').textContent();
    await page.getByRole('button', { name: '+1시간' }).click();
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).not.toBe(before);
    const clock = await page.getByTestId('sim-clock').textContent();
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: 'CloudTrail 개요' }).waitFor();
    await page.keyboard.press('Alt+3');
    // Kept, not restored: the call just made is still the last in the flow (a restore starts with no calls).
    await expect.poll(() => page.locator('.sim-call').first().textContent()).toContain('ListBuckets');
    expect(await page.getByTestId('sim-clock').textContent()).toBe(clock);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.keyboard.press('Alt+7');
    await page.getByRole('button', { name: '모든 진도 초기화…' }).click();
    await page.getByRole('dialog', { name: '모든 진도를 초기화할까요?' }).getByRole('button', { name: '초기화' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('모든 학습 데이터를 초기화했습니다.');
    await page.keyboard.press('Alt+3');
    // A new sandbox: the calls that build it, at the start of its clock, and none of the earlier calls.
    await expect.poll(() => page.locator('.sim-call').first().textContent()).toContain('준비');
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).not.toBe(clock);
  });
});

describe('the simulator screens in the dark theme and on a large screen', () => {
  it('draws every screen legibly in dark at 1280×800', async () => {
    const s = await openBrowser({ colorScheme: 'dark' });
    try {
      const page = s.page;
      await openSimulator(page);
      await shot(page, 'simulator-act-dark');
      await pickAction(page, 'ConsoleLogin');
      await call(page);
      await page.locator('#flow-title').scrollIntoViewIfNeeded();
      await shot(page, 'simulator-flow-dark');
      await tab(page, '이벤트 기록');
      await page.locator('.sim-tbody [role=row]').first().click();
      await expect.poll(() => page.locator('.sim-detail').textContent()).toContain('eventVersion');
      await shot(page, 'simulator-history-dark');
      await page.locator('.sim-detail').getByRole('button', { name: '닫기' }).click();
      await tab(page, '트레일·S3 로그 파일');
      await page.getByRole('button', { name: '트레일 만들기' }).click();
      await shot(page, 'simulator-trails-dark');
    } finally {
      await s.close();
    }
  });

  it('uses the room at 1920×1080', async () => {
    const s = await openBrowser({ colorScheme: 'light', width: 1920, height: 1080 });
    try {
      const page = s.page;
      await openSimulator(page);
      await pickAction(page, 'CreateUser');
      await call(page);
      // The same kind of call typed as an AWS CLI command goes through the CLI channel.
      await page.getByRole('textbox', { name: 'AWS CLI 명령' }).fill('aws ec2 create-vpc --cidr-block 10.9.0.0/16 --region eu-west-1');
      await page.getByRole('button', { name: '실행' }).click();
      await expect.poll(() => flow(page).textContent()).toContain('eu-west-1 리전의 이벤트 기록에 90일간 남습니다');
      expect(await flow(page).locator('.sim-flow-step.request').textContent()).toContain('alice · CLI · 요청 리전 eu-west-1');
      await flow(page).locator('.sim-record-facts').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, 'simulator-act-1920-light');
      await tab(page, '이벤트 기록');
      await page.locator('.sim-tbody [role=row]').first().click();
      await expect.poll(() => page.locator('.sim-detail').textContent()).toContain('CreateUser');
      await shot(page, 'simulator-history-1920-light');
    } finally {
      await s.close();
    }
  });
});
