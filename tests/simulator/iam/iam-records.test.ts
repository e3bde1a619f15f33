import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole, userWithKey } from '../support';

describe('IAM calls and their records', () => {
  it('CreateUser from the console: global event recorded in us-east-1, console-session identity', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'ap-northeast-2');
    const r = acct.call('iam:CreateUser', { UserName: 'alice' }, c);
    const res = ok(r);
    const user = res['User'] as Record<string, string>;
    expect(user['UserId']).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user['Arn']).toBe('arn:aws:iam::123456789012:user/alice');
    const rec = onlyRecord(r);
    expect(rec.awsRegion).toBe('us-east-1');
    expect(rec.eventSource).toBe('iam.amazonaws.com');
    expect(rec.eventName).toBe('CreateUser');
    expect(rec.eventType).toBe('AwsApiCall');
    expect(rec.readOnly).toBe(false);
    expect(rec.managementEvent).toBe(true);
    expect(rec.eventCategory).toBe('Management');
    expect(rec.requestParameters).toEqual({ userName: 'alice' });
    const re = (rec.responseElements as { user: Record<string, string> }).user;
    expect(re['createDate']).toBe('Nov 1, 2026 12:00:00 AM');
    expect(re['userName']).toBe('alice');
    expect(rec.userIdentity.type).toBe('Root');
    expect(rec.userIdentity.accessKeyId).toMatch(/^ASIA/);
    expect(rec.userIdentity.sessionContext?.attributes.mfaAuthenticated).toBe('true');
    expect(rec.sessionCredentialFromConsole).toBe('true');
    expect(rec.tlsDetails).toBeUndefined();
    expect(rec.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(rec.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rec.eventTime).toBe('2026-11-01T00:00:00Z');
    expect(rec.recipientAccountId).toBe('123456789012');
  });

  it('AttachRolePolicy records roleName and policyArn, responseElements null', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] });
    ok(acct.call('iam:CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trust }, c));
    const r = acct.call('iam:AttachRolePolicy', { RoleName: 'deployer', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, c);
    ok(r);
    const rec = onlyRecord(r);
    expect(rec.requestParameters).toEqual({ roleName: 'deployer', policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    expect(rec.responseElements).toBeNull();
    expect(rec.awsRegion).toBe('us-east-1');
  });

  it('missing entities fail with NoSuchEntity and are recorded with the error', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('iam:AttachRolePolicy', { RoleName: 'ghost', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ code: 'NoSuchEntity', message: 'The role with name ghost cannot be found.' });
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBe('NoSuchEntity');
    expect(rec.errorMessage).toBe('The role with name ghost cannot be found.');
    expect(rec.responseElements).toBeNull();
  });

  it('GetUser for a missing user is refused with that user\'s name each time, then answers once the user exists', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    for (const name of ['ghost', 'ghost', 'phantom', 'ghost']) {
      const r = acct.call('iam:GetUser', { UserName: name }, c);
      expect(r.ok ? '' : r.error).toEqual({ code: 'NoSuchEntity', message: `The user with name ${name} cannot be found.` });
      const rec = onlyRecord(r);
      expect(rec.errorCode).toBe('NoSuchEntity');
      expect(rec.errorMessage).toBe(`The user with name ${name} cannot be found.`);
      expect(rec.requestParameters).toEqual({ userName: name });
      expect(rec.responseElements).toBeNull();
    }
    // Thrown by other actions on the same missing user: the same answer.
    const keys = acct.call('iam:ListAccessKeys', { UserName: 'ghost' }, c);
    expect(keys.ok ? '' : keys.error).toEqual({ code: 'NoSuchEntity', message: 'The user with name ghost cannot be found.' });
    ok(acct.call('iam:CreateUser', { UserName: 'ghost' }, c));
    expect((ok(acct.call('iam:GetUser', { UserName: 'ghost' }, c))['User'] as Record<string, string>)['UserName']).toBe('ghost');
  });

  it('a user without permission is denied with AccessDenied, and the denial is recorded', () => {
    const { acct } = newAccount();
    userWithKey(acct, 'bob');
    const r = acct.call('iam:CreateUser', { UserName: 'mallory' }, { as: 'bob', region: 'us-west-2', via: 'cli' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('AccessDenied');
    expect(r.error.message).toBe(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the iam:CreateUser action',
    );
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBe('AccessDenied');
    expect(rec.awsRegion).toBe('us-east-1');
    expect(rec.userIdentity).toEqual({
      type: 'IAMUser', principalId: expect.stringMatching(/^AIDA/), arn: 'arn:aws:iam::123456789012:user/bob', accountId: '123456789012',
      accessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), userName: 'bob',
    });
    expect(rec.userAgent).toMatch(/^aws-cli\/2\.\S+ .*md\/command#iam\.create-user$/);
    expect(rec.tlsDetails).toEqual({ tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'iam.amazonaws.com' });
    expect(rec.sourceIPAddress).toMatch(/^203\.0\.113\.\d+$/);
    expect(acct.iam.model.state.users['mallory']).toBeUndefined();
  });

  it('explicit Deny beats Allow', () => {
    const { acct } = newAccount();
    userWithKey(acct, 'carol', ['arn:aws:iam::aws:policy/AdministratorAccess']);
    const c = rootConsole(acct);
    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:Create*', Resource: '*' }] });
    ok(acct.call('iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'no-create', PolicyDocument: deny }, c));
    const cli = { as: 'carol', region: 'us-east-1', via: 'cli' as const };
    const r = acct.call('iam:CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: '{"Statement":[]}' }, cli);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('with an explicit deny in an identity-based policy');
    expect(acct.call('iam:ListUsers', {}, cli).ok).toBe(true);
  });

  it('the access key secret never reaches the record', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateUser', { UserName: 'dave' }, c));
    const r = acct.call('iam:CreateAccessKey', { UserName: 'dave' }, c);
    const key = ok(r)['AccessKey'] as Record<string, string>;
    expect(key['SecretAccessKey']).toHaveLength(40);
    // Order and date form as in a real CreateAccessKey record ("createDate": "Nov 2, 2023 3:26:53 PM").
    const ak = (onlyRecord(r).responseElements as { accessKey: Record<string, string> }).accessKey;
    expect(Object.keys(ak)).toEqual(['accessKeyId', 'status', 'userName', 'createDate']);
    expect(ak['createDate']).toBe('Nov 1, 2026 12:00:00 AM');
    expect(JSON.stringify(onlyRecord(r))).not.toContain(key['SecretAccessKey']);
  });
});
