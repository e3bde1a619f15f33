// Request parameters of the most used actions, as data: field name (AWS's own), type, required, default,
// and where to pick existing values from. Defaults may use {accountId}, {region}, {regionUnlessUsEast1}
// and {FieldName} (another field's value). Actions not listed here get the JSON editor.

export type FieldType = 'string' | 'text' | 'int' | 'number' | 'bool' | 'json' | 'enum' | 'list';
/** Existing resources a field can be picked from (the form lists them). */
export type PickSource = 'users' | 'roles' | 'roleArns' | 'policies' | 'buckets' | 'vpcs' | 'subnets' | 'trails' | 'functions' | 'topics' | 'logGroups' | 'rules' | 'instances' | 'securityGroups';

export interface FieldSpec {
  /** AWS's member name; a dotted name builds a nested object (CreateBucketConfiguration.LocationConstraint). */
  name: string;
  type: FieldType;
  required?: boolean;
  default?: string;
  options?: string[];
  pick?: PickSource;
  hintKo?: string;
}

export interface ParamSpec {
  api: string;
  fields: FieldSpec[];
}

const TRAIL_BUCKET_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": { "Service": "cloudtrail.amazonaws.com" },
      "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::{Bucket}" },
    { "Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": { "Service": "cloudtrail.amazonaws.com" },
      "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{Bucket}/AWSLogs/{accountId}/*",
      "Condition": { "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control" } } }
  ]
}`;

const TRUST_ACCOUNT = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{accountId}:root"},"Action":"sts:AssumeRole"}]}`;

