import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('signin:ConsoleLogin', () => {
  it('root success with MFA: AwsConsoleSignIn in us-east-1, no requestID or readOnly', () => {
    const { acct } = newAccount();
    const r = acct.call('signin:ConsoleLogin', { success: true, mfa: true }, { as: 'root', region: 'ap-northeast-2', via: 'console' });
    ok(r);
    const rec = onlyRecord(r);
    expect(rec.eventType).toBe('AwsConsoleSignIn');
    expect(rec.eventSource).toBe('signin.amazonaws.com');
    expect(rec.eventName).toBe('ConsoleLogin');
    expect(rec.awsRegion).toBe('us-east-1');
    expect(rec.userIdentity).toEqual({ type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', accessKeyId: '' });
    expect(rec.requestParameters).toBeNull();
    expect(rec.responseElements).toEqual({ ConsoleLogin: 'Success' });
    expect(rec.additionalEventData).toMatchObject({ MobileVersion: 'No', MFAUsed: 'Yes' });
    expect(rec.additionalEventData?.['LoginTo']).toMatch(/^https:\/\/console\.aws\.amazon\.com\//);
    expect(rec.requestID).toBeUndefined();
    expect(rec.readOnly).toBeUndefined();
    expect(rec.managementEvent).toBe(true);
    expect(rec.eventCategory).toBe('Management');
    expect(rec.userAgent).toMatch(/^Mozilla\/5\.0/);
    expect(rec.errorCode).toBeUndefined();
  });

  it('IAM user failure: errorMessage "Failed authentication", no errorCode, no arn, empty accessKeyId', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateUser', { UserName: 'gina' }, c));
    ok(acct.call('iam:CreateLoginProfile', { UserName: 'gina', Password: 'Correct-Horse-9' }, c));
    const r = acct.call('signin:ConsoleLogin', { success: false, mfa: false }, { as: 'gina', region: 'us-east-1', via: 'console' });
    expect(r.ok).toBe(false);
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBeUndefined();
    expect(rec.errorMessage).toBe('Failed authentication');
    expect(rec.responseElements).toEqual({ ConsoleLogin: 'Failure' });
    expect(rec.userIdentity.arn).toBeUndefined();
    expect(rec.userIdentity.accessKeyId).toBe('');
    expect(rec.userIdentity.userName).toBe('gina');
    expect(rec.additionalEventData?.['MFAUsed']).toBe('No');
  });

  it('unknown user names are hidden; a Regional endpoint records the sign-in in that Region', () => {
    const { acct } = newAccount();
    const r = acct.call('signin:ConsoleLogin', { success: false, mfa: false }, { as: 'nobody', region: 'us-east-1', via: 'console' });
    expect(onlyRecord(r).userIdentity.userName).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateUser', { UserName: 'hana' }, c));
    ok(acct.call('iam:CreateLoginProfile', { UserName: 'hana', Password: 'pw-Long-enough-1' }, c));
    const s = acct.call('signin:ConsoleLogin', { success: true, mfa: false, endpoint: 'regional' }, { as: 'hana', region: 'ap-northeast-2', via: 'console' });
    const rec = onlyRecord(s);
    expect(rec.awsRegion).toBe('ap-northeast-2');
    expect(rec.userIdentity).toEqual({ type: 'IAMUser', principalId: expect.stringMatching(/^AIDA/), arn: 'arn:aws:iam::123456789012:user/hana', accountId: '123456789012', userName: 'hana' });
    // The console session is what later console calls by hana are made with.
    const later = onlyRecord(acct.call('iam:GetUser', {}, { as: 'hana', region: 'ap-northeast-2', via: 'console' }));
    expect(later.userIdentity.sessionContext?.attributes.mfaAuthenticated).toBe('false');
    expect(later.sessionCredentialFromConsole).toBe('true');
  });

  it('a console call without a session first signs the person in, and both are recorded', () => {
    const { acct } = newAccount();
    const r = acct.call('ec2:DescribeVpcs', {}, { as: 'root', region: 'ap-northeast-2', via: 'console' });
    expect(r.ok).toBe(true);
    expect(r.records.map((x) => [x.eventName, x.awsRegion])).toEqual([['ConsoleLogin', 'us-east-1'], ['DescribeVpcs', 'ap-northeast-2']]);
    expect(r.records[1]?.userIdentity.accessKeyId).toMatch(/^ASIA/);
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateUser', { UserName: 'nopass' }, c));
    const refused = acct.call('iam:ListUsers', {}, { as: 'nopass', region: 'us-east-1', via: 'console' });
    expect(refused.ok ? '' : refused.error.code).toBe('Sim.NotSignedIn');
    expect(refused.records).toEqual([]);
    const cli = acct.call('signin:ConsoleLogin', { success: true, mfa: false }, { as: 'root', region: 'us-east-1', via: 'cli' });
    expect(cli.ok ? '' : cli.error.code).toBe('Sim.InvalidChannel');
  });
});
