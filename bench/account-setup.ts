// The account the throughput target names: 10 trails, 50 EventBridge rules, 20 metric filters and
// 100 alarms, all made through account.call as a learner would, plus the steady call mix that drives it.
import { Account } from '../simulator/account';
import type { CallContext, CallResult } from '../simulator/core/call';
import type { JsonObject } from '../simulator/core/contract';
import { ACCOUNT, ADMIN, trailBucketPolicy } from '../content/scenarios/checks';

export const START_MS = Date.parse('2026-01-01T00:00:00Z');
const GROUP = 'CloudTrail/bench';
const CT_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const WRITE_LOGS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:*` }],
});

/** Event names the rules and filters watch; the call mix below produces some of them and not others. */
const WATCHED = [
  'DeleteBucket', 'ListBuckets', 'DescribeInstances', 'GetUser', 'GetCallerIdentity', 'DescribeVpcs', 'DescribeSecurityGroups', 'ConsoleLogin',
  'CreateUser', 'DeleteUser', 'AttachUserPolicy', 'PutBucketPolicy', 'StopLogging', 'DeleteTrail', 'UpdateTrail', 'AuthorizeSecurityGroupIngress',
  'CreateAccessKey', 'PutRolePolicy', 'DeleteRole', 'RunInstances',
];

function must(r: CallResult, what: string): JsonObject {
  if (!r.ok) throw new Error(`bench set-up: ${what} failed: ${r.error.code}: ${r.error.message}`);
  return r.response;
}

export interface BenchAccount {
  acct: Account;
  /** The admin's CLI context the workload calls through. */
  cli: CallContext;
}

/** Builds the account. `insights` turns on ApiCallRateInsight on the first trail (the 90-day run's example).
 *  `publishAllowed` gives the topic a policy that lets EventBridge publish (as the scenarios teach); without it
 *  the topic keeps its default policy and SNS refuses every delivery of the rules, as AWS would. */
export function benchAccount(seed: number, insights: boolean, publishAllowed = false): BenchAccount {
  const acct = new Account({ seed, startMs: START_MS });
  const root = { as: 'root', region: 'us-east-1', via: 'console' as const };
  must(acct.call('iam:CreateUser', { UserName: 'admin' }, root), 'CreateUser');
  must(acct.call('iam:CreateAccessKey', { UserName: 'admin' }, root), 'CreateAccessKey');
  must(acct.call('iam:AttachUserPolicy', { UserName: 'admin', PolicyArn: ADMIN }, root), 'AttachUserPolicy');
  const cli: CallContext = { as: 'admin', region: 'us-east-1', via: 'cli' };
  const c = (api: string, params: JsonObject) => must(acct.call(api, params, cli), api);

  c('logs:CreateLogGroup', { logGroupName: GROUP });
  c('iam:CreateRole', { RoleName: 'ct-to-logs', AssumeRolePolicyDocument: CT_TRUST });
  c('iam:PutRolePolicy', { RoleName: 'ct-to-logs', PolicyName: 'write', PolicyDocument: WRITE_LOGS });
  for (let i = 0; i < 10; i++) {
    const bucket = `trail-${i}-${ACCOUNT}`;
    c('s3:CreateBucket', { Bucket: bucket });
    c('s3:PutBucketPolicy', { Bucket: bucket, Policy: trailBucketPolicy(bucket) });
    const logs: JsonObject = i === 0 ? { CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${GROUP}:*`, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/ct-to-logs` } : {};
    // Half multi-Region, half single-Region: routing has both kinds to decide.
    c('cloudtrail:CreateTrail', { Name: `trail-${i}`, S3BucketName: bucket, IsMultiRegionTrail: i % 2 === 0, EnableLogFileValidation: i % 3 === 0, ...logs });
    c('cloudtrail:StartLogging', { Name: `trail-${i}` });
  }
  if (insights) c('cloudtrail:PutInsightSelectors', { TrailName: 'trail-0', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });

  c('sns:CreateTopic', { Name: 'bench' });
  const topic = `arn:aws:sns:us-east-1:${ACCOUNT}:bench`;
  c('sns:Subscribe', { TopicArn: topic, Protocol: 'email', Endpoint: 'ops@example.com' });
  if (publishAllowed) {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'AllowEventBridge', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: topic }] };
    c('sns:SetTopicAttributes', { TopicArn: topic, AttributeName: 'Policy', AttributeValue: JSON.stringify(policy) });
  }
  for (let i = 0; i < 50; i++) {
    const name = WATCHED[i % WATCHED.length]!;
    // Rules differ in shape as well as value: plain match, prefix match, and a source-only rule.
    const detail = i % 3 === 0 ? { eventName: [name] } : i % 3 === 1 ? { eventName: [{ prefix: name.slice(0, 4) }], readOnly: [i % 2 === 0] } : { eventSource: [{ suffix: '.amazonaws.com' }], eventName: [name] };
    c('events:PutRule', { Name: `rule-${i}`, EventPattern: JSON.stringify({ 'detail-type': ['AWS API Call via CloudTrail'], detail }) });
    if (i % 5 === 0) c('events:PutTargets', { Rule: `rule-${i}`, Targets: [{ Id: 'mail', Arn: topic }] });
  }
  for (let i = 0; i < 20; i++) {
    const name = WATCHED[i]!;
    c('logs:PutMetricFilter', {
      logGroupName: GROUP, filterName: `filter-${i}`, filterPattern: `{ ($.eventName = "${name}") && ($.awsRegion = "*") }`,
      metricTransformations: [{ metricName: `${name}Count`, metricNamespace: 'Bench', metricValue: '1' }],
    });
  }
  for (let i = 0; i < 100; i++) {
    const metric = `${WATCHED[i % 20]!}Count`;
    c('cloudwatch:PutMetricAlarm', {
      AlarmName: `alarm-${i}`, Namespace: 'Bench', MetricName: metric, Statistic: 'Sum', Period: 300, EvaluationPeriods: 1 + (i % 3),
      Threshold: 10 + i, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', ...(i % 10 === 0 ? { AlarmActions: [topic] } : {}),
    });
  }
  return { acct, cli };
}

/** The steady call mix: reads and writes, successes and errors, across two Regions. */
export const MIX: { api: string; params: JsonObject; region: string }[] = [
  { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, region: 'us-east-1' },
  { api: 'ec2:DescribeInstances', params: {}, region: 'us-east-1' },
  { api: 's3:ListBuckets', params: {}, region: 'us-east-1' },
  { api: 'iam:GetUser', params: { UserName: 'admin' }, region: 'us-east-1' },
  { api: 'sts:GetCallerIdentity', params: {}, region: 'ap-northeast-2' },
  { api: 'ec2:DescribeVpcs', params: {}, region: 'ap-northeast-2' },
  { api: 'ec2:DescribeSecurityGroups', params: {}, region: 'us-east-1' },
  { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, region: 'us-east-1' },
];

/** Makes `n` calls of the mix, starting at mix position `from`; returns the next position. */
export function runMix(b: BenchAccount, n: number, from = 0): number {
  let k = from;
  for (let i = 0; i < n; i++, k++) {
    const m = MIX[k % MIX.length]!;
    b.acct.call(m.api, m.params, { ...b.cli, region: m.region });
  }
  return k;
}