export const PARAM_SPECS: ParamSpec[] = [
  {
    api: 'signin:ConsoleLogin',
    fields: [
      { name: 'success', type: 'bool', required: true, default: 'true', hintKo: 'false면 잘못된 비밀번호로 로그인에 실패한 것으로 기록됩니다.' },
      { name: 'mfa', type: 'bool', required: true, default: 'false', hintKo: 'MFA 장치가 있는 사용자(bob)는 true, 없는 사용자(alice)는 false.' },
      { name: 'endpoint', type: 'enum', options: ['', 'regional'], default: '', hintKo: "비우면 글로벌 엔드포인트(us-east-1에 기록), 'regional'이면 선택한 리전에 기록됩니다(IAM 사용자만)." },
    ],
  },
  { api: 'iam:CreateUser', fields: [{ name: 'UserName', type: 'string', required: true, default: 'carol' }] },
  {
    api: 'iam:CreateLoginProfile',
    fields: [
      { name: 'UserName', type: 'string', required: true, pick: 'users' },
      { name: 'Password', type: 'string', required: true, default: 'Study-Passw0rd!' },
      { name: 'PasswordResetRequired', type: 'bool', default: 'false' },
    ],
  },
  {
    api: 'iam:AttachUserPolicy',
    fields: [
      { name: 'UserName', type: 'string', required: true, pick: 'users' },
      { name: 'PolicyArn', type: 'string', required: true, pick: 'policies', default: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ],
  },
  { api: 'iam:CreateAccessKey', fields: [{ name: 'UserName', type: 'string', pick: 'users', hintKo: '비우면 호출한 사람 자신의 키를 만듭니다.' }] },
  {
    api: 'iam:CreateRole',
    fields: [
      { name: 'RoleName', type: 'string', required: true, default: 'ReadOnlyAuditor' },
      { name: 'AssumeRolePolicyDocument', type: 'json', required: true, default: TRUST_ACCOUNT, hintKo: '신뢰 정책: 누가 이 역할을 맡을 수 있는지.' },
      { name: 'Description', type: 'string' },
    ],
  },
  {
    api: 'iam:AttachRolePolicy',
    fields: [
      { name: 'RoleName', type: 'string', required: true, pick: 'roles' },
      { name: 'PolicyArn', type: 'string', required: true, pick: 'policies', default: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    ],
  },
  {
    api: 'sts:AssumeRole',
    fields: [
      { name: 'RoleArn', type: 'string', required: true, pick: 'roleArns' },
      { name: 'RoleSessionName', type: 'string', required: true, default: 'learner-session' },
      { name: 'DurationSeconds', type: 'int', default: '3600' },
    ],
  },
  { api: 'ec2:CreateVpc', fields: [{ name: 'CidrBlock', type: 'string', required: true, default: '10.0.0.0/16' }] },
  {
    api: 'ec2:CreateSubnet',
    fields: [
      { name: 'VpcId', type: 'string', required: true, pick: 'vpcs' },
      { name: 'CidrBlock', type: 'string', required: true, default: '172.31.96.0/20', hintKo: 'VPC의 CIDR 안에 있고 기존 서브넷과 겹치지 않아야 합니다.' },
      { name: 'AvailabilityZone', type: 'string', default: '{region}a' },
    ],
  },
  { api: 'ec2:DeleteSubnet', fields: [{ name: 'SubnetId', type: 'string', required: true, pick: 'subnets' }] },
  {
    api: 'ec2:RunInstances',
    fields: [
      { name: 'ImageId', type: 'string', required: true, default: 'ami-0fc5d935ebf8bc3bc' },
      { name: 'InstanceType', type: 'enum', options: ['t3.micro', 't3.small', 'm5.large'], default: 't3.micro' },
      { name: 'MinCount', type: 'int', required: true, default: '1' },
      { name: 'MaxCount', type: 'int', required: true, default: '1' },
      { name: 'SubnetId', type: 'string', pick: 'subnets' },
    ],
  },
  { api: 'ec2:StopInstances', fields: [{ name: 'InstanceIds', type: 'list', required: true, pick: 'instances' }] },
  { api: 'ec2:TerminateInstances', fields: [{ name: 'InstanceIds', type: 'list', required: true, pick: 'instances' }] },
  {
    api: 'ec2:CreateSecurityGroup',
    fields: [
      { name: 'GroupName', type: 'string', required: true, default: 'web-sg' },
      { name: 'Description', type: 'string', required: true, default: 'web servers' },
      { name: 'VpcId', type: 'string', pick: 'vpcs' },
    ],
  },
  {
    api: 's3:CreateBucket',
    fields: [
      { name: 'Bucket', type: 'string', required: true, default: 'trail-logs-{accountId}' },
      { name: 'CreateBucketConfiguration.LocationConstraint', type: 'string', default: '{regionUnlessUsEast1}', hintKo: 'us-east-1이 아닌 리전에서는 리전 이름을 넣습니다.' },
    ],
  },
  {
    api: 's3:PutBucketPolicy',
    fields: [
      { name: 'Bucket', type: 'string', required: true, pick: 'buckets' },
      { name: 'Policy', type: 'json', required: true, default: TRAIL_BUCKET_POLICY, hintKo: 'CloudTrail이 이 버킷에 로그 파일을 쓸 수 있게 하는 정책(기본값).' },
    ],
  },
  {
    api: 's3:PutObject',
    fields: [
      { name: 'Bucket', type: 'string', required: true, pick: 'buckets' },
      { name: 'Key', type: 'string', required: true, default: 'reports/2026-11.txt' },
      { name: 'Body', type: 'text', default: '11월 보고서' },
      { name: 'ContentType', type: 'string', default: 'text/plain' },
    ],
  },
  { api: 's3:GetObject', fields: [{ name: 'Bucket', type: 'string', required: true, pick: 'buckets' }, { name: 'Key', type: 'string', required: true, default: 'reports/2026-11.txt' }] },
  { api: 's3:DeleteObject', fields: [{ name: 'Bucket', type: 'string', required: true, pick: 'buckets' }, { name: 'Key', type: 'string', required: true, default: 'reports/2026-11.txt' }] },
  { api: 's3:ListObjectsV2', fields: [{ name: 'Bucket', type: 'string', required: true, pick: 'buckets' }, { name: 'Prefix', type: 'string' }] },
  {
    api: 'lambda:Invoke',
    fields: [
      { name: 'FunctionName', type: 'string', required: true, pick: 'functions' },
      { name: 'InvocationType', type: 'enum', options: ['RequestResponse', 'Event'], default: 'RequestResponse' },
    ],
  },
  {
    api: 'cloudtrail:CreateTrail',
    fields: [
      { name: 'Name', type: 'string', required: true, default: 'management-trail' },
      { name: 'S3BucketName', type: 'string', required: true, pick: 'buckets' },
      { name: 'S3KeyPrefix', type: 'string' },
      { name: 'IsMultiRegionTrail', type: 'bool', default: 'true' },
      { name: 'IncludeGlobalServiceEvents', type: 'bool', default: 'true' },
      { name: 'EnableLogFileValidation', type: 'bool', default: 'true' },
    ],
  },
  { api: 'cloudtrail:StartLogging', fields: [{ name: 'Name', type: 'string', required: true, pick: 'trails' }] },
  { api: 'cloudtrail:StopLogging', fields: [{ name: 'Name', type: 'string', required: true, pick: 'trails' }] },
  { api: 'cloudtrail:GetTrailStatus', fields: [{ name: 'Name', type: 'string', required: true, pick: 'trails' }] },
  { api: 'cloudtrail:DeleteTrail', fields: [{ name: 'Name', type: 'string', required: true, pick: 'trails' }] },
  {
    api: 'cloudtrail:PutEventSelectors',
    fields: [
      { name: 'TrailName', type: 'string', required: true, pick: 'trails' },
      {
        name: 'EventSelectors', type: 'json', required: true,
        default: '[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]',
        hintKo: '"arn:aws:s3"는 모든 버킷의 객체 데이터 이벤트, "arn:aws:s3:::버킷/접두사"는 그 아래만.',
      },
    ],
  },
  {
    api: 'cloudtrail:LookupEvents',
    fields: [{ name: 'LookupAttributes', type: 'json', default: '[{"AttributeKey":"EventName","AttributeValue":"ConsoleLogin"}]' }, { name: 'MaxResults', type: 'int', default: '50' }],
  },
  { api: 'logs:CreateLogGroup', fields: [{ name: 'logGroupName', type: 'string', required: true, default: 'CloudTrail/management' }] },
  { api: 'logs:PutRetentionPolicy', fields: [{ name: 'logGroupName', type: 'string', required: true, pick: 'logGroups' }, { name: 'retentionInDays', type: 'int', required: true, default: '90' }] },
  { api: 'sns:CreateTopic', fields: [{ name: 'Name', type: 'string', required: true, default: 'security-alerts' }] },
  {
    api: 'sns:Publish',
    fields: [
      { name: 'TopicArn', type: 'string', required: true, pick: 'topics' },
      { name: 'Subject', type: 'string', default: '알림' },
      { name: 'Message', type: 'text', required: true, default: '테스트 메시지' },
    ],
  },
  {
    api: 'sns:Subscribe',
    fields: [
      { name: 'TopicArn', type: 'string', required: true, pick: 'topics' },
      { name: 'Protocol', type: 'enum', options: ['email', 'email-json', 'lambda', 'sqs'], default: 'email' },
      { name: 'Endpoint', type: 'string', required: true, default: 'me@example.com', hintKo: '이메일 구독은 알림함으로 받습니다.' },
    ],
  },
  {
    api: 'cloudwatch:PutMetricAlarm',
    fields: [
      { name: 'AlarmName', type: 'string', required: true, default: 'too-many-errors' },
      { name: 'Namespace', type: 'string', required: true, default: 'Study/App' },
      { name: 'MetricName', type: 'string', required: true, default: 'Errors' },
      { name: 'Statistic', type: 'enum', options: ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'], default: 'Sum' },
      { name: 'Period', type: 'int', required: true, default: '60' },
      { name: 'EvaluationPeriods', type: 'int', required: true, default: '1' },
      { name: 'Threshold', type: 'number', required: true, default: '1' },
      { name: 'ComparisonOperator', type: 'enum', options: ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'], default: 'GreaterThanOrEqualToThreshold' },
      { name: 'TreatMissingData', type: 'enum', options: ['missing', 'notBreaching', 'breaching', 'ignore'], default: 'notBreaching' },
      { name: 'AlarmActions', type: 'list', pick: 'topics', hintKo: '경보가 ALARM이 되면 알릴 SNS 주제 ARN.' },
    ],
  },
  {
    api: 'cloudwatch:SetAlarmState',
    fields: [
      { name: 'AlarmName', type: 'string', required: true, default: 'too-many-errors' },
      { name: 'StateValue', type: 'enum', options: ['OK', 'ALARM', 'INSUFFICIENT_DATA'], default: 'ALARM' },
      { name: 'StateReason', type: 'string', required: true, default: '경보 동작 시험' },
    ],
  },
  {
    api: 'logs:PutMetricFilter',
    fields: [
      { name: 'logGroupName', type: 'string', required: true, pick: 'logGroups' },
      { name: 'filterName', type: 'string', required: true, default: 'ConsoleSigninFailures' },
      { name: 'filterPattern', type: 'string', required: true, default: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }' },
      { name: 'metricTransformations', type: 'json', required: true, default: '[{"metricName":"ConsoleSigninFailureCount","metricNamespace":"CloudTrailMetrics","metricValue":"1"}]' },
    ],
  },
  {
    api: 'events:PutRule',
    fields: [
      { name: 'Name', type: 'string', required: true, default: 'console-signin' },
      { name: 'EventPattern', type: 'json', default: '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}' },
      { name: 'State', type: 'enum', options: ['ENABLED', 'DISABLED'], default: 'ENABLED' },
    ],
  },
  {
    api: 'cloudwatch:PutMetricData',
    fields: [
      { name: 'Namespace', type: 'string', required: true, default: 'Study/App' },
      { name: 'MetricData', type: 'json', required: true, default: '[{"MetricName":"Errors","Value":1,"Unit":"Count"}]' },
    ],
  },
];

export const PARAM_SPEC_BY_API: ReadonlyMap<string, ParamSpec> = new Map(PARAM_SPECS.map((s) => [s.api, s]));
