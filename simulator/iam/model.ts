import { AwsError, type Json } from '../core/contract';
import { AWS_MANAGED_POLICIES } from './managed-policies';
import { evaluateOne, type Decision } from './policy-eval';

// IAM state of the account. IAM is global: one copy for every region.
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
  createDate: number;
}
export interface IamUser {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: number;
  attachedPolicies: string[];
  inlinePolicies: Record<string, string>;
  accessKeys: AccessKey[];
  /** Console password set (CreateLoginProfile). */
  loginProfile: { createDate: number; passwordResetRequired: boolean } | null;
  /** Serial number of the enabled MFA device, or null. */
  mfaSerial: string | null;
}
export interface IamRole {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: number;
  assumeRolePolicyDocument: string;
  description: string;
  maxSessionDuration: number;
  attachedPolicies: string[];
  inlinePolicies: Record<string, string>;
}
export interface ManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  document: string;
  createDate: number;
  awsManaged: boolean;
}
export interface IamState {
  users: Record<string, IamUser>;
  roles: Record<string, IamRole>;
  policies: Record<string, ManagedPolicy>;
  root: { accessKeys: AccessKey[]; mfaSerial: string | null };
}

// Authorization reads a caller's policies on every call; each distinct policy text is parsed once, and the
// parsed document is shared (evaluate only reads it). Bounded in case a script writes endless distinct texts.
const parsedPolicies = new Map<string, Json>();
const MAX_PARSED = 1024;
function parsedPolicy(text: string): Json {
  let doc = parsedPolicies.get(text);
  if (doc === undefined) {
    doc = JSON.parse(text) as Json;
    if (parsedPolicies.size >= MAX_PARSED) parsedPolicies.clear();
    parsedPolicies.set(text, doc);
  }
  return doc;
}

/** IAM's answer for a user name that names no user, one per name: an AwsError is never changed once made, and
 *  a script asking again and again for a missing user (GetUser in a loop) need not make it again each time. */
const noSuchUserErrors = new Map<string, AwsError>();
const MAX_NO_SUCH_USER = 256;
function noSuchUser(name: string): AwsError {
  let e = noSuchUserErrors.get(name);
  if (!e) {
    if (noSuchUserErrors.size >= MAX_NO_SUCH_USER) noSuchUserErrors.clear();
    noSuchUserErrors.set(name, (e = new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404)));
  }
  return e;
}

export class IamModel {
  state: IamState;
  constructor(readonly accountId: string, createdMs: number) {
    const policies: Record<string, ManagedPolicy> = {};
    AWS_MANAGED_POLICIES.forEach((p, i) => {
      const arn = `arn:aws:iam::aws:policy/${p.name}`;
      // AWS managed policy ids are fixed strings AWS publishes; ours are fixed per name, not random.
      const policyId = `ANPA${String(i + 1).padStart(17, 'A')}`;
      policies[arn] = { policyName: p.name, policyId, arn, path: '/', document: JSON.stringify(p.document), createDate: createdMs, awsManaged: true };
    });
    this.state = { users: {}, roles: {}, policies, root: { accessKeys: [], mfaSerial: null } };
  }

  user(name: string): IamUser {
    const u = this.state.users[name];
    if (!u) throw noSuchUser(name);
    return u;
  }
  /** The user, or IAM's refusal for a name that has none (for handlers that return refusals). */
  userOrRefusal(name: string): IamUser | AwsError {
    return this.state.users[name] ?? noSuchUser(name);
  }
  role(name: string): IamRole {
    const r = this.state.roles[name];
    if (!r) throw new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return r;
  }
  /** A policy that can be attached, or IAM's error for an ARN that names none. */
  attachable(arn: string): ManagedPolicy {
    const p = this.state.policies[arn];
    if (!p) throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
    return p;
  }

  /** Every identity-based policy document that applies to a user or a role (shared parsed copies: read only). */
  documentsFor(kind: 'user' | 'role', name: string): Json[] {
    const owner = kind === 'user' ? this.state.users[name] : this.state.roles[name];
    if (!owner) return [];
    const docs: Json[] = [];
    for (const arn of owner.attachedPolicies) {
      const text = this.state.policies[arn]?.document;
      if (text !== undefined) docs.push(parsedPolicy(text));
    }
    // for…in rather than Object.values: authorization asks on every call, and the array would be garbage.
    const inline = owner.inlinePolicies;
    for (const name in inline) docs.push(parsedPolicy(inline[name]!));
    return docs;
  }

  /** evaluate(documentsFor(kind, name), action, resource), without gathering the documents into an array:
   *  authorization asks on every call. */
  decide(kind: 'user' | 'role', name: string, action: string, resource: string): Decision {
    const owner = kind === 'user' ? this.state.users[name] : this.state.roles[name];
    if (!owner) return 'implicitDeny';
    let allowed = false;
    const attached = owner.attachedPolicies;
    for (let i = 0; i < attached.length; i++) {
      const text = this.state.policies[attached[i]!]?.document;
      if (text === undefined) continue;
      const d = evaluateOne(parsedPolicy(text), action, resource);
      if (d === 'explicitDeny') return d;
      if (d === 'allow') allowed = true;
    }
    const inline = owner.inlinePolicies;
    for (const policyName in inline) {
      const d = evaluateOne(parsedPolicy(inline[policyName]!), action, resource);
      if (d === 'explicitDeny') return d;
      if (d === 'allow') allowed = true;
    }
    return allowed ? 'allow' : 'implicitDeny';
  }

  /** Who owns an access key: root, an IAM user, or nobody. */
  keyOwner(accessKeyId: string): { kind: 'root' } | { kind: 'user'; user: IamUser } | undefined {
    if (this.state.root.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return { kind: 'root' };
    for (const user of Object.values(this.state.users)) {
      if (user.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return { kind: 'user', user };
    }
    return undefined;
  }

  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.state)) as Json;
  }
  restore(s: Json): void {
    this.state = JSON.parse(JSON.stringify(s)) as IamState;
  }
}
