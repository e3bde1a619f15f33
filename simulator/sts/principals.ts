import type { Channel, Principal, UserIdentity } from '../core/contract';
import { eventTime } from '../core/clock';
import type { IamModel } from '../iam/model';
import type { SigninModel } from '../signin/model';
import type { StsModel } from './model';

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

/**
 * Resolves a script's `as` ("root", an IAM user name, "role:NAME", "service:events.amazonaws.com") into the
 * caller and its userIdentity for the given channel. Console calls need a console session (signin:ConsoleLogin);
 * CLI and SDK calls need an access key; role calls need credentials from sts:AssumeRole.
 */
export function resolvePrincipal(as: string, channel: Channel, src: PrincipalSources): Principal {
  const acct = src.accountId;
  const svc = SERVICE_PRINCIPAL.exec(as);
  if (svc?.[1] || channel === 'service') {
    if (!svc?.[1]) throw new SimCallerError('Sim.InvalidCaller', `via "service" needs as "service:NAME.amazonaws.com", got ${JSON.stringify(as)}`);
    return { kind: 'service', arn: svc[1], userName: svc[1], identity: { type: 'AWSService', invokedBy: svc[1] } };
  }
  if (as.startsWith('role:')) {
    const roleName = as.slice(5);
    const role = src.iam.state.roles[roleName];
    if (!role) throw new SimCallerError('Sim.InvalidCaller', `no role named ${roleName}`);
    const s = src.sts.latest(roleName, src.nowMs);
    if (!s) throw new SimCallerError('Sim.NoSession', `no unexpired credentials for role ${roleName}: call sts:AssumeRole first`);
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
  const isRoot = as === 'root';
  const user = isRoot ? undefined : src.iam.state.users[as];
  if (!isRoot && !user) throw new SimCallerError('Sim.InvalidCaller', `no IAM user named ${JSON.stringify(as)} (create it with iam:CreateUser)`);
  const arn = isRoot ? `arn:aws:iam::${acct}:root` : user!.arn;
  const base: UserIdentity = isRoot
    ? { type: 'Root', principalId: acct, arn, accountId: acct }
    : { type: 'IAMUser', principalId: user!.userId, arn, accountId: acct };
  let identity: UserIdentity;
  if (channel === 'console') {
    const session = src.signin.sessions[isRoot ? 'root' : as];
    if (!session) throw new SimCallerError('Sim.NotSignedIn', `${as} has no console session: call signin:ConsoleLogin first`);
    identity = {
      ...base, accessKeyId: session.accessKeyId, ...(isRoot ? {} : { userName: as }),
      sessionContext: { attributes: { creationDate: eventTime(session.creationDate), mfaAuthenticated: session.mfaAuthenticated ? 'true' : 'false' } },
    };
  } else {
    const keys = isRoot ? src.iam.state.root.accessKeys : user!.accessKeys;
    const key = keys.find((k) => k.status === 'Active');
    if (!key) throw new SimCallerError('Sim.NoAccessKey', `${as} has no active access key for ${channel} calls: create one with iam:CreateAccessKey`);
    identity = { ...base, accessKeyId: key.accessKeyId, ...(isRoot ? {} : { userName: as }) };
  }
  return { kind: isRoot ? 'root' : 'user', arn, userName: isRoot ? 'root' : as, identity };
}
