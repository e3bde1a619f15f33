import { describe, expect, it } from 'vitest';
import { emptyTrailForm, eventSelectors, formFromTrail, trailFormErrors, trailParams } from '../../../renderer/src/areas/simulator/trail-form-model';
import { Account } from '../../../simulator';

describe('the trail form', () => {
  it('becomes CreateTrail and basic event selectors with data resources as ARNs', () => {
    const f = { ...emptyTrailForm('logs-1'), readWrite: 'WriteOnly' as const, s3Data: ['reports', 'media/img/', '*'], lambdaData: ['fn'] };
    expect(trailParams(f, false)).toEqual({ Name: 'management-trail', S3BucketName: 'logs-1', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, EnableLogFileValidation: true });
    expect(eventSelectors(f, 'us-east-1', '123456789012')).toEqual([
      {
        ReadWriteType: 'WriteOnly', IncludeManagementEvents: true,
        DataResources: [
          { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::reports/', 'arn:aws:s3:::media/img/', 'arn:aws:s3'] },
          { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:us-east-1:123456789012:function:fn'] },
        ],
      },
    ]);
  });

  it('catches what CloudTrail would refuse, in Korean', () => {
    expect(trailFormErrors({ ...emptyTrailForm(''), name: 'ab' })).toEqual(['트레일 이름은 3~128자여야 합니다.', '로그 파일을 받을 S3 버킷을 고르세요.']);
    expect(trailFormErrors({ ...emptyTrailForm('b'), name: '-bad-' })[0]).toMatch(/영문·숫자로 시작하고 끝나며/);
    expect(trailFormErrors({ ...emptyTrailForm('b'), logGroupArn: 'arn:aws:logs:us-east-1:1:log-group:x:*' })).toEqual(['CloudWatch Logs에 보내려면 로그 그룹 ARN과 역할 ARN을 함께 넣어야 합니다.']);
  });

  it('round-trips through the real CreateTrail, PutEventSelectors, DescribeTrails and GetEventSelectors', () => {
    const a = new Account({ seed: 1, startMs: Date.parse('2026-11-23T00:00:00Z') });
    const c = { as: 'root', region: 'us-east-1', via: 'console' as const };
    a.call('s3:CreateBucket', { Bucket: 'logs-1' }, c);
    const policy = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::logs-1' },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs-1/AWSLogs/123456789012/*' },
    ] };
    a.call('s3:PutBucketPolicy', { Bucket: 'logs-1', Policy: JSON.stringify(policy) }, c);
    const f = { ...emptyTrailForm('logs-1'), validation: false, readWrite: 'ReadOnly' as const, s3Data: ['logs-1/reports/'] };
    expect(a.call('cloudtrail:CreateTrail', trailParams(f, false) as never, c).ok).toBe(true);
    const put = a.call('cloudtrail:PutEventSelectors', { TrailName: f.name, EventSelectors: eventSelectors(f, 'us-east-1', a.accountId) } as never, c);
    expect(put.ok).toBe(true);
    const d = a.call('sim:Inspect', { Action: 'cloudtrail:DescribeTrails', Params: {} }, c);
    const s = a.call('sim:Inspect', { Action: 'cloudtrail:GetEventSelectors', Params: { TrailName: f.name } }, c);
    if (!d.ok || !s.ok) throw new Error('inspect failed');
    const back = formFromTrail((d.response['trailList'] as Record<string, unknown>[])[0]!, s.response);
    expect(back).toEqual(f);
    // An edit sends every member, so clearing the prefix clears it.
    expect(trailParams(back, true)).toMatchObject({ S3KeyPrefix: '', CloudWatchLogsLogGroupArn: '', CloudWatchLogsRoleArn: '' });
  });
});
