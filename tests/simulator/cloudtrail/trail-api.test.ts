import { describe, expect, it } from 'vitest';
import { AwsError, type JsonObject } from '../../../simulator/core/contract';
import { ACCOUNT, call, ctx, PolicyStore, world, type World } from './helpers';

function errorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

function withBucket(): World {
  const w = world();
  w.store.addBucket('logs');
  return w;
}

const CLOUDTRAIL_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::logs' },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `arn:aws:s3:::logs/AWSLogs/${ACCOUNT}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
  ],
});

describe('trail API', () => {
  it('creates a trail that is not logging until StartLogging', () => {
    const w = withBucket();
    const created = call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    expect(created).toEqual({
      Name: 'main',
      S3BucketName: 'logs',
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: false,
      TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
      LogFileValidationEnabled: false,
      IsOrganizationTrail: false,
    });
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['IsLogging']).toBe(false);
    call(w, 'StartLogging', { Name: 'main' });
    const status = call(w, 'GetTrailStatus', { Name: 'main' });
    expect(status['IsLogging']).toBe(true);
    expect(status['StartLoggingTime']).toBe('2026-11-01T00:00:00.000Z');
    call(w, 'StopLogging', { Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` });
    expect(call(w, 'GetTrailStatus', { Name: 'main' })['IsLogging']).toBe(false);
  });

  it('gives CloudTrail-shaped responseElements for CreateTrail', () => {
    const w = withBucket();
    const result = w.ct.handlers['CreateTrail']!({ Name: 'main', S3BucketName: 'logs' }, ctx('us-east-1'));
    expect(result.responseElements).toMatchObject({ name: 'main', s3BucketName: 'logs', trailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` });
  });

  it('refuses bad names, duplicates and missing buckets with the API errors', () => {
    const w = withBucket();
    for (const bad of ['ab', '-abc', 'abc-', 'a b c', 'my--trail', 'my._trail', '192.168.5.4', 'x'.repeat(129)]) {
      expect(errorOf(() => call(w, 'CreateTrail', { Name: bad, S3BucketName: 'logs' })).code).toBe('InvalidTrailNameException');
    }
    call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    const dup = errorOf(() => call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' }));
    expect(dup.code).toBe('TrailAlreadyExistsException');
    // Another Region may reuse the name of a single-Region trail.
    expect(call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' }, 'us-west-2')['TrailARN']).toContain('us-west-2');
    const missing = errorOf(() => call(w, 'CreateTrail', { Name: 'other', S3BucketName: 'nope' }));
    expect(missing.code).toBe('S3BucketDoesNotExistException');
    expect(errorOf(() => call(w, 'GetTrailStatus', { Name: 'a_' })).code).toBe('InvalidTrailNameException');
    expect(errorOf(() => call(w, 'GetTrailStatus', { Name: 'arn:aws:s3:::logs' })).code).toBe('CloudTrailARNInvalidException');
    expect(errorOf(() => call(w, 'GetTrailStatus', { Name: 'ghost' })).message).toBe(
      `Unknown trail: arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/ghost for the user: ${ACCOUNT}`,
    );
  });

  it('checks the bucket policy when the store models policies', () => {
    const store = new PolicyStore();
    const w = world(store);
    store.addBucket('logs', 'us-east-1');
    const noPolicy = errorOf(() => call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' }));
    expect(noPolicy.code).toBe('InsufficientS3BucketPolicyException');
    expect(noPolicy.message).toBe('Incorrect S3 bucket policy is detected for bucket: logs');
    store.addBucket('logs', 'us-east-1', CLOUDTRAIL_POLICY);
    expect(call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' })['Name']).toBe('main');
    // The policy allows only AWSLogs/ at the bucket root, so a prefix falls outside it.
    const prefixed = errorOf(() => call(w, 'CreateTrail', { Name: 'second', S3BucketName: 'logs', S3KeyPrefix: 'p' }));
    expect(prefixed.code).toBe('InsufficientS3BucketPolicyException');
  });

  it('shows multi-Region trails as shadows elsewhere and changes them only from home', () => {
    const w = withBucket();
    call(w, 'CreateTrail', { Name: 'org', S3BucketName: 'logs', IsMultiRegionTrail: true });
    call(w, 'CreateTrail', { Name: 'local', S3BucketName: 'logs' });
    const inSeoul = call(w, 'DescribeTrails', {}, 'ap-northeast-2')['trailList'] as JsonObject[];
    expect(inSeoul.map((t) => t['Name'])).toEqual(['org']);
    expect(inSeoul[0]!['HomeRegion']).toBe('us-east-1');
    expect(call(w, 'DescribeTrails', { includeShadowTrails: false }, 'ap-northeast-2')['trailList']).toEqual([]);
    const orgArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`;
    expect(errorOf(() => call(w, 'StartLogging', { Name: orgArn }, 'ap-northeast-2')).code).toBe('InvalidHomeRegionException');
    expect(errorOf(() => call(w, 'DeleteTrail', { Name: orgArn }, 'ap-northeast-2')).code).toBe('InvalidHomeRegionException');
    // A name means the trail whose home is the caller's Region; a shadow is reached through its ARN.
    expect(errorOf(() => call(w, 'GetTrailStatus', { Name: 'org' }, 'ap-northeast-2')).message).toBe(
      `Unknown trail: arn:aws:cloudtrail:ap-northeast-2:${ACCOUNT}:trail/org for the user: ${ACCOUNT}`,
    );
    expect(call(w, 'GetTrailStatus', { Name: orgArn }, 'ap-northeast-2')['IsLogging']).toBe(false);
    const localArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/local`;
    expect(errorOf(() => call(w, 'GetTrailStatus', { Name: localArn }, 'ap-northeast-2')).code).toBe('TrailNotFoundException');
    expect(errorOf(() => call(w, 'CreateTrail', { Name: 'org', S3BucketName: 'logs' }, 'eu-west-1')).code).toBe('TrailAlreadyExistsException');
    const all = call(w, 'ListTrails', {}, 'eu-west-1')['Trails'] as JsonObject[];
    expect(all.map((t) => `${t['Name']}@${t['HomeRegion']}`)).toEqual(['org@us-east-1', 'local@us-east-1']);
  });

  it('updates and deletes trails', () => {
    const w = withBucket();
    call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    const updated = call(w, 'UpdateTrail', { Name: 'main', IsMultiRegionTrail: true, EnableLogFileValidation: true });
    expect(updated).toMatchObject({ IsMultiRegionTrail: true, LogFileValidationEnabled: true });
    expect(errorOf(() => call(w, 'UpdateTrail', { Name: 'main', IncludeGlobalServiceEvents: false })).code).toBe('InvalidParameterCombinationException');
    call(w, 'DeleteTrail', { Name: 'main' });
    expect(call(w, 'ListTrails', {})['Trails']).toEqual([]);
    expect(errorOf(() => call(w, 'DeleteTrail', { Name: 'main' })).code).toBe('TrailNotFoundException');
  });

  it('stores event and insight selectors', () => {
    const w = withBucket();
    call(w, 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    expect(call(w, 'GetEventSelectors', { TrailName: 'main' })['EventSelectors']).toEqual([
      { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ]);
    expect(errorOf(() => call(w, 'GetInsightSelectors', { TrailName: 'main' })).code).toBe('InsightNotEnabledException');
    call(w, 'PutInsightSelectors', { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }] });
    expect(call(w, 'GetInsightSelectors', { TrailName: 'main' })['InsightSelectors']).toHaveLength(2);
    const both = { TrailName: 'main', EventSelectors: [], AdvancedEventSelectors: [] };
    expect(errorOf(() => call(w, 'PutEventSelectors', both)).code).toBe('InvalidParameterCombinationException');
    const badType = { TrailName: 'main', EventSelectors: [{ DataResources: [{ Type: 'AWS::EC2::Instance', Values: ['arn:aws:ec2'] }] }] };
    expect(errorOf(() => call(w, 'PutEventSelectors', badType)).code).toBe('InvalidEventSelectorsException');
    const sixSelectors = { TrailName: 'main', EventSelectors: Array.from({ length: 6 }, () => ({ ReadWriteType: 'All' })) };
    expect(errorOf(() => call(w, 'PutEventSelectors', sixSelectors)).code).toBe('InvalidEventSelectorsException');
    const noCategory = { TrailName: 'main', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'readOnly', Equals: ['true'] }] }] };
    expect(errorOf(() => call(w, 'PutEventSelectors', noCategory)).code).toBe('InvalidEventSelectorsException');
    expect(call(w, 'DescribeTrails', {})['trailList']).toMatchObject([{ HasCustomEventSelectors: false, HasInsightSelectors: true }]);
  });

  it('lists the Region public key as DER that Node can load', async () => {
    const { createPublicKey } = await import('node:crypto');
    const w = withBucket();
    const keys = call(w, 'ListPublicKeys', {}, 'ap-northeast-2')['PublicKeyList'] as JsonObject[];
    expect(keys).toHaveLength(1);
    const key = createPublicKey({ key: Buffer.from(keys[0]!['Value'] as string, 'base64'), format: 'der', type: 'pkcs1' });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(keys[0]!['Fingerprint']).toMatch(/^[0-9a-f]{32}$/);
  });
});

