import { describe, expect, it } from 'vitest';
import { parseCli, tokenize } from '../../../renderer/src/areas/simulator/cli-command';
import { Account } from '../../../simulator';

const known = new Set(new Account({ seed: 0, startMs: 0 }).catalog().map((d) => d.api));

describe('the AWS CLI command box', () => {
  it('reads the CLI’s own command and option names', () => {
    expect(parseCli('aws s3api put-object --bucket reports --key "a b.txt" --body 안녕', known)).toEqual({ ok: true, api: 's3:PutObject', params: { Bucket: 'reports', Key: 'a b.txt', Body: '안녕' } });
    expect(parseCli('aws ec2 create-subnet --vpc-id vpc-1 --cidr-block 10.0.1.0/24 --region ap-northeast-2', known)).toEqual({
      ok: true, api: 'ec2:CreateSubnet', params: { VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }, region: 'ap-northeast-2',
    });
    expect(parseCli('aws s3api list-objects-v2 --bucket b', known)).toMatchObject({ ok: true, api: 's3:ListObjectsV2' });
    expect(parseCli('aws logs create-log-group --log-group-name app', known)).toEqual({ ok: true, api: 'logs:CreateLogGroup', params: { logGroupName: 'app' } });
  });

  it('types members from the param specs: flags, numbers, lists, JSON', () => {
    expect(parseCli('aws cloudtrail create-trail --name t1 --s3-bucket-name b --is-multi-region-trail --no-include-global-service-events', known)).toEqual({
      ok: true, api: 'cloudtrail:CreateTrail', params: { Name: 't1', S3BucketName: 'b', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false },
    });
    expect(parseCli('aws ec2 run-instances --image-id ami-1 --min-count 1 --max-count 2', known)).toMatchObject({ params: { MinCount: 1, MaxCount: 2 } });
    expect(parseCli('aws ec2 stop-instances --instance-ids i-1 i-2', known)).toMatchObject({ params: { InstanceIds: ['i-1', 'i-2'] } });
    expect(parseCli(`aws cloudtrail lookup-events --lookup-attributes '[{"AttributeKey":"EventName","AttributeValue":"ConsoleLogin"}]' --max-results 5`, known)).toMatchObject({
      params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }], MaxResults: 5 },
    });
    expect(parseCli(`aws s3api put-bucket-policy --bucket b --policy '{"Version":"2012-10-17"}'`, known)).toMatchObject({ params: { Policy: '{"Version":"2012-10-17"}' } });
  });

  it('explains in Korean what it cannot read', () => {
    expect(parseCli('gcloud compute instances list', known)).toMatchObject({ ok: false, errorKo: expect.stringContaining("'aws'로 시작") });
    expect(parseCli('aws rds describe-db-instances', known)).toMatchObject({ ok: false, errorKo: expect.stringContaining('지원하지 않는 서비스') });
    expect(parseCli('aws s3api fly-away', known)).toMatchObject({ ok: false, errorKo: '시뮬레이터에 없는 명령입니다: aws s3api fly-away' });
    expect(parseCli('aws ec2 run-instances --min-count one', known)).toMatchObject({ ok: false, errorKo: '--min-count: 숫자가 필요합니다.' });
    expect(parseCli('aws s3api put-object --bucket "b', known)).toMatchObject({ ok: false, errorKo: '따옴표가 닫히지 않았습니다.' });
    expect(tokenize(`a 'b c' "" d`)).toEqual(['a', 'b c', '', 'd']);
  });
});
