import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole, userWithKey } from '../support';

const trustAccount = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] });

describe('STS', () => {
  it('AssumeRole needs the trust policy and, when it names the account, an identity policy too', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateRole', { RoleName: 'auditor', AssumeRolePolicyDocument: trustAccount }, c));
    ok(acct.call('iam:AttachRolePolicy', { RoleName: 'auditor', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, c));
    userWithKey(acct, 'frank');
    const cli = { as: 'frank', region: 'us-east-2', via: 'cli' as const };
    const params = { RoleArn: 'arn:aws:iam::123456789012:role/auditor', RoleSessionName: 'frank-audit' };
    const denied = acct.call('sts:AssumeRole', params, cli);
    expect(denied.ok ? '' : denied.error).toEqual({
      code: 'AccessDenied',
      message: 'User: arn:aws:iam::123456789012:user/frank is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/auditor',
    });
    expect(onlyRecord(denied).errorCode).toBe('AccessDenied');
    const allow = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/auditor' }] });
    ok(acct.call('iam:PutUserPolicy', { UserName: 'frank', PolicyName: 'assume', PolicyDocument: allow }, c));
    const r = acct.call('sts:AssumeRole', params, cli);
    const creds = ok(r)['Credentials'] as Record<string, string>;
    expect(creds['AccessKeyId']).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const rec = onlyRecord(r);
    expect(rec.awsRegion).toBe('us-east-2');
    expect(rec.requestParameters).toEqual({ roleArn: params.RoleArn, roleSessionName: 'frank-audit' });
    expect(rec.resources).toEqual([{ accountId: '123456789012', type: 'AWS::IAM::Role', ARN: params.RoleArn }]);
    expect(JSON.stringify(rec)).not.toContain(creds['SecretAccessKey'] ?? 'none');

    // The role session now acts with the role's permissions and its own userIdentity.
    const asRole = { as: 'role:auditor', region: 'us-east-2', via: 'cli' as const };
    const who = acct.call('sts:GetCallerIdentity', {}, asRole);
    expect(ok(who)['Arn']).toBe('arn:aws:sts::123456789012:assumed-role/auditor/frank-audit');
    const id = onlyRecord(who).userIdentity;
    expect(id.type).toBe('AssumedRole');
    expect(id.principalId).toMatch(/^AROA[A-Z2-7]{17}:frank-audit$/);
    expect(id.accessKeyId).toBe(creds['AccessKeyId']);
    expect(id.sessionContext?.sessionIssuer).toEqual({ type: 'Role', principalId: expect.stringMatching(/^AROA/), arn: params.RoleArn, accountId: '123456789012', userName: 'auditor' });
    expect(id.sessionContext?.attributes).toEqual({ creationDate: '2026-11-01T00:00:00Z', mfaAuthenticated: 'false' });
    expect(onlyRecord(who).requestParameters).toBeNull();
    expect(onlyRecord(who).readOnly).toBe(true);
    expect(acct.call('s3:ListBuckets', {}, asRole).ok).toBe(true);
    const write = acct.call('s3:CreateBucket', { Bucket: 'nope', CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }, asRole);
    expect(write.ok ? '' : write.error.code).toBe('AccessDenied');

    acct.advance('PT2H');
    const expired = acct.call('sts:GetCallerIdentity', {}, asRole);
    expect(expired.ok ? '' : expired.error.code).toBe('Sim.NoSession');
    expect(expired.records).toEqual([]);
  });

  it('root cannot assume roles', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trustAccount }, c));
    const r = acct.call('sts:AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'x1' }, c);
    expect(r.ok ? '' : r.error).toEqual({ code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
  });
});
