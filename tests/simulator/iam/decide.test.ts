import { describe, expect, it } from 'vitest';
import { IamModel, type IamRole, type IamUser } from '../../../simulator/iam/model';
import { evaluate } from '../../../simulator/iam/policy-eval';
import { SeededRandom } from '../../../simulator/core/random';

// IamModel.decide walks a caller's policies without gathering them into an array; it must answer exactly as
// evaluate over documentsFor, for users and roles, attached and inline, allows, denies and neither.
const rnd = new SeededRandom(26);
const pick = <T>(xs: readonly T[]): T => xs[rnd.int(0, xs.length)]!;

const ACTIONS = ['s3:GetObject', 'ec2:DescribeVpcs', 'iam:GetUser', 'logs:PutLogEvents', 'sns:Publish'];
const RESOURCES = ['*', 'arn:aws:s3:::b/k', 'arn:aws:iam::123456789012:user/u', 'arn:aws:logs:us-east-1:123456789012:log-group:g:*'];
const PATTERNS = ['*', 's3:*', 'ec2:Describe*', 'iam:Get?ser', 'logs:*', 'sns:Publish', 'nothing:*'];

function statement(): Record<string, unknown> {
  const s: Record<string, unknown> = { Effect: pick(['Allow', 'Allow', 'Deny']) };
  if (rnd.next() < 0.8) s['Action'] = rnd.next() < 0.5 ? pick(PATTERNS) : [pick(PATTERNS), pick(PATTERNS)];
  else s['NotAction'] = pick(PATTERNS);
  if (rnd.next() < 0.8) s['Resource'] = pick(['*', 'arn:aws:s3:::b/*', 'arn:aws:iam::*:user/*']);
  else s['NotResource'] = 'arn:aws:s3:::*';
  if (rnd.next() < 0.1) s['Condition'] = { Bool: { 'aws:SecureTransport': 'true' } };
  return s;
}
const policyText = () => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: rnd.int(1, 4) }, statement) });

function attach(owner: { attachedPolicies: string[]; inlinePolicies: Record<string, string> }): void {
  for (let i = rnd.int(0, 4); i > 0; i--) {
    // Now and then an ARN that names no policy (it is passed over).
    const arn = rnd.next() < 0.15 ? 'arn:aws:iam::123456789012:policy/gone' : `arn:aws:iam::123456789012:policy/p${rnd.int(0, 8)}`;
    owner.attachedPolicies.push(arn);
  }
  for (let i = rnd.int(0, 3); i > 0; i--) owner.inlinePolicies[`inline${i}`] = policyText();
}

describe('IamModel.decide', () => {
  it('answers as evaluate over documentsFor, for many users and roles and requests', () => {
    for (let round = 0; round < 300; round++) {
      const iam = new IamModel('123456789012', 0);
      for (let p = 0; p < 8; p++) {
        const arn = `arn:aws:iam::123456789012:policy/p${p}`;
        iam.state.policies[arn] = { policyName: `p${p}`, policyId: `ANPA${p}`, arn, path: '/', document: policyText(), createDate: 0, awsManaged: false };
      }
      const user = { userName: 'u', attachedPolicies: [], inlinePolicies: {} } as unknown as IamUser;
      const role = { roleName: 'r', attachedPolicies: [], inlinePolicies: {} } as unknown as IamRole;
      attach(user);
      attach(role);
      iam.state.users['u'] = user;
      iam.state.roles['r'] = role;
      for (const [kind, name] of [['user', 'u'], ['role', 'r'], ['user', 'nobody'], ['role', 'nobody'], ['role', 'u']] as const) {
        for (const action of ACTIONS) {
          for (const resource of RESOURCES) {
            expect(iam.decide(kind, name, action, resource), `${kind} ${name} ${action} ${resource}`).toBe(evaluate(iam.documentsFor(kind, name), action, resource));
          }
        }
      }
    }
  });

  it('sees every kind of answer: allow, explicit deny and implicit deny', () => {
    const iam = new IamModel('123456789012', 0);
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const denyS3 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] });
    iam.state.users['u'] = { userName: 'u', attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], inlinePolicies: { deny: denyS3 } } as unknown as IamUser;
    iam.state.users['v'] = { userName: 'v', attachedPolicies: [], inlinePolicies: { all: allowAll } } as unknown as IamUser;
    expect(iam.decide('user', 'u', 'ec2:DescribeVpcs', '*')).toBe('allow');
    expect(iam.decide('user', 'u', 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('explicitDeny');
    expect(iam.decide('user', 'v', 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('allow');
    expect(iam.decide('user', 'w', 's3:GetObject', '*')).toBe('implicitDeny');
  });
});
