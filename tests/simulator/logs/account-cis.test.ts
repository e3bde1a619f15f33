// The CIS monitoring presets end to end: a trail delivers to a log group, the preset's filter counts what it
// must, the metric lands in LogMetrics, and the preset's alarm notifies the topic.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { JsonObject } from '../../../simulator/core/contract';
import type { SimEvent } from '../../../simulator/core/events';
import { CIS_PRESETS } from '../../../simulator/logs/cis-presets';
import { ok, START } from '../support';

const ACCT = '123456789012';
const GROUP = 'CloudTrail/logs';
const ctTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const writeLogs = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:${ACCT}:log-group:${GROUP}:*` }] });
const bucketPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::ct-logs' },
    { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::ct-logs/AWSLogs/${ACCT}/*` },
  ],
});

/**
 * An account whose trail delivers to CloudTrail/logs, set up by an IAM administrator (so nothing the set-up
 * does counts as root usage). Root only creates the administrator, before the trail exists.
 */
function trailToLogs() {
  const acct = new Account({ seed: 7, startMs: START });
  const root = { as: 'root', region: 'us-east-1', via: 'console' as const };
  ok(acct.call('iam:CreateUser', { UserName: 'admin' }, root));
  ok(acct.call('iam:CreateAccessKey', { UserName: 'admin' }, root));
  ok(acct.call('iam:AttachUserPolicy', { UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, root));
  const admin = { as: 'admin', region: 'us-east-1', via: 'cli' as const };
  ok(acct.call('s3:CreateBucket', { Bucket: 'ct-logs' }, admin));
  ok(acct.call('s3:PutBucketPolicy', { Bucket: 'ct-logs', Policy: bucketPolicy }, admin));
  ok(acct.call('logs:CreateLogGroup', { logGroupName: GROUP }, admin));
  ok(acct.call('iam:CreateRole', { RoleName: 'ct-to-logs', AssumeRolePolicyDocument: ctTrust }, admin));
  ok(acct.call('iam:PutRolePolicy', { RoleName: 'ct-to-logs', PolicyName: 'write', PolicyDocument: writeLogs }, admin));
  ok(acct.call('cloudtrail:CreateTrail', {
    Name: 'main', S3BucketName: 'ct-logs', IsMultiRegionTrail: true,
    CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCT}:log-group:${GROUP}:*`, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCT}:role/ct-to-logs`,
  }, admin));
  ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, admin));
  ok(acct.call('iam:CreateUser', { UserName: 'alice' }, admin));
  ok(acct.call('iam:CreateLoginProfile', { UserName: 'alice', Password: 'Correct-Horse-9' }, admin));
  return { acct, root, admin };
}

const CIS_METRICS = CIS_PRESETS.map((p) => p.metricName);

/** Sums of one LogMetrics metric per minute, as [minute offset from START, SampleCount, Sum]. */
function logMetric(acct: Account, name: string): [number, number, number][] {
  const series = acct.cloudwatch.model.metricsIn('us-east-1').aggregate({ Namespace: 'LogMetrics', MetricName: name, Dimensions: [] }, undefined, START, START + 86_400_000, 60_000);
  return series.flatMap((s) => s.buckets.map((b): [number, number, number] => [b.timestamp - START, b.count, b.sum]));
}

