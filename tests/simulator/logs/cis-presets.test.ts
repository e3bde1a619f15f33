// Each CIS preset against one realistic CloudTrail record it must count and one it must not.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject, UserIdentity } from '../../../simulator/core/contract';
import { CIS_PRESETS, findCisPreset } from '../../../simulator/logs/cis-presets';
import { matchesFilterPattern } from '../../../simulator/logs/filter-pattern';
import { compileMetricFilter, metricValuesFor } from '../../../simulator/logs/metric-filter';

const ACCOUNT = '123456789012';
const ALICE: UserIdentity = {
  type: 'IAMUser',
  principalId: 'AIDAJ45Q7YFFAREXAMPLE',
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  userName: 'alice',
};
const ROOT: UserIdentity = { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };

function record(eventSource: string, eventName: string, extra: Partial<CloudTrailRecord> = {}): string {
  const r: CloudTrailRecord = {
    eventVersion: '1.09',
    userIdentity: ALICE,
    eventTime: '2026-11-26T09:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'ap-northeast-2',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    eventID: '6b7a1f0e-0f7c-4d35-9e6b-0a6d3b8c1e21',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...extra,
  };
  return JSON.stringify(r);
}

function consoleLogin(identity: UserIdentity, ok: boolean, mfa: 'Yes' | 'No'): string {
  const additionalEventData: JsonObject = { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa };
  return record('signin.amazonaws.com', 'ConsoleLogin', {
    userIdentity: identity,
    eventType: 'AwsConsoleSignIn',
    responseElements: { ConsoleLogin: ok ? 'Success' : 'Failure' },
    additionalEventData,
    ...(ok ? {} : { errorMessage: 'Failed authentication' }),
    awsRegion: 'us-east-1',
  });
}

const api = (source: string, name: string) => record(`${source}.amazonaws.com`, name);

const CASES: Record<string, { yes: string; no: string }> = {
  'CloudWatch.1': {
    yes: consoleLogin(ROOT, true, 'No'),
    no: record('s3.amazonaws.com', 'GetBucketAcl', { userIdentity: { ...ROOT, invokedBy: 'support.amazonaws.com' } }),
  },
  'CloudWatch.2': {
    yes: record('s3.amazonaws.com', 'GetObject', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
    no: record('s3.amazonaws.com', 'GetObject', { errorCode: 'NoSuchKey', errorMessage: 'The specified key does not exist.' }),
  },
  'CloudWatch.3': { yes: consoleLogin(ALICE, true, 'No'), no: consoleLogin(ALICE, true, 'Yes') },
  'CloudWatch.4': { yes: api('iam', 'AttachRolePolicy'), no: api('iam', 'GetRolePolicy') },
  'CloudWatch.5': { yes: api('cloudtrail', 'StopLogging'), no: api('cloudtrail', 'LookupEvents') },
  'CloudWatch.6': { yes: consoleLogin(ALICE, false, 'No'), no: consoleLogin(ALICE, true, 'No') },
  'CloudWatch.7': { yes: api('kms', 'ScheduleKeyDeletion'), no: api('kms', 'Decrypt') },
  'CloudWatch.8': { yes: api('s3', 'PutBucketPolicy'), no: api('s3', 'GetBucketPolicy') },
  'CloudWatch.9': { yes: api('config', 'StopConfigurationRecorder'), no: api('config', 'DescribeConfigurationRecorders') },
  'CloudWatch.10': { yes: api('ec2', 'AuthorizeSecurityGroupIngress'), no: api('ec2', 'DescribeSecurityGroups') },
  'CloudWatch.11': { yes: api('ec2', 'CreateNetworkAclEntry'), no: api('ec2', 'DescribeNetworkAcls') },
  'CloudWatch.12': { yes: api('ec2', 'AttachInternetGateway'), no: api('ec2', 'DescribeInternetGateways') },
  'CloudWatch.13': { yes: api('ec2', 'CreateRoute'), no: api('ec2', 'DescribeRouteTables') },
  'CloudWatch.14': { yes: api('ec2', 'CreateVpc'), no: api('ec2', 'DescribeVpcs') },
};

describe('CIS presets as data', () => {
  it('cover CloudWatch.1 to CloudWatch.14 once each, with the remediation settings', () => {
    expect(CIS_PRESETS.map((p) => p.id)).toEqual(Array.from({ length: 14 }, (_, i) => `CloudWatch.${i + 1}`));
    for (const p of CIS_PRESETS) {
      expect(p.metricNamespace).toBe('LogMetrics');
      expect(p.alarm).toMatchObject({ threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold', period: 300, evaluationPeriods: 1 });
      expect(p.sourceUrl).toBe(`https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-${p.id.slice(11)}`);
      expect(p.titleKo.length).toBeGreaterThan(0);
    }
    expect(new Set(CIS_PRESETS.map((p) => p.metricName)).size).toBe(14);
  });
  it('keep the prescribed pattern text exactly', () => {
    expect(findCisPreset('CloudWatch.1')?.filterPattern).toBe(
      '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    );
    expect(findCisPreset('CloudWatch.2')?.filterPattern).toBe('{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}');
  });
});

describe.each(CIS_PRESETS.map((p) => [p.id, p] as const))('%s', (id, preset) => {
  const cases = CASES[id];
  const compiled = compileMetricFilter({
    filterPattern: preset.filterPattern,
    metricTransformations: [{ metricName: preset.metricName, metricNamespace: preset.metricNamespace, metricValue: preset.metricValue }],
  });
  it('counts the matching record once', () => {
    expect(metricValuesFor(compiled, cases?.yes ?? '')).toEqual([
      { metricNamespace: 'LogMetrics', metricName: preset.metricName, value: 1, unit: undefined, dimensions: {} },
    ]);
  });
  it('ignores the other record', () => {
    expect(metricValuesFor(compiled, cases?.no ?? '')).toEqual([]);
  });
});

describe('details the presets depend on', () => {
  const root = findCisPreset('CloudWatch.1')?.filterPattern ?? '';
  it('root activity by an AWS service (invokedBy) or a service event is not counted', () => {
    expect(matchesFilterPattern(root, record('s3.amazonaws.com', 'ListBuckets', { userIdentity: ROOT }))).toBe(true);
    expect(matchesFilterPattern(root, record('health.amazonaws.com', 'AWSHealthEvent', { userIdentity: ROOT, eventType: 'AwsServiceEvent' }))).toBe(false);
  });
  it('EC2 answers Client.UnauthorizedOperation, also counted as unauthorized', () => {
    const p = findCisPreset('CloudWatch.2')?.filterPattern ?? '';
    expect(matchesFilterPattern(p, record('ec2.amazonaws.com', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation' }))).toBe(true);
    expect(matchesFilterPattern(p, record('s3.amazonaws.com', 'PutObject', { errorCode: 'AccessDeniedException' }))).toBe(true);
  });
  it('in the third-party CIS 1.4 variant the exclusions bind only to the AccessDenied branch (&& before ||)', () => {
    const v14 =
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    expect(matchesFilterPattern(v14, record('s3.amazonaws.com', 'HeadBucket', { errorCode: 'AccessDenied' }))).toBe(false);
    expect(matchesFilterPattern(v14, record('ec2.amazonaws.com', 'HeadBucket', { errorCode: 'Client.UnauthorizedOperation' }))).toBe(true);
  });
  it('a sign-in without MFA from the root user is not the MFA control but is root usage', () => {
    expect(matchesFilterPattern(findCisPreset('CloudWatch.3')?.filterPattern ?? '', consoleLogin(ROOT, true, 'No'))).toBe(false);
  });
});
