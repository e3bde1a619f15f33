import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, shot, type Session } from './browser';
import { call, openSimulator, pickAction, tab } from './sim-steps';


const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'CloudWatch·EventBridge 보기' }).getByRole('button', { name, exact: true }).click();

/** An alarm in ALARM with a notification, a metric with data, a rule with an input-transformer target. */
async function buildAccount(page: Page): Promise<void> {
  await pickAction(page, 'CreateTopic');
  await call(page);
  await pickAction(page, 'Subscribe');
  await expect.poll(() => page.locator('#sim-f-TopicArn').inputValue()).toBe('arn:aws:sns:us-east-1:123456789012:security-alerts');
  await call(page);
  await pickAction(page, 'PutMetricAlarm');
  await page.locator('#sim-f-AlarmActions').fill('arn:aws:sns:us-east-1:123456789012:security-alerts');
  await call(page);
  await pickAction(page, 'PutMetricData');
  await page.locator('#sim-f-MetricData').fill('[{"MetricName":"Errors","Value":3,"Unit":"Count"}]');
  await call(page);
  await page.getByRole('button', { name: '+5분' }).click();
  await pickAction(page, 'PutRule');
  await page.locator('#sim-f-Name').fill('bucket-created');
  await page.locator('#sim-f-EventPattern').fill('{"source":["aws.s3"],"detail":{"eventName":["CreateBucket"]}}');
  await call(page);
  await pickAction(page, 'PutTargets');
  await page.getByLabel('요청 파라미터 JSON').fill(JSON.stringify({
    Rule: 'bucket-created',
    Targets: [{ Id: 'mail', Arn: 'arn:aws:sns:us-east-1:123456789012:security-alerts', InputTransformer: { InputPathsMap: { b: '$.detail.requestParameters.bucketName', who: '$.detail.userIdentity.userName' }, InputTemplate: '"<who> created bucket <b>"' } }],
  }));
  await call(page);
  await expect.poll(() => page.locator('.sim-result').first().textContent()).toContain('성공 · events:PutTargets');
  await pickAction(page, 'CreateBucket');
  await page.locator('#sim-f-Bucket').fill('photos-2026-study');
  await call(page);
}

