import { describe, expect, it } from 'vitest';
import type { Json } from '../../../simulator/core/contract';
import { IamModel } from '../../../simulator/iam/model';
import { evaluate, wildcardMatch } from '../../../simulator/iam/policy-eval';
import { newAccount, ok, rootConsole, userWithKey } from '../support';

/** The matcher before patterns were kept: a fresh expression per test. */
function freshMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, ignoreCase ? 'is' : 's').test(value);
}

const PATTERNS = ['*', 's3:*', 'S3:Get*', 's3:Get?bject', 'iam:*User*', 'arn:aws:s3:::b.c/*', 'arn:aws:s3:::b+c/(x)', 'a[b]{c}^$|\\d', '?', '**', '', 'ec2:Describe*', 'arn:aws:logs:*:*:log-group:g:*'];
const VALUES = ['s3:GetObject', 's3:getobject', 'S3:GETOBJECT', 's3:GetXbject', 'iam:GetUser', 'iam:ListUsers', 'arn:aws:s3:::b.c/key', 'arn:aws:s3:::bxc/key', 'arn:aws:s3:::b+c/(x)',
  'a[b]{c}^$|\\d', 'x', '', 'line\nbreak', 'ec2:DescribeVpcs', 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s', 'ſ', 'K'];

describe('policy evaluation with kept matchers and parsed documents', () => {
  it('wildcardMatch answers as a fresh expression does, asked twice in any order, both cases', () => {
    for (let round = 0; round < 2; round++) {
      for (const p of PATTERNS) for (const v of VALUES) for (const ic of [true, false]) expect(wildcardMatch(p, v, ic), `${p} ${JSON.stringify(v)} ${ic}`).toBe(freshMatch(p, v, ic));
    }
  });

  it('a pattern kept for actions (any case) does not answer for resources (exact case), nor the reverse', () => {
    expect(wildcardMatch('arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket', true)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket', false)).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket', true)).toBe(true);
  });

  it('a user policy change is seen by the very next call (the same text parsed once, a new text read anew)', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    userWithKey(acct, 'dana');
    const cli = { as: 'dana', region: 'us-east-1', via: 'cli' as const };
    const code = () => {
      const r = acct.call('ec2:DescribeVpcs', {}, cli);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code()).toBe('UnauthorizedOperation');
    const allow = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    ok(acct.call('iam:PutUserPolicy', { UserName: 'dana', PolicyName: 'p', PolicyDocument: allow('ec2:Describe*') }, c));
    expect(code()).toBe('ok');
    ok(acct.call('iam:PutUserPolicy', { UserName: 'dana', PolicyName: 'p', PolicyDocument: allow('ec2:RunInstances') }, c));
    expect(code()).toBe('UnauthorizedOperation');
    ok(acct.call('iam:PutUserPolicy', { UserName: 'dana', PolicyName: 'p', PolicyDocument: allow('EC2:describevpcs') }, c));
    expect(code()).toBe('ok');
    ok(acct.call('iam:AttachUserPolicy', { UserName: 'dana', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, c));
    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] });
    ok(acct.call('iam:PutUserPolicy', { UserName: 'dana', PolicyName: 'no-ec2', PolicyDocument: deny }, c));
    expect(code()).toBe('UnauthorizedOperation');
    ok(acct.call('iam:DetachUserPolicy', { UserName: 'dana', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, c));
    expect(code()).toBe('UnauthorizedOperation');
  });

  it('documents of the same text are one parsed object, read only; evaluation of odd shapes is unchanged', () => {
    const iam = new IamModel('123456789012', 0);
    const text = JSON.stringify({ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } });
    const user = { userName: 'u', userId: 'AIDA', arn: 'arn:aws:iam::123456789012:user/u', path: '/', createDate: 0, attachedPolicies: [], accessKeys: [], loginProfile: null, mfaSerial: null };
    iam.state.users['u'] = { ...user, inlinePolicies: { a: text } };
    iam.state.users['v'] = { ...user, userName: 'v', inlinePolicies: { b: text } };
    const [du] = iam.documentsFor('user', 'u');
    const [dv] = iam.documentsFor('user', 'v');
    expect(du).toBe(dv);
    expect(evaluate(iam.documentsFor('user', 'u'), 's3:GetObject', 'x')).toBe('allow');
    expect(evaluate(iam.documentsFor('user', 'u'), 'IAM:GetUser', 'x')).toBe('implicitDeny');
    const odd: Json[] = [null, 5, 'text', [], { Statement: 7 }, { Statement: [null, 3, { Effect: 'Allow', Action: 5, Resource: '*' }] },
      { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } } },
      { Statement: { Effect: 'Allow', Action: ['s3:*', 7], NotResource: 'arn:aws:s3:::secret/*' } }];
    expect(evaluate(odd, 's3:GetObject', 'arn:aws:s3:::open/k')).toBe('allow');
    expect(evaluate(odd, 's3:GetObject', 'arn:aws:s3:::secret/k')).toBe('implicitDeny');
    expect(evaluate(odd.slice(0, 7), 's3:GetObject', 'arn:aws:s3:::open/k')).toBe('implicitDeny');
  });

  it('more distinct policies and patterns than are kept at once still evaluate as written', () => {
    const iam = new IamModel('123456789012', 0);
    const user = { userName: 'u', userId: 'AIDA', arn: 'arn:aws:iam::123456789012:user/u', path: '/', createDate: 0, attachedPolicies: [], accessKeys: [], loginProfile: null, mfaSerial: null };
    for (let i = 0; i < 5000; i++) {
      const own = JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` } });
      iam.state.users['u'] = { ...user, inlinePolicies: { own } };
      const docs = iam.documentsFor('user', 'u');
      expect(evaluate(docs, 's3:GetObject', `arn:aws:s3:::bucket-${i}/k`)).toBe('allow');
      expect(evaluate(docs, 's3:GetObject', `arn:aws:s3:::bucket-${i + 1}/k`)).toBe('implicitDeny');
      expect(wildcardMatch(`p${i}?`, `p${i}x`, false)).toBe(true);
      expect(wildcardMatch(`p${i}?`, `P${i}x`, false)).toBe(false);
    }
  });
});
