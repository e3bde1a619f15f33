import { AwsError } from './contract';
import type { Decision } from '../iam/policy-eval';

/**
 * The error each service returns for a call IAM does not allow. EC2 answers UnauthorizedOperation
 * (CloudTrail adds its "Client." prefix); SNS AuthorizationError; JSON-protocol services AccessDeniedException;
 * IAM, STS, S3 and CloudWatch AccessDenied.
 */
export function unauthorized(svc: string, callerArn: string, action: string, resource: string, decision: Decision, encoded: () => string): AwsError {
  const why = decision === 'explicitDeny' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${action} action`;
  const onResource = resource === '*' ? '' : ` on resource: ${resource}`;
  const base = `User: ${callerArn} is not authorized to perform: ${action}${onResource} ${why}`;
  switch (svc) {
    case 'ec2':
      return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${base}. Encoded authorization failure message: ${encoded()}`, 403);
    case 's3':
      return new AwsError('AccessDenied', 'Access Denied', 403);
    case 'sns':
      return new AwsError('AuthorizationError', base, 403);
    case 'lambda':
      return new AwsError('AccessDeniedException', base, 403);
    case 'logs':
    case 'events':
    case 'cloudtrail':
      return new AwsError('AccessDeniedException', base, 400);
    default:
      return new AwsError('AccessDenied', base, 403);
  }
}
