import { AwsError, type JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { javaMediumDate } from '../core/format';
import { uniqueId } from '../core/ids';
import { apiDef, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel, ManagedPolicy } from './model';
import { policyProblem } from './policy-eval';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'ValidationError');

function attachmentCount(iam: IamModel, arn: string): number {
  const owners = [...Object.values(iam.state.users), ...Object.values(iam.state.roles)];
  return owners.filter((o) => o.attachedPolicies.includes(arn)).length;
}

function validDoc(text: string): string {
  const problem = policyProblem(text);
  if (problem) throw new AwsError('MalformedPolicyDocument', problem);
  return text;
}

export function policyActions(iam: IamModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const arnOf = (kind: 'user' | 'role', p: JsonObject) => `arn:aws:iam::${acct}:${kind}/${str(p, kind === 'user' ? 'UserName' : 'RoleName') ?? ''}`;
  const owner = (kind: 'user' | 'role', p: JsonObject) => (kind === 'user' ? iam.user(need(p, 'UserName')) : iam.role(need(p, 'RoleName')));

  const attach = (kind: 'user' | 'role'): ActionSpec => ({
    def: apiDef(kind === 'user' ? 'iam:AttachUserPolicy' : 'iam:AttachRolePolicy', {
      readOnly: false, globalService: true, resourceTypes: [kind === 'user' ? 'AWS::IAM::User' : 'AWS::IAM::Role', 'AWS::IAM::Policy'],
      summaryKo: kind === 'user' ? '사용자에게 관리형 정책을 연결합니다.' : '역할에 관리형 정책을 연결합니다.',
    }),
    authz: (p) => ({ resource: arnOf(kind, p) }),
    handler: (p) => {
      const o = owner(kind, p);
      const policy = iam.attachable(need(p, 'PolicyArn'));
      if (!o.attachedPolicies.includes(policy.arn)) o.attachedPolicies.push(policy.arn);
      return { response: {} };
    },
  });
  const detach = (kind: 'user' | 'role'): ActionSpec => ({
    def: apiDef(kind === 'user' ? 'iam:DetachUserPolicy' : 'iam:DetachRolePolicy', {
      readOnly: false, globalService: true, resourceTypes: [kind === 'user' ? 'AWS::IAM::User' : 'AWS::IAM::Role', 'AWS::IAM::Policy'],
      summaryKo: kind === 'user' ? '사용자에게서 관리형 정책을 분리합니다.' : '역할에서 관리형 정책을 분리합니다.',
    }),
    authz: (p) => ({ resource: arnOf(kind, p) }),
    handler: (p) => {
      const o = owner(kind, p);
      const arn = need(p, 'PolicyArn');
      if (!o.attachedPolicies.includes(arn)) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
      o.attachedPolicies = o.attachedPolicies.filter((a) => a !== arn);
      return { response: {} };
    },
  });
  const putInline = (kind: 'user' | 'role'): ActionSpec => ({
    def: apiDef(kind === 'user' ? 'iam:PutUserPolicy' : 'iam:PutRolePolicy', {
      readOnly: false, globalService: true, resourceTypes: [kind === 'user' ? 'AWS::IAM::User' : 'AWS::IAM::Role'],
      summaryKo: kind === 'user' ? '사용자에 인라인 정책을 넣습니다.' : '역할에 인라인 정책을 넣습니다.',
    }),
    authz: (p) => ({ resource: arnOf(kind, p) }),
    handler: (p) => {
      const o = owner(kind, p);
      o.inlinePolicies[need(p, 'PolicyName')] = validDoc(need(p, 'PolicyDocument'));
      return { response: {} };
    },
  });

  return [
    attach('role'), detach('role'), attach('user'), detach('user'), putInline('user'), putInline('role'),
    {
      def: apiDef('iam:CreatePolicy', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::Policy'], summaryKo: '고객 관리형 정책을 만듭니다.' }),
      authz: (p) => ({ resource: `arn:aws:iam::${acct}:policy/${str(p, 'PolicyName') ?? ''}` }),
      handler: (p) => {
        const name = need(p, 'PolicyName');
        const path = str(p, 'Path') ?? '/';
        const arn = `arn:aws:iam::${acct}:policy${path}${name}`;
        if (iam.state.policies[arn]) throw new AwsError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);
        const pol: ManagedPolicy = { policyName: name, policyId: uniqueId(d.random, 'ANPA'), arn, path, document: validDoc(need(p, 'PolicyDocument')), createDate: d.clock.now(), awsManaged: false };
        iam.state.policies[arn] = pol;
        const base = { PolicyName: name, PolicyId: pol.policyId, Arn: arn, Path: path, DefaultVersionId: 'v1', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true };
        return {
          response: { Policy: { ...base, CreateDate: isoMillis(pol.createDate), UpdateDate: isoMillis(pol.createDate) } },
          responseElements: {
            policy: {
              policyName: name, policyId: pol.policyId, arn, path, defaultVersionId: 'v1', attachmentCount: 0, permissionsBoundaryUsageCount: 0,
              isAttachable: true, createDate: javaMediumDate(pol.createDate), updateDate: javaMediumDate(pol.createDate),
            },
          },
        };
      },
    },
    {
      def: apiDef('iam:ListPolicies', { readOnly: true, globalService: true, summaryKo: '관리형 정책 목록을 조회합니다.' }),
      authz: () => ({ resource: `arn:aws:iam::${acct}:policy/*` }),
      handler: (p) => {
        const scope = str(p, 'Scope') ?? 'All';
        const list = Object.values(iam.state.policies).filter((x) => scope === 'All' || (scope === 'AWS') === x.awsManaged);
        return {
          response: {
            Policies: list.map((x) => ({
              PolicyName: x.policyName, PolicyId: x.policyId, Arn: x.arn, Path: x.path, DefaultVersionId: 'v1',
              AttachmentCount: attachmentCount(iam, x.arn), IsAttachable: true, CreateDate: isoMillis(x.createDate), UpdateDate: isoMillis(x.createDate),
            })),
            IsTruncated: false,
          },
        };
      },
    },
    {
      def: apiDef('iam:ListAttachedRolePolicies', { readOnly: true, globalService: true, resourceTypes: ['AWS::IAM::Role'], summaryKo: '역할에 연결된 정책을 조회합니다.' }),
      authz: (p) => ({ resource: arnOf('role', p) }),
      handler: (p) => ({
        response: {
          AttachedPolicies: iam.role(need(p, 'RoleName')).attachedPolicies.map((arn) => ({ PolicyName: iam.state.policies[arn]?.policyName ?? arn, PolicyArn: arn })),
          IsTruncated: false,
        },
      }),
    },
  ];
}
