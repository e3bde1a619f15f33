import { AwsError, type Json, type JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { javaMediumDate } from '../core/format';
import { accessKeyId, secretAccessKey } from '../core/ids';
import { apiDef, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel } from '../iam/model';
import { evaluate, wildcardMatch } from '../iam/policy-eval';
import type { StsModel } from './model';

function trustNames(trust: Json, callerArn: string, accountId: string): 'caller' | 'account' | 'no' {
  let verdict: 'caller' | 'account' | 'no' = 'no';
  const doc = trust as { Statement?: Json };
  const sts = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  for (const s of sts as { Effect?: Json; Action?: Json; Principal?: Json; Condition?: Json }[]) {
    if (s.Effect !== 'Allow' || s.Condition !== undefined) continue;
    const actions = typeof s.Action === 'string' ? [s.Action] : Array.isArray(s.Action) ? s.Action : [];
    if (!actions.some((a) => typeof a === 'string' && wildcardMatch(a, 'sts:AssumeRole', true))) continue;
    const pr = s.Principal as { AWS?: Json } | string | undefined;
    const aws = pr === '*' ? ['*'] : typeof pr === 'object' && pr !== null ? (typeof pr.AWS === 'string' ? [pr.AWS] : Array.isArray(pr.AWS) ? pr.AWS : []) : [];
    for (const p of aws) {
      if (p === callerArn || p === '*') return 'caller';
      if (p === accountId || p === `arn:aws:iam::${accountId}:root`) verdict = 'account';
    }
  }
  return verdict;
}

/** sts:AssumeRole and sts:GetCallerIdentity. STS answers in the Region of the endpoint the client uses;
 *  current CLI v2 and SDKs use Regional endpoints, so records land in the caller's Region. */
export function stsActions(sts: StsModel, iam: IamModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  return [
    {
      def: apiDef('sts:AssumeRole', { readOnly: true, resourceTypes: ['AWS::IAM::Role'], summaryKo: '역할을 맡아 임시 자격 증명을 받습니다.' }),
      // Trust policy and identity policy are judged together inside the handler, as STS does.
      authz: null,
      handler: (p, ctx) => {
        const roleArn = requireStr(p, 'RoleArn', 'ValidationError');
        const sessionName = requireStr(p, 'RoleSessionName', 'ValidationError');
        if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
        }
        const denied = new AwsError('AccessDenied', `User: ${ctx.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
        if (ctx.principal.kind === 'root') throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.', 403);
        const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
        const role = m && m[1] === acct && m[2] ? iam.state.roles[m[2]] : undefined;
        if (!role) throw denied;
        const trusted = trustNames(JSON.parse(role.assumeRolePolicyDocument) as Json, ctx.principal.arn, acct);
        if (trusted === 'no') throw denied;
        if (trusted === 'account' && ctx.principal.kind !== 'service') {
          const kind = ctx.principal.kind === 'user' ? 'user' : 'role';
          const name = kind === 'user' ? ctx.principal.userName : (ctx.principal.identity.sessionContext?.sessionIssuer?.userName ?? '');
          if (evaluate(iam.documentsFor(kind, name), 'sts:AssumeRole', roleArn) !== 'allow') throw denied;
        }
        const duration = typeof p['DurationSeconds'] === 'number' ? p['DurationSeconds'] : 3600;
        if (duration < 900 || duration > role.maxSessionDuration) {
          throw new AwsError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
        }
        const now = d.clock.now();
        const key = accessKeyId(d.random, 'ASIA');
        const sourceIdentity = str(p, 'SourceIdentity');
        const mfa = ctx.principal.identity.sessionContext?.attributes.mfaAuthenticated === 'true' || typeof p['TokenCode'] === 'string';
        sts.sessions.push({ roleName: role.roleName, sessionName, accessKeyId: key, creationDate: now, expiration: now + duration * 1000, mfaAuthenticated: mfa, assumedBy: ctx.principal.arn, ...(sourceIdentity ? { sourceIdentity } : {}) });
        const token = 'IQoJb3JpZ2luX2VjE' + d.random.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 180);
        const assumedRoleId = `${role.roleId}:${sessionName}`;
        const arn = `arn:aws:sts::${acct}:assumed-role/${role.roleName}/${sessionName}`;
        const requestParameters: JsonObject = { roleArn, roleSessionName: sessionName };
        if (typeof p['DurationSeconds'] === 'number') requestParameters['durationSeconds'] = duration;
        if (sourceIdentity) requestParameters['sourceIdentity'] = sourceIdentity;
        return {
          response: {
            Credentials: { AccessKeyId: key, SecretAccessKey: secretAccessKey(d.random), SessionToken: token, Expiration: isoMillis(now + duration * 1000) },
            AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
            ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
          },
          requestParameters,
          responseElements: {
            credentials: { accessKeyId: key, sessionToken: token, expiration: javaMediumDate(now + duration * 1000) },
            assumedRoleUser: { assumedRoleId, arn },
            ...(sourceIdentity ? { sourceIdentity } : {}),
          },
          resources: [{ accountId: acct, type: 'AWS::IAM::Role', ARN: role.arn }],
        };
      },
    },
    {
      def: apiDef('sts:GetCallerIdentity', { readOnly: true, summaryKo: '호출한 자격 증명의 정체를 확인합니다.' }),
      // "No permissions are required to perform this operation" (STS API reference).
      authz: null,
      requestParameters: () => null,
      handler: (_p, ctx) => {
        const id = ctx.principal.identity;
        const userId = ctx.principal.kind === 'root' ? acct : (id.principalId ?? '');
        return { response: { UserId: userId, Account: acct, Arn: ctx.principal.arn }, responseElements: null };
      },
    },
  ];
}