describe('CIS presets', () => {
  it('sim:ListCisPresets lists the fourteen controls, unrecorded', () => {
    const { acct, admin } = trailToLogs();
    const r = acct.call('sim:ListCisPresets', {}, admin);
    expect(r.records).toEqual([]);
    const presets = ok(r)['Presets'] as JsonObject[];
    expect(presets.map((p) => p['PresetId'])).toEqual(Array.from({ length: 14 }, (_, i) => `CloudWatch.${i + 1}`));
    expect(presets[0]?.['Applied']).toBeUndefined();
    const listed = ok(acct.call('sim:ListCisPresets', { LogGroupName: GROUP }, admin))['Presets'] as JsonObject[];
    expect(listed.map((x) => x['Applied'])).toEqual(Array(14).fill(false));
    expect(presets[0]).toMatchObject({ MetricNamespace: 'LogMetrics', MetricName: 'RootAccountUsage', FilterPattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}' });
  });

  it('root usage filter on the trail\'s log group: a root ConsoleLogin counts 1, a non-root login counts nothing', () => {
    const { acct, root, admin } = trailToLogs();
    const preset = (ok(acct.call('sim:ListCisPresets', {}, admin))['Presets'] as JsonObject[])[0]!;
    ok(acct.call('logs:PutMetricFilter', {
      logGroupName: GROUP, filterName: preset['FilterName'] ?? '', filterPattern: preset['FilterPattern'] ?? '',
      metricTransformations: [{ metricName: preset['MetricName'] ?? '', metricNamespace: 'LogMetrics', metricValue: '1' }],
    }, admin));
    acct.advance('PT20M');
    const alice = acct.call('signin:ConsoleLogin', { success: true, mfa: false }, { as: 'alice', region: 'us-east-1', via: 'console' });
    ok(alice);
    acct.advance('PT20M');
    // alice's sign-in reached the log group, and counted nothing.
    const stream = acct.logs.model.group('us-east-1', GROUP).streams[`${ACCT}_CloudTrail_us-east-1`];
    expect(stream?.events.some((e) => e.message.includes(alice.records[0]?.eventID ?? 'none'))).toBe(true);
    expect(logMetric(acct, 'RootAccountUsage')).toEqual([]);

    const login = acct.call('signin:ConsoleLogin', { success: true, mfa: true }, root);
    ok(login);
    const at = Date.parse(login.records[0]?.eventTime ?? '');
    acct.advance('PT20M');
    expect(logMetric(acct, 'RootAccountUsage')).toEqual([[Math.floor((at - START) / 60_000) * 60_000, 1, 1]]);
    // The same question asked of the stored events: FilterLogEvents with the preset's pattern finds exactly it.
    const found = ok(acct.call('logs:FilterLogEvents', { logGroupName: GROUP, filterPattern: preset['FilterPattern'] ?? '' }, admin))['events'] as JsonObject[];
    expect(found.map((e) => (JSON.parse(String(e['message'])) as { eventID: string }).eventID)).toEqual([login.records[0]?.eventID]);
  });

  it('applied through the trail, each preset counts what it must and nothing else', () => {
    const { acct, root, admin } = trailToLogs();
    ok(acct.call('iam:CreateAccessKey', { UserName: 'alice' }, admin));
    // The set-up's own records are delivered before the filters exist (filters are never retroactive).
    acct.advance('PT20M');
    for (let i = 1; i <= 14; i++) ok(acct.call('sim:ApplyCisPreset', { PresetId: `CloudWatch.${i}`, LogGroupName: GROUP }, admin));
    const alice = { as: 'alice', region: 'us-east-1', via: 'console' as const };
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, root));
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: false }, alice));
    expect(acct.call('signin:ConsoleLogin', { success: false, mfa: false }, alice).ok).toBe(false);
    const readBuckets = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] });
    ok(acct.call('iam:PutUserPolicy', { UserName: 'alice', PolicyName: 'read', PolicyDocument: readBuckets }, admin));
    ok(acct.call('cloudtrail:CreateTrail', { Name: 'audit', S3BucketName: 'ct-logs' }, admin));
    const denied = acct.call('ec2:CreateSecurityGroup', { GroupName: 'open', Description: 'x' }, { ...alice, via: 'cli' });
    expect(denied.ok ? '' : denied.error.code).toBe('UnauthorizedOperation');
    ok(acct.call('ec2:CreateSecurityGroup', { GroupName: 'web', Description: 'x' }, admin));
    ok(acct.call('s3:PutBucketPolicy', { Bucket: 'ct-logs', Policy: bucketPolicy }, admin));
    ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.9.0.0/16' }, admin));
    acct.advance('PT20M');
    const listed = ok(acct.call('sim:ListCisPresets', { LogGroupName: GROUP }, admin))['Presets'] as JsonObject[];
    expect(listed.every((x) => x['Applied'] === true)).toBe(true);
    const total = (name: string) => logMetric(acct, name).reduce((n, [, , sum]) => n + sum, 0);
    expect(Object.fromEntries(CIS_METRICS.map((m) => [m, total(m)]))).toEqual({
      RootAccountUsage: 1, UnauthorizedAPICalls: 1, ConsoleSigninWithoutMFA: 1, IAMPolicyChanges: 1, CloudTrailConfigChanges: 1,
      ConsoleAuthenticationFailures: 1, DisableOrDeleteCMK: 0, S3BucketPolicyChanges: 1, AWSConfigChanges: 0,
      // The CIS pattern names the event only: the refused attempt counts as a change too.
      SecurityGroupChanges: 2, NACLChanges: 0, NetworkGatewayChanges: 0, RouteTableChanges: 0, VPCChanges: 1,
    });
  });

  it('sim:ApplyCisPreset refuses unknown presets and acts as the caller (denied without permission)', () => {
    const { acct, admin } = trailToLogs();
    const unknown = acct.call('sim:ApplyCisPreset', { PresetId: 'CloudWatch.99', LogGroupName: GROUP }, admin);
    expect(unknown.ok ? '' : unknown.error.code).toBe('Sim.InvalidParameter');
    ok(acct.call('iam:CreateAccessKey', { UserName: 'alice' }, admin));
    const denied = acct.call('sim:ApplyCisPreset', { PresetId: 'CloudWatch.1', LogGroupName: GROUP }, { as: 'alice', region: 'us-east-1', via: 'cli' });
    expect(denied.ok ? '' : denied.error.code).toBe('AccessDeniedException');
    expect(acct.logs.model.group('us-east-1', GROUP).metricFilters).toEqual({});
  });

  it('sim:ApplyCisPreset wires filter → metric → alarm → topic; a root login sets the alarm off', () => {
    const { acct, root, admin } = trailToLogs();
    const topicArn = ok(acct.call('sns:CreateTopic', { Name: 'security-alerts' }, admin))['TopicArn'] as string;
    ok(acct.call('sns:Subscribe', { TopicArn: topicArn, Protocol: 'email', Endpoint: 'me@example.com' }, admin));
    const applied = acct.call('sim:ApplyCisPreset', { PresetId: 'CloudWatch.1', LogGroupName: GROUP, TopicArn: topicArn }, admin);
    const res = ok(applied);
    expect(applied.records).toEqual([]);
    expect((res['Steps'] as JsonObject[]).map((s) => [s['Api'], s['Ok']])).toEqual([['logs:PutMetricFilter', true], ['cloudwatch:PutMetricAlarm', true]]);
    const alarms = ok(acct.call('cloudwatch:DescribeAlarms', { AlarmNames: ['CIS-1.7-RootAccountUsage'] }, admin))['MetricAlarms'] as JsonObject[];
    expect(alarms[0]).toMatchObject({
      AlarmName: 'CIS-1.7-RootAccountUsage', Namespace: 'LogMetrics', MetricName: 'RootAccountUsage', Statistic: 'Sum', Period: 300,
      EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topicArn],
    });
    const changes: SimEvent[] = [];
    acct.bus.on((e) => { if (e.type !== 'record.written' && e.type !== 'call.completed' && e.type !== 'clock.advanced') changes.push(e); });
    acct.advance('PT20M');
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, root));
    acct.advance('PT20M');
    expect(changes.some((e) => e.type === 'metricFilter.matched' && e.metricName === 'RootAccountUsage')).toBe(true);
    const after = ok(acct.call('cloudwatch:DescribeAlarmHistory', { AlarmName: 'CIS-1.7-RootAccountUsage', HistoryItemType: 'StateUpdate' }, admin))['AlarmHistoryItems'] as JsonObject[];
    expect(after.some((h) => String(h['HistorySummary']).includes('to ALARM'))).toBe(true);
    const inbox = ok(acct.call('sim:ReadInbox', {}, admin))['Notifications'] as JsonObject[];
    expect(inbox.some((n) => String(n['Subject']).includes('CIS-1.7-RootAccountUsage'))).toBe(true);
    // Trail deliveries land between CloudWatch's minutes; advances of any size keep time moving forward and the
    // second root login is counted too.
    const before = acct.clock.now();
    const matchedBefore = changes.filter((e) => e.type === 'metricFilter.matched').length;
    acct.advance(90_500);
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, root));
    acct.advance(301_000);
    acct.advance('PT10M');
    expect(acct.clock.now()).toBe(before + 90_500 + 301_000 + 600_000);
    expect(changes.filter((e) => e.type === 'metricFilter.matched').length).toBe(matchedBefore + 1);
  });

  it('all fourteen presets on one log group through 91 days of activity stay fast', () => {
    const { acct, admin } = trailToLogs();
    const topicArn = ok(acct.call('sns:CreateTopic', { Name: 'security-alerts' }, admin))['TopicArn'] as string;
    for (let i = 1; i <= 14; i++) ok(acct.call('sim:ApplyCisPreset', { PresetId: `CloudWatch.${i}`, LogGroupName: GROUP, TopicArn: topicArn }, admin));
    expect(Object.keys(acct.logs.model.group('us-east-1', GROUP).metricFilters)).toHaveLength(14);
    const t0 = performance.now();
    for (let day = 0; day < 91; day++) {
      for (let i = 0; i < 20; i++) ok(acct.call('ec2:CreateSecurityGroup', { GroupName: `web-${day}-${i}`, Description: 'x' }, admin));
      acct.advance('P1D');
    }
    const ms = performance.now() - t0;
    expect(logMetric(acct, 'SecurityGroupChanges').reduce((n, [, , sum]) => n + sum, 0)).toBeGreaterThan(0);
    expect(ms).toBeLessThan(30_000);
    console.info(`91 days, 1820 calls through 14 CIS filters: ${Math.round(ms)} ms`);
  }, 60_000);
});
