import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

describe('who calls, and how it shows in the record', () => {
  it('an AWS service acting on its own: AWSService identity, its own name as source and user agent, no TLS details', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 't' }, c));
    const r = acct.call('sns:Publish', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'from a rule' }, { as: 'service:events.amazonaws.com', region: 'us-east-1', via: 'service' });
    const rec = onlyRecord(r);
    expect(rec.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'events.amazonaws.com' });
    expect(rec.sourceIPAddress).toBe('events.amazonaws.com');
    expect(rec.userAgent).toBe('events.amazonaws.com');
    expect(rec.tlsDetails).toBeUndefined();
    expect(rec.sessionCredentialFromConsole).toBeUndefined();
    const wrong = acct.call('sns:ListTopics', {}, { as: 'root', region: 'us-east-1', via: 'service' });
    expect(wrong.ok ? '' : wrong.error.code).toBe('Sim.InvalidCaller');
  });

  it('root through the CLI needs a root access key, and then writes a Root identity with that AKIA key', () => {
    const { acct } = newAccount();
    const cli = { as: 'root', region: 'us-west-2', via: 'cli' as const };
    const before = acct.call('ec2:DescribeVpcs', {}, cli);
    expect(before.ok ? '' : before.error.code).toBe('Sim.NoAccessKey');
    const key = ok(acct.call('iam:CreateAccessKey', {}, rootConsole(acct)))['AccessKey'] as Record<string, string>;
    const rec = onlyRecord(acct.call('ec2:DescribeVpcs', {}, cli));
    expect(rec.userIdentity).toEqual({ type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', accessKeyId: key['AccessKeyId'] });
    expect(rec.sessionCredentialFromConsole).toBeUndefined();
    expect(rec.tlsDetails?.tlsVersion).toBe('TLSv1.3');
  });

  it('the same person always comes from the same documentation address', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const a = onlyRecord(acct.call('iam:ListUsers', {}, c)).sourceIPAddress;
    const b = onlyRecord(acct.call('ec2:DescribeVpcs', {}, c)).sourceIPAddress;
    expect(a).toBe(b);
    expect(a).toMatch(/^203\.0\.113\.\d{1,3}$/);
  });
});
