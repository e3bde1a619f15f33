// Records the simulator really writes, made by a short scripted session, for read-the-JSON questions.
import { Account } from '../../simulator';
import type { CloudTrailRecord, JsonObject } from '../../simulator/core/contract';
import type { CallContext } from '../../simulator/core/call';
import type { RecordSample } from './generate';

const START = Date.parse('2026-11-07T01:00:00Z');
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
});

/** Who did what, through which channel: each step's records become samples (failures included, as CloudTrail keeps them). */
const STEPS: { label: string; api: string; params: JsonObject; ctx: CallContext }[] = [
  { label: 'root-login', api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } },
  { label: 'root-bucket', api: 's3:CreateBucket', params: { Bucket: 'team-reports', CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' } }, ctx: { as: 'root', region: 'ap-northeast-2', via: 'console' } },
  { label: 'root-user', api: 'iam:CreateUser', params: { UserName: 'dev' }, ctx: { as: 'root', region: 'ap-northeast-2', via: 'console' } },
  { label: 'root-key', api: 'iam:CreateAccessKey', params: { UserName: 'dev' }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } },
  { label: 'root-attach', api: 'iam:AttachUserPolicy', params: { UserName: 'dev', PolicyArn: ADMIN }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } },
  { label: 'root-role', api: 'iam:CreateRole', params: { RoleName: 'Deployer', AssumeRolePolicyDocument: TRUST }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } },
  { label: 'root-role-policy', api: 'iam:AttachRolePolicy', params: { RoleName: 'Deployer', PolicyArn: ADMIN }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } },
  { label: 'dev-vpc', api: 'ec2:CreateDefaultVpc', params: {}, ctx: { as: 'dev', region: 'ap-northeast-2', via: 'cli' } },
  { label: 'dev-describe', api: 'ec2:DescribeVpcs', params: {}, ctx: { as: 'dev', region: 'ap-northeast-2', via: 'cli' } },
  { label: 'dev-put', api: 's3:PutObject', params: { Bucket: 'team-reports', Key: 'q4.csv', Body: 'a,b' }, ctx: { as: 'dev', region: 'ap-northeast-2', via: 'cli' } },
  { label: 'dev-get-missing', api: 's3:GetObject', params: { Bucket: 'team-reports', Key: 'missing.csv' }, ctx: { as: 'dev', region: 'ap-northeast-2', via: 'sdk' } },
  { label: 'dev-assume', api: 'sts:AssumeRole', params: { RoleArn: 'arn:aws:iam::123456789012:role/Deployer', RoleSessionName: 'deploy-1' }, ctx: { as: 'dev', region: 'us-east-1', via: 'cli' } },
  { label: 'role-users', api: 'iam:ListUsers', params: {}, ctx: { as: 'role:Deployer', region: 'us-east-1', via: 'sdk' } },
  { label: 'role-bucket-delete', api: 's3:DeleteBucket', params: { Bucket: 'team-reports' }, ctx: { as: 'role:Deployer', region: 'ap-northeast-2', via: 'sdk' } },
];

export function recordSamples(): RecordSample[] {
  const acct = new Account({ seed: 7, startMs: START });
  const samples: RecordSample[] = [];
  for (const step of STEPS) {
    const result = acct.call(step.api, step.params, step.ctx);
    result.records.forEach((record: CloudTrailRecord, i) => samples.push({ id: `${step.label}${i ? `-${i}` : ''}`, record }));
    acct.advance('PT1M');
  }
  return samples;
}
