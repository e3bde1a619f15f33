import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../simulator/core/contract';
import { IamModel } from '../../../simulator/iam/model';
import { SigninModel } from '../../../simulator/signin/model';
import { StsModel } from '../../../simulator/sts/model';
import { PrincipalResolver, resolvePrincipal, type PrincipalSources } from '../../../simulator/sts/principals';
import { newAccount, ok, onlyRecord, rootConsole, userWithKey } from '../support';

const T0 = Date.parse('2026-11-01T00:00:00Z');

function sources(): PrincipalSources {
  return { accountId: '123456789012', iam: new IamModel('123456789012', T0), sts: new StsModel(), signin: new SigninModel(), nowMs: T0 };
}

function addUser(src: PrincipalSources, name: string, userId: string): void {
  src.iam.state.users[name] = {
    userName: name, userId, arn: `arn:aws:iam::123456789012:user/${name}`, path: '/', createDate: T0, attachedPolicies: [], inlinePolicies: {},
    accessKeys: [], loginProfile: null, mfaSerial: null,
  };
}

/** The cached answer (or refusal) must be the direct one, every time. */
function same(resolver: PrincipalResolver, as: string, via: Channel, src: PrincipalSources) {
  let direct: unknown;
  try {
    direct = resolvePrincipal(as, via, src);
  } catch (e) {
    direct = e;
  }
  if (direct instanceof Error) {
    expect(() => resolver.resolve(as, via, src)).toThrow(direct.message);
    return undefined;
  }
  const cached = resolver.resolve(as, via, src);
  expect(cached).toEqual(direct);
  return cached;
}

