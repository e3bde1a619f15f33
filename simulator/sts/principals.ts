import type { Channel, Principal, UserIdentity } from '../core/contract';
import { eventTime } from '../core/clock';
import type { IamModel, IamRole, IamUser } from '../iam/model';
import type { ConsoleSession, SigninModel } from '../signin/model';
import type { RoleSession, StsModel } from './model';

/** A caller the simulation cannot act as; the call is refused before it reaches AWS, so nothing is recorded. */
export class SimCallerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PrincipalSources {
  accountId: string;
  iam: IamModel;
  sts: StsModel;
  signin: SigninModel;
  nowMs: number;
}

const SERVICE_PRINCIPAL = /^service:([a-z0-9-]+\.amazonaws\.com)$/;

/** The state a caller's identity is made from, looked up for one call. */
type Found =
  | { kind: 'service'; name: string }
  | { kind: 'role'; roleName: string; role: IamRole; session: RoleSession }
  | { kind: 'root' | 'user'; as: string; user: IamUser | undefined; session: ConsoleSession | undefined; accessKeyId: string | undefined };

function find(as: string, channel: Channel, src: PrincipalSources): Found {
  if (channel === 'service' || as.startsWith('service:')) {
    const svc = SERVICE_PRINCIPAL.exec(as)?.[1];
    if (svc) return { kind: 'service', name: svc };
    if (channel === 'service') throw new SimCallerError('Sim.InvalidCaller', `via "service" needs as "service:NAME.amazonaws.com", got ${JSON.stringify(as)}`);
  }
  if (as.startsWith('role:')) {
    const roleName = as.slice(5);
    const role = src.iam.state.roles[roleName];
    if (!role) throw new SimCallerError('Sim.InvalidCaller', `no role named ${roleName}`);
    const session = src.sts.latest(roleName, src.nowMs);
    if (!session) throw new SimCallerError('Sim.NoSession', `no unexpired credentials for role ${roleName}: call sts:AssumeRole first`);
    return { kind: 'role', roleName, role, session };
  }
  const isRoot = as === 'root';
  const user = isRoot ? undefined : src.iam.state.users[as];
  if (!isRoot && !user) throw new SimCallerError('Sim.InvalidCaller', `no IAM user named ${JSON.stringify(as)} (create it with iam:CreateUser)`);
  if (channel === 'console') {
    const session = src.signin.sessions[isRoot ? 'root' : as];
    if (!session) throw new SimCallerError('Sim.NotSignedIn', `${as} has no console session: call signin:ConsoleLogin first`);
    return { kind: isRoot ? 'root' : 'user', as, user, session, accessKeyId: undefined };
  }
  const keys = isRoot ? src.iam.state.root.accessKeys : user!.accessKeys;
  let key: (typeof keys)[number] | undefined;
  for (const k of keys) {
    if (k.status === 'Active') {
      key = k;
      break;
    }
  }
  if (!key) throw new SimCallerError('Sim.NoAccessKey', `${as} has no active access key for ${channel} calls: create one with iam:CreateAccessKey`);
  return { kind: isRoot ? 'root' : 'user', as, user, session: undefined, accessKeyId: key.accessKeyId };
}

function build(f: Found, acct: string): Principal {
  if (f.kind === 'service') return { kind: 'service', arn: f.name, userName: f.name, identity: { type: 'AWSService', invokedBy: f.name } };
  if (f.kind === 'role') {
    const { role, session: s, roleName } = f;
    const arn = `arn:aws:sts::${acct}:assumed-role/${roleName}/${s.sessionName}`;
    const identity: UserIdentity = {
      type: 'AssumedRole', principalId: `${role.roleId}:${s.sessionName}`, arn, accountId: acct, accessKeyId: s.accessKeyId,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: role.roleId, arn: role.arn, accountId: acct, userName: roleName },
        webIdFederationData: {},
        attributes: { creationDate: eventTime(s.creationDate), mfaAuthenticated: s.mfaAuthenticated ? 'true' : 'false' },
        ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
      },
    };
    return { kind: 'role', arn, userName: s.sessionName, identity };
  }
  const isRoot = f.kind === 'root';
  const arn = isRoot ? `arn:aws:iam::${acct}:root` : f.user!.arn;
  const base: UserIdentity = isRoot
    ? { type: 'Root', principalId: acct, arn, accountId: acct }
    : { type: 'IAMUser', principalId: f.user!.userId, arn, accountId: acct };
  const session = f.session;
  const identity: UserIdentity = session
    ? {
        ...base, accessKeyId: session.accessKeyId, ...(isRoot ? {} : { userName: f.as }),
        sessionContext: { attributes: { creationDate: eventTime(session.creationDate), mfaAuthenticated: session.mfaAuthenticated ? 'true' : 'false' } },
      }
    : { ...base, accessKeyId: f.accessKeyId, ...(isRoot ? {} : { userName: f.as }) };
  return { kind: f.kind, arn, userName: isRoot ? 'root' : f.as, identity };
}

