// CreateTrail / UpdateTrail request checks: trail name rules, S3 bucket existence and bucket policy,
// key prefix length, CloudWatch Logs pairing — each failing with the API's own exception.
import { AwsError, type JsonObject, type ObjectStore } from '../../core/contract';
import type { TrailConfig } from './trail-types';

export function validateTrailName(name: string): void {
  const bad = (message: string) => new AwsError('InvalidTrailNameException', message);
  if (name.length < 3) {
    throw bad(`Trail name too short. Minimum allowed length: 3 characters. Specified name length: ${name.length} characters.`);
  }
  if (name.length > 128) {
    throw bad(`Trail name too long. Maximum allowed length: 128 characters. Specified name length: ${name.length} characters.`);
  }
  if (!/^[A-Za-z0-9]/.test(name)) throw bad('Trail name must starts with a letter or number.');
  if (!/[A-Za-z0-9]$/.test(name)) throw bad('Trail name must ends with a letter or number.');
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw bad('Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).');
  }
  if (/[._-]{2}/.test(name)) throw bad('Trail name must not contain adjacent periods, underscores or dashes.');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) throw bad('Trail name must not be in IP address format.');
}

const globs = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  let re = globs.get(glob);
  if (!re) {
    const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${escaped}$`);
    if (globs.size > 1000) globs.clear();
    globs.set(glob, re);
  }
  return re;
}

function asList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

interface PolicyStatement {
  Effect?: unknown;
  Principal?: { Service?: unknown } | string;
  Action?: unknown;
  Resource?: unknown;
}

function allows(statements: PolicyStatement[], action: string, resource: string): boolean {
  return statements.some((s) => {
    if (s.Effect !== 'Allow') return false;
    const principal = s.Principal;
    const servicePrincipal = principal === '*' || (typeof principal === 'object' && asList(principal.Service).includes('cloudtrail.amazonaws.com'));
    if (!servicePrincipal) return false;
    const actionOk = asList(s.Action).some((a) => globToRegExp(a.toLowerCase()).test(action.toLowerCase()));
    return actionOk && asList(s.Resource).some((r) => globToRegExp(r).test(resource));
  });
}

/** The bucket must exist and, when the store models bucket policies, let cloudtrail.amazonaws.com
 *  read the bucket ACL and put objects under [prefix/]AWSLogs/<account>/. */
export function checkBucket(store: ObjectStore, bucket: string, prefix: string | undefined, accountId: string): void {
  if (!store.bucketExists(bucket)) {
    throw new AwsError('S3BucketDoesNotExistException', `S3 bucket ${bucket} does not exist.`);
  }
  if (!store.bucketPolicy) return;
  const insufficient = () => new AwsError('InsufficientS3BucketPolicyException', `Incorrect S3 bucket policy is detected for bucket: ${bucket}`);
  const text = store.bucketPolicy(bucket);
  if (text === undefined) throw insufficient();
  // Every delivery asks again (each trail's files and hourly digests for every Region): the same policy gets the
  // same answer. Mostly the bucket's last answer, for the same policy text, prefix and account (no key built);
  // else found by the policy text the store keeps (its hash already known), then bucket, prefix and account.
  let last = lastVerdicts.get(bucket);
  if (last === undefined || last.text !== text || last.prefix !== prefix || last.accountId !== accountId) {
    if (policyVerdicts.size > 1000) policyVerdicts.clear();
    if (lastVerdicts.size > 1000) lastVerdicts.clear();
    let byBucket = policyVerdicts.get(text);
    if (!byBucket) policyVerdicts.set(text, (byBucket = new Map()));
    const place = `${bucket}\u0000${prefix ?? ''}\u0000${accountId}`;
    let known = byBucket.get(place);
    if (known === undefined) {
      known = policyLetsCloudTrailWrite(text, bucket, prefix, accountId);
      byBucket.set(place, known);
    }
    lastVerdicts.set(bucket, (last = { text, prefix, accountId, known }));
  }
  if (!last.known) throw insufficient();
}

/** The uncached verdict: does this policy let CloudTrail read the bucket ACL and put objects under the prefix? */
export function policyLetsCloudTrailWrite(text: string, bucket: string, prefix: string | undefined, accountId: string): boolean {
  let statements: PolicyStatement[];
  try {
    const policy = JSON.parse(text) as { Statement?: PolicyStatement | PolicyStatement[] };
    statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement ? [policy.Statement] : [];
  } catch {
    return false;
  }
  const objectArn = `arn:aws:s3:::${bucket}/${prefix ? `${prefix}/` : ''}AWSLogs/${accountId}/x`;
  return allows(statements, 's3:GetBucketAcl', `arn:aws:s3:::${bucket}`) && allows(statements, 's3:PutObject', objectArn);
}

/** Whether a bucket policy lets CloudTrail write: by the policy's text, then bucket, prefix and account. */
const policyVerdicts = new Map<string, Map<string, boolean>>();
/** Each bucket's last verdict and what it was for. */
const lastVerdicts = new Map<string, { text: string; prefix: string | undefined; accountId: string; known: boolean }>();

function optionalString(params: JsonObject, name: string): string | undefined {
  const v = params[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function optionalBool(params: JsonObject, name: string): boolean | undefined {
  const v = params[name];
  return typeof v === 'boolean' ? v : undefined;
}

/** Applies CreateTrail/UpdateTrail members onto a configuration (for CreateTrail, onto the defaults). */
export function applyTrailParams(base: TrailConfig, params: JsonObject, store: ObjectStore, accountId: string): TrailConfig {
  const next: TrailConfig = { ...base };
  const bucket = optionalString(params, 'S3BucketName');
  if (bucket !== undefined) next.s3BucketName = bucket;
  if ('S3KeyPrefix' in params) next.s3KeyPrefix = optionalString(params, 'S3KeyPrefix');
  if (next.s3KeyPrefix !== undefined && next.s3KeyPrefix.length > 200) {
    throw new AwsError('InvalidS3PrefixException', 'S3 prefix is longer than 200 characters.');
  }
  if ('SnsTopicName' in params) next.snsTopicName = optionalString(params, 'SnsTopicName');
  const multi = optionalBool(params, 'IsMultiRegionTrail');
  if (multi !== undefined) next.isMultiRegionTrail = multi;
  const global = optionalBool(params, 'IncludeGlobalServiceEvents');
  if (global !== undefined) next.includeGlobalServiceEvents = global;
  if (next.isMultiRegionTrail && !next.includeGlobalServiceEvents) {
    throw new AwsError(
      'InvalidParameterCombinationException',
      'Multi-Region trail must include global service events.',
    );
  }
  const validation = optionalBool(params, 'EnableLogFileValidation');
  if (validation !== undefined) next.logFileValidationEnabled = validation;
  if ('CloudWatchLogsLogGroupArn' in params) next.cloudWatchLogsLogGroupArn = optionalString(params, 'CloudWatchLogsLogGroupArn');
  if ('CloudWatchLogsRoleArn' in params) next.cloudWatchLogsRoleArn = optionalString(params, 'CloudWatchLogsRoleArn');
  if (next.cloudWatchLogsLogGroupArn && !next.cloudWatchLogsRoleArn) {
    throw new AwsError('InvalidCloudWatchLogsRoleArnException', 'You must specify a role ARN when specifying a log group ARN.');
  }
  if (next.cloudWatchLogsRoleArn && !next.cloudWatchLogsLogGroupArn) {
    throw new AwsError('InvalidCloudWatchLogsLogGroupArnException', 'You must specify a log group ARN when specifying a role ARN.');
  }
  if ('KmsKeyId' in params) next.kmsKeyId = optionalString(params, 'KmsKeyId');
  if (bucket !== undefined || 'S3KeyPrefix' in params) checkBucket(store, next.s3BucketName, next.s3KeyPrefix, accountId);
  return next;
}
