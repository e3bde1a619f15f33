import { AwsError, type HandlerResult, type JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { javaMediumDate } from '../core/format';
import { accessKeyId, secretAccessKey, uniqueId } from '../core/ids';
import { apiDef, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel, IamUser } from './model';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'ValidationError');

export function userWire(u: IamUser): JsonObject {
  return { Path: u.path, UserName: u.userName, UserId: u.userId, Arn: u.arn, CreateDate: isoMillis(u.createDate) };
}
function userRecord(u: IamUser): JsonObject {
  return { path: u.path, userName: u.userName, userId: u.userId, arn: u.arn, createDate: javaMediumDate(u.createDate) };
}

export function userActions(iam: IamModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const userArn = (p: JsonObject) => `arn:aws:iam::${acct}:user/${str(p, 'UserName') ?? ''}`;
  return [
    {
      def: apiDef('iam:CreateUser', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::User'], summaryKo: 'IAM 사용자를 만듭니다.' }),
      authz: (p) => ({ resource: userArn(p) }),
      handler: (p) => {
        const name = need(p, 'UserName');
        if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${name}' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
        }
        if (iam.state.users[name]) throw new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`, 409);
        const path = str(p, 'Path') ?? '/';
        const u: IamUser = {
          userName: name, userId: uniqueId(d.random, 'AIDA'), arn: `arn:aws:iam::${acct}:user${path}${name}`, path,
          createDate: d.clock.now(), attachedPolicies: [], inlinePolicies: {}, accessKeys: [], loginProfile: null, mfaSerial: null,
        };
        iam.state.users[name] = u;
        return { response: { User: userWire(u) }, responseElements: { user: userRecord(u) } };
      },
    },
    {
      def: apiDef('iam:GetUser', { readOnly: true, globalService: true, resourceTypes: ['AWS::IAM::User'], summaryKo: 'IAM 사용자 정보를 조회합니다.' }),
      authz: (p, ctx) => ({ resource: str(p, 'UserName') ? userArn(p) : ctx.principal.arn }),
      handler: (p, ctx): HandlerResult => {
        const name = str(p, 'UserName') ?? (ctx.principal.kind === 'user' ? ctx.principal.userName : undefined);
        if (name === undefined) throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
        // Returned, not thrown (see HandlerResult.refusal): asking for a user that is not there is common.
        const u = iam.userOrRefusal(name);
        return u instanceof AwsError ? { response: {}, refusal: u } : { response: { User: userWire(u) } };
      },
    },
    {
      def: apiDef('iam:ListUsers', { readOnly: true, globalService: true, summaryKo: 'IAM 사용자 목록을 조회합니다.' }),
      authz: () => ({ resource: `arn:aws:iam::${acct}:user/*` }),
      handler: () => ({
        response: { Users: Object.values(iam.state.users).sort((a, b) => a.userName.localeCompare(b.userName)).map(userWire), IsTruncated: false },
      }),
    },
    {
      def: apiDef('iam:DeleteUser', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::User'], summaryKo: 'IAM 사용자를 삭제합니다.' }),
      authz: (p) => ({ resource: userArn(p) }),
      handler: (p) => {
        const u = iam.user(need(p, 'UserName'));
        if (u.accessKeys.length || u.attachedPolicies.length || Object.keys(u.inlinePolicies).length || u.loginProfile || u.mfaSerial) {
          throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
        }
        delete iam.state.users[u.userName];
        return { response: {} };
      },
    },
    {
      def: apiDef('iam:CreateAccessKey', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::AccessKey'], summaryKo: '액세스 키를 발급합니다.' }),
      authz: (p, ctx) => ({ resource: str(p, 'UserName') ? userArn(p) : ctx.principal.arn }),
      handler: (p, ctx) => {
        const name = str(p, 'UserName') ?? (ctx.principal.kind === 'user' ? ctx.principal.userName : undefined);
        const keys = name === undefined ? iam.state.root.accessKeys : iam.user(name).accessKeys;
        if (keys.length >= 2) throw new AwsError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
        const key = { accessKeyId: accessKeyId(d.random, 'AKIA'), secretAccessKey: secretAccessKey(d.random), status: 'Active' as const, createDate: d.clock.now() };
        keys.push(key);
        const userName = name ?? acct;
        return {
          response: { AccessKey: { UserName: userName, AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: key.secretAccessKey, CreateDate: isoMillis(key.createDate) } },
          // The secret never reaches CloudTrail.
          responseElements: { accessKey: { accessKeyId: key.accessKeyId, status: key.status, userName, createDate: javaMediumDate(key.createDate) } },
        };
      },
    },
    {
      def: apiDef('iam:ListAccessKeys', { readOnly: true, globalService: true, summaryKo: '액세스 키 목록을 조회합니다.' }),
      authz: (p, ctx) => ({ resource: str(p, 'UserName') ? userArn(p) : ctx.principal.arn }),
      handler: (p, ctx) => {
        const name = str(p, 'UserName') ?? (ctx.principal.kind === 'user' ? ctx.principal.userName : undefined);
        const keys = name === undefined ? iam.state.root.accessKeys : iam.user(name).accessKeys;
        return {
          response: {
            AccessKeyMetadata: keys.map((k) => ({ UserName: name ?? acct, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: isoMillis(k.createDate) })),
            IsTruncated: false,
          },
        };
      },
    },
    {
      def: apiDef('iam:CreateLoginProfile', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::User'], summaryKo: '콘솔 비밀번호를 설정합니다.' }),
      authz: (p) => ({ resource: userArn(p) }),
      // The password is never written to the record.
      requestParameters: (p) => ({ userName: str(p, 'UserName') ?? null, passwordResetRequired: p['PasswordResetRequired'] === true }),
      handler: (p) => {
        const u = iam.user(need(p, 'UserName'));
        need(p, 'Password');
        if (u.loginProfile) throw new AwsError('EntityAlreadyExists', `Login Profile for user ${u.userName} already exists.`, 409);
        u.loginProfile = { createDate: d.clock.now(), passwordResetRequired: p['PasswordResetRequired'] === true };
        const lp = { userName: u.userName, createDate: u.loginProfile.createDate, passwordResetRequired: u.loginProfile.passwordResetRequired };
        return {
          response: { LoginProfile: { UserName: lp.userName, CreateDate: isoMillis(lp.createDate), PasswordResetRequired: lp.passwordResetRequired } },
          responseElements: { loginProfile: { userName: lp.userName, createDate: javaMediumDate(lp.createDate), passwordResetRequired: lp.passwordResetRequired } },
        };
      },
    },
    {
      def: apiDef('iam:EnableMFADevice', { readOnly: false, globalService: true, resourceTypes: ['AWS::IAM::User'], summaryKo: 'MFA 장치를 활성화합니다.' }),
      authz: (p) => ({ resource: userArn(p) }),
      // Authentication codes are secrets; CloudTrail records the user and the device only.
      requestParameters: (p) => ({ userName: str(p, 'UserName') ?? null, serialNumber: str(p, 'SerialNumber') ?? null }),
      handler: (p) => {
        const u = iam.user(need(p, 'UserName'));
        const serial = need(p, 'SerialNumber');
        for (const c of ['AuthenticationCode1', 'AuthenticationCode2']) {
          if (!/^\d{6}$/.test(str(p, c) ?? '')) throw new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
        }
        if (u.mfaSerial) throw new AwsError('EntityAlreadyExists', 'MFA Device is already in use.', 409);
        u.mfaSerial = serial;
        return { response: {} };
      },
    },
  ];
}
