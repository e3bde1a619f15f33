import { AwsError, type JsonObject, type Principal } from '../core/contract';
import { accessKeyId } from '../core/ids';
import { FailureWithRecord, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel } from '../iam/model';
import type { SigninModel } from './model';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
const LOGIN_TO = 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_';

/**
 * signin:ConsoleLogin { success, mfa, endpoint? } — a non-API event (eventType AwsConsoleSignIn).
 * Region: root sign-in is recorded in us-east-1; an IAM user signing in through the global endpoint is
 * recorded in us-east-1, through a Regional endpoint (endpoint: "regional") in that Region
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
 */
export function signinActions(model: SigninModel, iam: IamModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const caller = (as: string): Principal => {
    if (as === 'root') {
      const arn = `arn:aws:iam::${acct}:root`;
      return { kind: 'root', arn, userName: 'root', identity: { type: 'Root', principalId: acct, arn, accountId: acct, accessKeyId: '' } };
    }
    const u = iam.state.users[as];
    if (!u) return { kind: 'user', arn: '', userName: HIDDEN, identity: { type: 'IAMUser', accountId: acct, accessKeyId: '', userName: HIDDEN } };
    return { kind: 'user', arn: u.arn, userName: u.userName, identity: { type: 'IAMUser', principalId: u.userId, arn: u.arn, accountId: acct, userName: u.userName } };
  };
  return [
    {
      def: {
        api: 'signin:ConsoleLogin', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', readOnly: false, category: 'Management',
        apiCall: false, eventType: 'AwsConsoleSignIn', resourceTypes: [], globalService: false, summaryKo: 'AWS 관리 콘솔에 로그인합니다(성공/실패, MFA 여부).',
      },
      authz: null,
      channels: ['console'],
      resolveCaller: caller,
      requestParameters: () => null,
      recordRegion: (p, ctx) => (ctx.principal.kind === 'user' && p['endpoint'] === 'regional' ? ctx.region : 'us-east-1'),
      handler: (p: JsonObject, ctx) => {
        if (typeof p['success'] !== 'boolean' || typeof p['mfa'] !== 'boolean') {
          throw new AwsError('Sim.InvalidParameter', 'signin:ConsoleLogin needs params { "success": boolean, "mfa": boolean }');
        }
        const success = p['success'];
        const who = ctx.principal;
        const user = who.kind === 'user' ? iam.state.users[who.userName] : undefined;
        if (success && who.kind === 'user') {
          if (!user) throw new AwsError('Sim.InvalidParameter', 'an unknown user name can only fail to sign in');
          if (!user.loginProfile) throw new AwsError('Sim.InvalidParameter', `${user.userName} has no console password (iam:CreateLoginProfile)`);
          if (Boolean(user.mfaSerial) !== p['mfa']) {
            throw new AwsError('Sim.InvalidParameter', user.mfaSerial ? `${user.userName} has an MFA device: a successful sign-in uses it` : `${user.userName} has no MFA device`);
          }
        }
        const mfaUsed = success && p['mfa'];
        const additional: JsonObject = { LoginTo: LOGIN_TO, MobileVersion: 'No', MFAUsed: mfaUsed ? 'Yes' : 'No' };
        if (mfaUsed) additional['MFAIdentifier'] = user?.mfaSerial ?? `arn:aws:iam::${acct}:mfa/root-account-mfa-device`;
        if (!success) {
          // A failed sign-in is still recorded: no errorCode, errorMessage "Failed authentication", and the
          // IAM user's arn is left out.
          const identity = { ...who.identity };
          if (who.kind === 'user') {
            delete identity.arn;
            identity.accessKeyId = '';
          }
          throw new FailureWithRecord('ConsoleLoginFailure', 'Failed authentication', 401, {
            userIdentity: identity, responseElements: { ConsoleLogin: 'Failure' }, additionalEventData: additional, omitErrorCode: true,
          });
        }
        model.sessions[who.kind === 'root' ? 'root' : who.userName] = { accessKeyId: accessKeyId(d.random, 'ASIA'), creationDate: d.clock.now(), mfaAuthenticated: mfaUsed };
        return { response: { ConsoleLogin: 'Success' }, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: additional };
      },
    },
  ];
}
