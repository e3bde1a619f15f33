import { AwsError, type JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { javaMediumDate } from '../core/format';
import { uniqueId } from '../core/ids';
import { apiDef, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel, IamRole } from './model';
import { policyProblem } from './policy-eval';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'ValidationError');

function roleWire(r: IamRole): JsonObject {
  return {
    Path: r.path, RoleName: r.roleName, RoleId: r.roleId, Arn: r.arn, CreateDate: isoMillis(r.createDate),
    AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument), Description: r.description, MaxSessionDuration: r.maxSessionDuration,
  };
}

export function roleActions(iam: IamModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const roleArn = (p: JsonObject) => `arn:aws:iam::${acct}:role/${str(p, 'RoleName') ?? ''}`;
  return [
    {
      def: apiDef('iam:CreateRole', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::Role'], summaryKo: 'IAM 역할을 만듭니다.' }),
      authz: (p) => ({ resource: roleArn(p) }),
      handler: (p) => {
        const name = need(p, 'RoleName');
        const trust = need(p, 'AssumeRolePolicyDocument');
        const problem = policyProblem(trust);
        if (problem) throw new AwsError('MalformedPolicyDocument', problem);
        if (iam.state.roles[name]) throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
        const path = str(p, 'Path') ?? '/';
        const r: IamRole = {
          roleName: name, roleId: uniqueId(d.random, 'AROA'), arn: `arn:aws:iam::${acct}:role${path}${name}`, path,
          createDate: d.clock.now(), assumeRolePolicyDocument: trust, description: str(p, 'Description') ?? '',
          maxSessionDuration: typeof p['MaxSessionDuration'] === 'number' ? p['MaxSessionDuration'] : 3600, attachedPolicies: [], inlinePolicies: {},
        };
        iam.state.roles[name] = r;
        return {
          response: { Role: roleWire(r) },
          responseElements: {
            role: { path: r.path, roleName: r.roleName, roleId: r.roleId, arn: r.arn, createDate: javaMediumDate(r.createDate), assumeRolePolicyDocument: encodeURIComponent(trust) },
          },
        };
      },
    },
    {
      def: apiDef('iam:GetRole', { readOnly: true, globalService: true, resourceTypes: ['AWS::IAM::Role'], summaryKo: 'IAM 역할 정보를 조회합니다.' }),
      authz: (p) => ({ resource: roleArn(p) }),
      handler: (p) => ({ response: { Role: roleWire(iam.role(need(p, 'RoleName'))) } }),
    },
    {
      def: apiDef('iam:ListRoles', { readOnly: true, globalService: true, summaryKo: 'IAM 역할 목록을 조회합니다.' }),
      authz: () => ({ resource: `arn:aws:iam::${acct}:role/*` }),
      handler: () => ({ response: { Roles: Object.values(iam.state.roles).sort((a, b) => a.roleName.localeCompare(b.roleName)).map(roleWire), IsTruncated: false } }),
    },
    {
      def: apiDef('iam:DeleteRole', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::Role'], summaryKo: 'IAM 역할을 삭제합니다.' }),
      authz: (p) => ({ resource: roleArn(p) }),
      handler: (p) => {
        const r = iam.role(need(p, 'RoleName'));
        if (r.attachedPolicies.length || Object.keys(r.inlinePolicies).length) {
          throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
        }
        delete iam.state.roles[r.roleName];
        return { response: {} };
      },
    },
  ];
}