type Value = string | number | boolean | undefined;

/** Setting an array's length is a call into the engine even when it does not change: only on a change. */
function sized(out: Value[], n: number): void {
  if (out.length !== n) out.length = n;
}

/** Every value `build` reads, in a fixed order: two lookups with equal values build equal principals. Written
 *  over `out` by index (the resolver compares them on every call and keeps a copy only on a change; emptying
 *  and pushing would drop and regrow the array's storage each time). */
function valuesOf(f: Found, acct: string, out: Value[]): Value[] {
  switch (f.kind) {
    case 'service':
      sized(out, 2);
      out[0] = f.kind;
      out[1] = f.name;
      return out;
    case 'role': {
      const { role, session: s } = f;
      sized(out, 10);
      out[0] = f.kind;
      out[1] = acct;
      out[2] = f.roleName;
      out[3] = role.roleId;
      out[4] = role.arn;
      out[5] = s.sessionName;
      out[6] = s.accessKeyId;
      out[7] = s.creationDate;
      out[8] = s.mfaAuthenticated;
      out[9] = s.sourceIdentity;
      return out;
    }
    default:
      sized(out, 9);
      out[0] = f.kind;
      out[1] = acct;
      out[2] = f.as;
      out[3] = f.user?.arn;
      out[4] = f.user?.userId;
      out[5] = f.accessKeyId;
      out[6] = f.session?.accessKeyId;
      out[7] = f.session?.creationDate;
      out[8] = f.session?.mfaAuthenticated;
      return out;
  }
}

/**
 * Resolves a script's `as` ("root", an IAM user name, "role:NAME", "service:events.amazonaws.com") into the
 * caller and its userIdentity for the given channel. Console calls need a console session (signin:ConsoleLogin);
 * CLI and SDK calls need an access key; role calls need credentials from sts:AssumeRole.
 */
export function resolvePrincipal(as: string, channel: Channel, src: PrincipalSources): Principal {
  return build(find(as, channel, src), src.accountId);
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * resolvePrincipal for a busy account: the same caller makes call after call, so the principal built for the
 * last call is handed out again while every value it was built from is unchanged (looked up afresh each call,
 * so a new session, key, user or role shows at once). Records then share one userIdentity object; nothing
 * changes a record's userIdentity in place (a failed sign-in copies it before editing).
 */
export class PrincipalResolver {
  private readonly last = new Map<Channel, Map<string, { values: Value[]; principal: Principal }>>();
  /** This call's values, before they are known to differ from the kept ones. */
  private readonly scratch: Value[] = [];

  /** Service principals by `as` (via "service"): built from the name alone, so kept without a lookup. */
  private readonly services = new Map<string, Principal>();

  resolve(as: string, channel: Channel, src: PrincipalSources): Principal {
    // EventBridge calls SNS and Lambda as a service for every target of every matched event: no lookup, no regex,
    // and the scratch values stay the shape of the account's own callers.
    if (channel === 'service') {
      const known = this.services.get(as);
      if (known !== undefined) return known;
    }
    const found = find(as, channel, src);
    if (channel === 'service' && found.kind === 'service') {
      const principal = build(found, src.accountId);
      // Bounded only against a script inventing service names without end.
      if (this.services.size >= 256) this.services.clear();
      this.services.set(as, principal);
      return principal;
    }
    const values = valuesOf(found, src.accountId, this.scratch);
    let byCaller = this.last.get(channel);
    if (!byCaller) this.last.set(channel, (byCaller = new Map()));
    const hit = byCaller.get(as);
    if (hit && sameValues(hit.values, values)) return hit.principal;
    const principal = build(found, src.accountId);
    byCaller.set(as, { values: values.slice(), principal });
    return principal;
  }
}