describe('CloudWatch, metric filters and EventBridge rules in the simulator', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ colorScheme: 'light' });
    await openSimulator(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('makes an alarm go to ALARM and shows its graph, threshold line, breaching point, reason and history', async () => {
    const page = s.page;
    await buildAccount(page);
    await tab(page, '경보·규칙·알림함');
    const detail = page.getByRole('region', { name: '경보 too-many-errors 상세' });
    await expect.poll(() => detail.locator('h2 .sim-badge').textContent()).toBe('ALARM');
    expect(await detail.textContent()).toContain('Threshold Crossed: 1 datapoint [3.0');
    await expect.poll(() => detail.locator('[data-breaching=true]').count()).toBe(1);
    expect(await detail.locator('.sim-chart svg').first().textContent()).toContain('임계값 1');
    await expect.poll(() => detail.getByRole('table', { name: '경보 기록' }).textContent()).toContain('Alarm updated from INSUFFICIENT_DATA to ALARM');
    await detail.scrollIntoViewIfNeeded();
    await shot(page, 'simulator-alarm-detail-light');
  });

  it('browses metrics by namespace and redraws with another statistic', async () => {
    const page = s.page;
    await view(page, '지표');
    await page.getByRole('navigation', { name: '네임스페이스' }).getByRole('button', { name: /Study\/App/ }).click();
    await page.getByRole('table', { name: '지표 목록' }).getByRole('button', { name: 'Errors' }).click();
    await expect.poll(() => page.locator('.sim-chart').getAttribute('aria-label')).toMatch(/데이터 포인트 1개/);
    await page.getByLabel('통계').selectOption('SampleCount');
    await expect.poll(() => page.locator('.sim-chart').getAttribute('aria-label')).toContain('Errors SampleCount');
    await shot(page, 'simulator-metrics-light');
  });

  it('tests a metric filter pattern on typed lines, and shows AWS\'s error for a bad one', async () => {
    const page = s.page;
    await view(page, '지표 필터');
    await page.getByLabel('필터 패턴').fill('[time, level=ERROR, ...]');
    await page.getByRole('button', { name: '패턴 테스트' }).click();
    await expect.poll(() => page.getByTestId('filter-summary').textContent()).toBe('2줄 중 1줄 일치');
    const rows = await page.getByRole('table', { name: '패턴 테스트 결과' }).locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('일치');
    expect(rows[0]).toContain('$level=ERROR');
    expect(rows[1]).toContain('불일치');
    await shot(page, 'simulator-metric-filter-light');
    await page.getByLabel('필터 패턴').fill('{ $.a = }');
    await page.getByRole('button', { name: '패턴 테스트' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('InvalidParameterException: Invalid metric filter pattern');
  });

  it('tests an event pattern against a real record and previews the transformed message', async () => {
    const page = s.page;
    await view(page, 'EventBridge 규칙');
    await page.getByRole('table', { name: '규칙 목록' }).getByRole('button', { name: 'bucket-created' }).click();
    await expect.poll(() => page.locator('#sim-rule-pattern').inputValue()).toContain('CreateBucket');
    const source = page.locator('#sim-rule-source');
    const option = source.locator('option', { hasText: 'CreateBucket' }).first();
    await source.selectOption((await option.getAttribute('value'))!);
    await expect.poll(() => page.getByLabel('시험할 이벤트 JSON').inputValue()).toContain('"detail-type": "AWS API Call via CloudTrail"');
    await page.getByRole('button', { name: '패턴 시험 (TestEventPattern)' }).click();
    await expect.poll(() => page.getByTestId('rule-verdict').textContent()).toContain('Result: true');
    await expect.poll(() => page.getByTestId('transformer-preview').locator('pre').textContent()).toBe('"alice created bucket photos-2026-study"');
    await page.getByTestId('transformer-preview').scrollIntoViewIfNeeded();
    await shot(page, 'simulator-rule-test-light');
    // A broken pattern is refused with EventBridge's own words.
    await page.locator('#sim-rule-pattern').fill('{"source": "aws.s3"}');
    await page.getByRole('button', { name: '패턴 시험 (TestEventPattern)' }).click();
    await expect.poll(() => page.getByTestId('rule-verdict').textContent()).toContain('InvalidEventPatternException: Event pattern is not valid.');
  });

  it('builds a dashboard from a metric widget and a text widget and draws it', async () => {
    const page = s.page;
    await view(page, '대시보드');
    await page.getByLabel('위젯 통계').selectOption('Sum');
    await page.getByRole('button', { name: '텍스트 위젯 추가' }).click();
    await page.getByRole('button', { name: '지표 위젯 추가' }).click();
    expect(await page.locator('#sim-dash-body').inputValue()).toContain('"Study/App"');
    await page.getByRole('button', { name: '저장 (PutDashboard)' }).click();
    await expect.poll(() => page.getByTestId('dashboard-result').textContent()).toBe('PutDashboard 성공: study-dashboard');
    const board = page.getByRole('region', { name: '대시보드 study-dashboard' });
    await expect.poll(() => board.locator('.sim-widget').count()).toBe(2);
    expect(await board.locator('.sim-md').textContent()).toContain('학습 대시보드');
    await expect.poll(() => board.locator('.sim-chart').getAttribute('aria-label')).toBe('Errors (Sum) 그래프: 데이터 포인트 1개');
    await shot(page, 'simulator-dashboard-light');
    // A body the service refuses shows its own message.
    await page.locator('#sim-dash-body').fill('{"widgets":[{"type":"metric","properties":{"metrics":[["Study/App"]]}}]}');
    await page.getByRole('button', { name: '저장 (PutDashboard)' }).click();
    await expect.poll(() => page.getByTestId('dashboard-result').textContent()).toContain('InvalidParameterInput: The field DashboardBody is invalid');
  });

  it('turns Insights on, bursts DeleteBucket after the learning period, and sees the rate against its baseline', async () => {
    const page = s.page;
    await view(page, 'CloudTrail Insights');
    await expect.poll(() => page.locator('.sim-watch').last().textContent()).toContain('Insights가 켜진 추적이 없습니다');
    await tab(page, '트레일·S3 로그 파일');
    await page.getByRole('button', { name: '트레일 만들기' }).click();
    await page.getByRole('button', { name: '버킷 + CloudTrail 버킷 정책 만들기' }).click();
    await expect.poll(() => page.getByLabel('S3 버킷', { exact: true }).inputValue()).toBe('trail-logs-123456789012');
    await page.getByRole('button', { name: /^만들기/ }).click();
    await expect.poll(() => page.locator('.sim-steps').textContent()).toContain('성공 · cloudtrail:StartLogging');
    await page.getByRole('button', { name: '닫기' }).click();
    await tab(page, '호출과 이벤트 흐름');
    await pickAction(page, 'PutInsightSelectors');
    await page.getByLabel('요청 파라미터 JSON').fill('{"TrailName":"management-trail","InsightSelectors":[{"InsightType":"ApiCallRateInsight"}]}');
    await call(page);
    await expect.poll(() => page.locator('.sim-result').first().textContent()).toContain('성공 · cloudtrail:PutInsightSelectors');
    // Insights learn for up to 36 hours before the first event.
    await page.getByRole('button', { name: '+1일' }).click();
    await page.getByRole('button', { name: '+1일' }).click();
    await pickAction(page, 'DeleteBucket');
    await page.getByLabel('요청 파라미터 JSON').fill('{"Bucket":"old-reports-2026"}');
    for (let i = 0; i < 6; i++) await call(page);
    await page.getByRole('button', { name: '+5분' }).click();
    await tab(page, '경보·규칙·알림함');
    await view(page, 'CloudTrail Insights');
    const list = page.getByRole('table', { name: 'Insights 이벤트 목록' });
    await expect.poll(() => list.textContent()).toContain('DeleteBucket');
    expect(await list.textContent()).toContain('ApiCallRateInsight');
    expect(await page.locator('.sim-watch').last().textContent()).toContain('management-trail');
    const chart = page.getByRole('img', { name: /DeleteBucket 호출 수 그래프/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/데이터 포인트 6[0-9]개/);
    expect(await chart.locator('svg').first().textContent()).toContain('Start → End');
    await shot(page, 'simulator-insights-light');
  });

  it('draws the same screens legibly in dark at 1280×800', async () => {
    const dark = await openBrowser({ colorScheme: 'dark' });
    try {
      const page = dark.page;
      await openSimulator(page);
      await buildAccount(page);
      await tab(page, '경보·규칙·알림함');
      const detail = page.getByRole('region', { name: '경보 too-many-errors 상세' });
      await expect.poll(() => detail.locator('[data-breaching=true]').count()).toBe(1);
      await detail.scrollIntoViewIfNeeded();
      await shot(page, 'simulator-alarm-detail-dark');
      await view(page, '지표');
      await page.getByRole('navigation', { name: '네임스페이스' }).getByRole('button', { name: /Study\/App/ }).click();
      await expect.poll(() => page.locator('.sim-chart').getAttribute('aria-label')).toMatch(/데이터 포인트 1개/);
      await shot(page, 'simulator-metrics-dark');
      await view(page, '지표 필터');
      await page.getByRole('button', { name: '패턴 테스트' }).click();
      await expect.poll(() => page.getByTestId('filter-summary').textContent()).toBe('2줄 중 1줄 일치');
      await shot(page, 'simulator-metric-filter-dark');
      await view(page, 'EventBridge 규칙');
      await page.getByRole('table', { name: '규칙 목록' }).getByRole('button', { name: 'bucket-created' }).click();
      const source = page.locator('#sim-rule-source');
      await source.selectOption((await source.locator('option', { hasText: 'CreateBucket' }).first().getAttribute('value'))!);
      await expect.poll(() => page.getByTestId('transformer-preview').locator('pre').textContent()).toBe('"alice created bucket photos-2026-study"');
      await page.getByTestId('transformer-preview').scrollIntoViewIfNeeded();
      await shot(page, 'simulator-rule-test-dark');
      await view(page, '대시보드');
      await page.getByRole('button', { name: '텍스트 위젯 추가' }).click();
      await page.getByRole('button', { name: '지표 위젯 추가' }).click();
      await page.getByRole('button', { name: '저장 (PutDashboard)' }).click();
      await expect.poll(() => page.getByRole('region', { name: '대시보드 study-dashboard' }).locator('.sim-widget').count()).toBe(2);
      await shot(page, 'simulator-dashboard-dark');
    } finally {
      await dark.close();
    }
  });
});
