// How a new sandbox begins: seed 1 at a fixed start, and the people a learner needs, made by real
// recorded calls (so the event history starts with them, as a real account's would).
import type { JsonObject } from '../../../../../simulator';
import type { UiCallContext } from './protocol';

export const SANDBOX_SEED = 1;
/** A fixed recent Monday morning (KST 09:00), so every new sandbox is the same. */
export const SANDBOX_START = Date.parse('2026-11-23T00:00:00Z');

export interface SetupStep {
  api: string;
  params: JsonObject;
  ctx: UiCallContext;
}

const ROOT: UiCallContext = { as: 'root', region: 'us-east-1', via: 'console' };
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

function user(name: string, mfa: boolean, accountId: string): SetupStep[] {
  return [
    { api: 'iam:CreateUser', params: { UserName: name }, ctx: ROOT },
    { api: 'iam:CreateLoginProfile', params: { UserName: name, Password: `${name[0]!.toUpperCase()}${name.slice(1)}-Study-2026!`, PasswordResetRequired: false }, ctx: ROOT },
    ...(mfa
      ? [{ api: 'iam:EnableMFADevice', params: { UserName: name, SerialNumber: `arn:aws:iam::${accountId}:mfa/${name}`, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }, ctx: ROOT }]
      : []),
    { api: 'iam:AttachUserPolicy', params: { UserName: name, PolicyArn: ADMIN }, ctx: ROOT },
    { api: 'iam:CreateAccessKey', params: { UserName: name }, ctx: ROOT },
  ];
}

export function setupSteps(accountId: string): SetupStep[] {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }] };
  return [
    ...user('alice', false, accountId),
    ...user('bob', true, accountId),
    { api: 'iam:CreateRole', params: { RoleName: 'OpsAdmin', AssumeRolePolicyDocument: JSON.stringify(trust), Description: '운영 관리자 역할' }, ctx: ROOT },
    { api: 'iam:AttachRolePolicy', params: { RoleName: 'OpsAdmin', PolicyArn: ADMIN }, ctx: ROOT },
  ];
}
