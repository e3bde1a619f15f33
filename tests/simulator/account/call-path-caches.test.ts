import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { CallContext } from '../../../simulator/core/call';
import type { JsonObject } from '../../../simulator/core/contract';
import { newAccount, ok, recordingCloudTrail, rootConsole, START } from '../support';

// The call path keeps what it worked out before (callers' identities, parsed policies, user agents, TLS
// blocks, timestamps). Those are caches: accounts side by side, and an account restored from a snapshot,
// must answer and record exactly what a fresh account making the same calls does.

const STEPS: { api: string; params: JsonObject; as: string; via: CallContext['via']; region: string }[] = [
  { api: 'iam:CreateUser', params: { UserName: 'ana' }, as: 'root', via: 'console', region: 'us-east-1' },
  { api: 'iam:CreateAccessKey', params: { UserName: 'ana' }, as: 'root', via: 'console', region: 'us-east-1' },
  { api: 'ec2:DescribeVpcs', params: {}, as: 'ana', via: 'cli', region: 'eu-west-1' },
  { api: 'iam:AttachUserPolicy', params: { UserName: 'ana', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess' }, as: 'root', via: 'console', region: 'us-east-1' },
  { api: 'ec2:DescribeVpcs', params: {}, as: 'ana', via: 'sdk', region: 'eu-west-1' },
  { api: 's3:CreateBucket', params: { Bucket: 'ana-bucket' }, as: 'ana', via: 'cli', region: 'us-east-1' },
  { api: 's3:CreateBucket', params: { Bucket: 'root-bucket' }, as: 'root', via: 'console', region: 'us-east-1' },
  { api: 's3:ListBuckets', params: {}, as: 'root', via: 'console', region: 'us-east-1' },
  { api: 'sts:GetCallerIdentity', params: {}, as: 'ana', via: 'cli', region: 'ap-northeast-2' },
];

function play(acct: Account, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const s = STEPS[i % STEPS.length]!;
    out.push(JSON.stringify(acct.call(s.api, s.params, { as: s.as, via: s.via, region: s.region })));
    if (i % 4 === 3) acct.advance('PT7S');
  }
  return out;
}

describe('call-path caches', () => {
  it('two accounts (different ids) called in turn record what each would alone', () => {
    const alone = (accountId: string) => {
      const { acct } = newAccount({ accountId });
      rootConsole(acct);
      return play(acct, 0, 27);
    };
    const expectedA = alone('123456789012');
    const expectedB = alone('210987654321');
    const { acct: a } = newAccount({ accountId: '123456789012' });
    const { acct: b } = newAccount({ accountId: '210987654321' });
    rootConsole(a);
    rootConsole(b);
    const gotA: string[] = [];
    const gotB: string[] = [];
    for (let i = 0; i < 27; i++) {
      gotA.push(...play(a, i, i + 1));
      gotB.push(...play(b, i, i + 1));
    }
    expect(gotA).toEqual(expectedA);
    expect(gotB).toEqual(expectedB);
    expect(gotB.join()).toContain('arn:aws:iam::210987654321:user/ana');
  });

  it('an account restored from a snapshot goes on exactly as the original does', () => {
    const { acct } = newAccount();
    rootConsole(acct);
    play(acct, 0, 13);
    const snap = acct.snapshot();
    const back = Account.restore(snap, () => recordingCloudTrail().port);
    expect(play(back, 13, 40)).toEqual(play(acct, 13, 40));
  });

  it('a caller whose console session is replaced mid-run is recorded with the new session at once', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const first = acct.call('iam:ListUsers', {}, c).records[0]!.userIdentity;
    acct.advance('PT30S');
    ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, c));
    const second = acct.call('iam:ListUsers', {}, c).records[0]!.userIdentity;
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.sessionContext?.attributes.creationDate).toBe(new Date(START + 30_000).toISOString().replace('.000Z', 'Z'));
    expect(first.sessionContext?.attributes.creationDate).toBe(new Date(START).toISOString().replace('.000Z', 'Z'));
  });
});