describe('PrincipalResolver', () => {
  it('hands out the same principal while nothing it is made of changes, and a new one as soon as something does', () => {
    const src = sources();
    const r = new PrincipalResolver();
    same(r, 'alice', 'cli', src);
    addUser(src, 'alice', 'AIDAAAAAAAAAAAAAAAAAA');
    same(r, 'alice', 'cli', src);
    src.iam.state.users['alice']!.accessKeys.push({ accessKeyId: 'AKIAFIRST', secretAccessKey: 's', status: 'Active', createDate: T0 });
    const first = same(r, 'alice', 'cli', src);
    expect(same(r, 'alice', 'cli', src)).toBe(first);
    // The key is switched off in place, then a second key: the identity follows the active one.
    src.iam.state.users['alice']!.accessKeys[0]!.status = 'Inactive';
    same(r, 'alice', 'cli', src);
    src.iam.state.users['alice']!.accessKeys.push({ accessKeyId: 'AKIASECOND', secretAccessKey: 's', status: 'Active', createDate: T0 });
    expect(same(r, 'alice', 'cli', src)?.identity.accessKeyId).toBe('AKIASECOND');
    // Deleted and created again under the same name: a new user id.
    delete src.iam.state.users['alice'];
    same(r, 'alice', 'cli', src);
    addUser(src, 'alice', 'AIDABBBBBBBBBBBBBBBBB');
    src.iam.state.users['alice']!.accessKeys.push({ accessKeyId: 'AKIASECOND', secretAccessKey: 's', status: 'Active', createDate: T0 });
    expect(same(r, 'alice', 'cli', src)?.identity.principalId).toBe('AIDABBBBBBBBBBBBBBBBB');
  });

  it('console sessions: a new sign-in (new key, time or MFA) shows at once; channels are kept apart', () => {
    const src = sources();
    const r = new PrincipalResolver();
    same(r, 'root', 'console', src);
    src.signin.sessions['root'] = { accessKeyId: 'ASIAONE', creationDate: T0, mfaAuthenticated: false };
    const one = same(r, 'root', 'console', src);
    src.signin.sessions['root'] = { accessKeyId: 'ASIAONE', creationDate: T0 + 5000, mfaAuthenticated: false };
    expect(same(r, 'root', 'console', src)?.identity.sessionContext?.attributes.creationDate).toBe('2026-11-01T00:00:05Z');
    src.signin.sessions['root'] = { accessKeyId: 'ASIAONE', creationDate: T0 + 5000, mfaAuthenticated: true };
    expect(same(r, 'root', 'console', src)).not.toBe(one);
    same(r, 'root', 'cli', src);
    src.iam.state.root.accessKeys.push({ accessKeyId: 'AKIAROOT', secretAccessKey: 's', status: 'Active', createDate: T0 });
    same(r, 'root', 'cli', src);
    same(r, 'root', 'console', src);
    same(r, 'root', 'sdk', src);
  });

  it('role sessions: a newer session, expiry, a source identity, and a role made again are all seen', () => {
    const src = sources();
    const r = new PrincipalResolver();
    const role = (id: string) => ({
      roleName: 'ops', roleId: id, arn: 'arn:aws:iam::123456789012:role/ops', path: '/', createDate: T0, assumeRolePolicyDocument: '{}',
      description: '', maxSessionDuration: 3600, attachedPolicies: [], inlinePolicies: {},
    });
    same(r, 'role:ops', 'cli', src);
    src.iam.state.roles['ops'] = role('AROAAAAAAAAAAAAAAAAAA');
    same(r, 'role:ops', 'cli', src);
    const session = { roleName: 'ops', sessionName: 's1', accessKeyId: 'ASIAS1', creationDate: T0, expiration: T0 + 3_600_000, mfaAuthenticated: false, assumedBy: 'x' };
    src.sts.sessions.push(session);
    const s1 = same(r, 'role:ops', 'cli', src);
    expect(same(r, 'role:ops', 'sdk', src)).toEqual(s1);
    src.sts.sessions.push({ ...session, sessionName: 's2', accessKeyId: 'ASIAS2', sourceIdentity: 'alice' });
    expect(same(r, 'role:ops', 'cli', src)?.identity.sessionContext?.sourceIdentity).toBe('alice');
    src.iam.state.roles['ops'] = role('AROABBBBBBBBBBBBBBBBB');
    expect(same(r, 'role:ops', 'cli', src)?.identity.sessionContext?.sessionIssuer?.principalId).toBe('AROABBBBBBBBBBBBBBBBB');
    src.nowMs = T0 + 3_600_000;
    same(r, 'role:ops', 'cli', src);
  });

  it('service principals and refusals are the direct ones', () => {
    const src = sources();
    const r = new PrincipalResolver();
    same(r, 'service:events.amazonaws.com', 'service', src);
    same(r, 'service:events.amazonaws.com', 'cli', src);
    same(r, 'root', 'service', src);
    same(r, 'service:Bad', 'console', src);
    // Kept per name: two services taking turns each get their own principal, and a bad name is refused every time.
    const events = same(r, 'service:events.amazonaws.com', 'service', src);
    const sns = same(r, 'service:sns.amazonaws.com', 'service', src);
    expect(sns?.arn).toBe('sns.amazonaws.com');
    expect(same(r, 'service:events.amazonaws.com', 'service', src)).toBe(events);
    expect(same(r, 'service:sns.amazonaws.com', 'service', src)).toBe(sns);
    same(r, 'service:Bad', 'service', src);
    same(r, 'service:Bad', 'service', src);
  });

  it('callers of every kind interleaved on one resolver each keep their own principal, and see their own changes', () => {
    const src = sources();
    const r = new PrincipalResolver();
    addUser(src, 'alice', 'AIDAAAAAAAAAAAAAAAAAA');
    src.iam.state.users['alice']!.accessKeys.push({ accessKeyId: 'AKIAALICE', secretAccessKey: 's', status: 'Active', createDate: T0 });
    src.iam.state.roles['ops'] = {
      roleName: 'ops', roleId: 'AROAAAAAAAAAAAAAAAAAA', arn: 'arn:aws:iam::123456789012:role/ops', path: '/', createDate: T0, assumeRolePolicyDocument: '{}',
      description: '', maxSessionDuration: 3600, attachedPolicies: [], inlinePolicies: {},
    };
    src.sts.sessions.push({ roleName: 'ops', sessionName: 's1', accessKeyId: 'ASIAS1', creationDate: T0, expiration: T0 + 3_600_000, mfaAuthenticated: false, assumedBy: 'x' });
    const callers: [string, Channel][] = [['alice', 'cli'], ['service:events.amazonaws.com', 'service'], ['role:ops', 'cli'], ['alice', 'cli'], ['role:ops', 'sdk']];
    const firsts = callers.map(([as, via]) => same(r, as, via, src));
    for (let round = 0; round < 3; round++) {
      callers.forEach(([as, via], i) => {
        expect(same(r, as, via, src)).toBe(firsts[i]);
      });
    }
    // A change to one caller between the others' calls shows for that caller only.
    src.iam.state.users['alice']!.accessKeys[0]!.status = 'Inactive';
    src.iam.state.users['alice']!.accessKeys.push({ accessKeyId: 'AKIANEW', secretAccessKey: 's', status: 'Active', createDate: T0 });
    expect(same(r, 'role:ops', 'cli', src)).toBe(firsts[2]);
    expect(same(r, 'alice', 'cli', src)?.identity.accessKeyId).toBe('AKIANEW');
    expect(same(r, 'service:events.amazonaws.com', 'service', src)).toBe(firsts[1]);
  });

  it('in an account, records keep the right identity across sign-ins and new keys', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('iam:CreateUser', { UserName: 'carol' }, c));
    const cli = { as: 'carol', region: 'us-east-1', via: 'cli' as const };
    const none = acct.call('sts:GetCallerIdentity', {}, cli);
    expect(none.ok ? '' : none.error.code).toBe('Sim.NoAccessKey');
    const key = ok(acct.call('iam:CreateAccessKey', { UserName: 'carol' }, c))['AccessKey'] as { AccessKeyId: string };
    expect(onlyRecord(acct.call('sts:GetCallerIdentity', {}, cli)).userIdentity.accessKeyId).toBe(key.AccessKeyId);
    userWithKey(acct, 'bob');
    expect(onlyRecord(acct.call('sts:GetCallerIdentity', {}, { ...cli, as: 'bob' })).userIdentity.userName).toBe('bob');
    expect(onlyRecord(acct.call('sts:GetCallerIdentity', {}, cli)).userIdentity.userName).toBe('carol');
    acct.advance('PT1M');
    const again = acct.call('signin:ConsoleLogin', { success: true, mfa: false }, { as: 'root', region: 'us-east-1', via: 'console' });
    expect(onlyRecord(again).eventTime).toBe('2026-11-01T00:01:00Z');
    expect(onlyRecord(acct.call('iam:ListUsers', {}, c)).userIdentity.sessionContext?.attributes).toEqual({ creationDate: '2026-11-01T00:01:00Z', mfaAuthenticated: 'false' });
  });
});
