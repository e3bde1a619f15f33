import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { advance, call, def, MGMT_DEF, record, s3DataRecord, S3_DATA_DEF, T0, world, type World } from './helpers';

function loggingTrail(w: World, name = 'main', extra: JsonObject = {}, region = 'us-east-1'): void {
  if (!w.store.bucketExists('logs')) w.store.addBucket('logs');
  call(w, 'CreateTrail', { Name: name, S3BucketName: 'logs', ...extra }, region);
  call(w, 'StartLogging', { Name: name }, region);
}

function only(w: World, rec = s3DataRecord('photos', 'cats/a.jpg'), d = S3_DATA_DEF) {
  const routing = w.ct.ingest(rec, d);
  expect(routing.trails).toHaveLength(1);
  return routing.trails[0]!;
}

describe('routing a record to trails', () => {
  it('does not record data events by default, and names the bucket', () => {
    const w = world();
    loggingTrail(w);
    const r = only(w);
    expect(r).toMatchObject({ landed: false, code: 'DATA_NOT_SELECTED' });
    expect(r.reasonKo).toContain('photos');
  });

  it('records a data event only for the bucket and prefix a basic selector names', () => {
    const w = world();
    loggingTrail(w);
    call(w, 'PutEventSelectors', {
      TrailName: 'main',
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/cats/'] }] }],
    });
    expect(only(w, s3DataRecord('photos', 'cats/a.jpg'))).toMatchObject({ landed: true, code: 'DELIVERY_SCHEDULED', s3Bucket: 'logs' });
    expect(only(w, s3DataRecord('photos', 'dogs/a.jpg'))).toMatchObject({ landed: false, code: 'DATA_NOT_SELECTED' });
    expect(only(w, s3DataRecord('other', 'cats/a.jpg'))).toMatchObject({ landed: false, code: 'DATA_NOT_SELECTED' });
  });

  it('matches S3 list operations, which name an ARNPrefix instead of an ARN', () => {
    const w = world();
    loggingTrail(w);
    call(w, 'PutEventSelectors', { TrailName: 'main', EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::photos/'] }] }] });
    const list = (bucket: string) =>
      ({
        ...s3DataRecord(bucket, 'x', 'ListObjects'),
        resources: [{ type: 'AWS::S3::Object', ARNPrefix: `arn:aws:s3:::${bucket}/` }],
      }) as unknown as CloudTrailRecord;
    expect(only(w, list('photos')).landed).toBe(true);
    const other = only(w, list('docs'));
    expect(other).toMatchObject({ landed: false, code: 'DATA_NOT_SELECTED' });
    expect(other.reasonKo).toContain('docs');
  });

  it('applies a basic selector ReadWriteType to data and management events', () => {
    const w = world();
    loggingTrail(w);
    call(w, 'PutEventSelectors', {
      TrailName: 'main',
      EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    });
    expect(only(w, s3DataRecord('photos', 'a', 'PutObject'))).toMatchObject({ landed: true });
    const read = only(w, s3DataRecord('photos', 'a', 'GetObject'));
    expect(read).toMatchObject({ landed: false, code: 'READ_WRITE_FILTER' });
    expect(read.reasonKo).toContain('WriteOnly');
    expect(only(w, record({ readOnly: true, eventName: 'DescribeVpcs' }), MGMT_DEF)).toMatchObject({ landed: false, code: 'READ_WRITE_FILTER' });
    expect(only(w, record(), MGMT_DEF)).toMatchObject({ landed: true });
  });

  it('selects Lambda functions by ARN', () => {
    const w = world();
    loggingTrail(w);
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:resize';
    call(w, 'PutEventSelectors', { TrailName: 'main', EventSelectors: [{ DataResources: [{ Type: 'AWS::Lambda::Function', Values: [fn] }] }] });
    const invoke = (arn: string) =>
      record({ eventSource: 'lambda.amazonaws.com', eventName: 'Invoke', eventCategory: 'Data', managementEvent: false, resources: [{ type: 'AWS::Lambda::Function', ARN: arn }] });
    const lambdaDef = def({ eventName: 'Invoke', eventSource: 'lambda.amazonaws.com', category: 'Data' });
    expect(only(w, invoke(fn), lambdaDef).landed).toBe(true);
    expect(only(w, invoke(`${fn}2`), lambdaDef).landed).toBe(false);
  });

  it('matches advanced selectors field by field', () => {
    const w = world();
    loggingTrail(w);
    call(w, 'PutEventSelectors', {
      TrailName: 'main',
      AdvancedEventSelectors: [
        { Name: 'management writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] },
        {
          Name: 'photo deletes',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::photos/'] },
            { Field: 'eventName', NotEquals: ['GetObject', 'HeadObject'] },
          ],
        },
      ],
    });
    expect(only(w, s3DataRecord('photos', 'a', 'DeleteObject')).landed).toBe(true);
    expect(only(w, s3DataRecord('photos', 'a', 'GetObject'))).toMatchObject({ landed: false, code: 'ADVANCED_NO_MATCH' });
    expect(only(w, s3DataRecord('docs', 'a', 'DeleteObject')).landed).toBe(false);
    expect(only(w, record(), MGMT_DEF).landed).toBe(true);
    expect(only(w, record({ readOnly: true }), MGMT_DEF).landed).toBe(false);
  });

  it('explains not logging, other Region and excluded global service events', () => {
    const w = world();
    w.store.addBucket('logs');
    call(w, 'CreateTrail', { Name: 'idle', S3BucketName: 'logs' });
    expect(only(w, record(), MGMT_DEF)).toMatchObject({ landed: false, code: 'NOT_LOGGING' });
    call(w, 'DeleteTrail', { Name: 'idle' });
    loggingTrail(w, 'oregon', {}, 'us-west-2');
    const other = only(w, record({ awsRegion: 'us-east-1' }), MGMT_DEF);
    expect(other).toMatchObject({ landed: false, code: 'OTHER_REGION' });
    expect(other.reasonKo).toContain('us-west-2');
    call(w, 'DeleteTrail', { Name: 'oregon' }, 'us-west-2');
    loggingTrail(w, 'noglobal', { IncludeGlobalServiceEvents: false });
    const iam = def({ eventName: 'CreateUser', eventSource: 'iam.amazonaws.com', globalService: true });
    expect(only(w, record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' }), iam)).toMatchObject({ code: 'GLOBAL_SERVICE_EVENTS_EXCLUDED' });
  });

  it('multi-Region trails take events from every Region', () => {
    const w = world();
    loggingTrail(w, 'all', { IsMultiRegionTrail: true });
    expect(only(w, record({ awsRegion: 'eu-west-1' }), MGMT_DEF)).toMatchObject({ landed: true, deliveryRegion: 'eu-west-1' });
  });

  it('says when the file is due', () => {
    const w = world();
    loggingTrail(w);
    advance(w, 30_000);
    expect(only(w, record({ atMs: T0 + 30_000 }), MGMT_DEF).deliveryDueTime).toBe('2026-11-01T00:05:30Z');
  });
});
