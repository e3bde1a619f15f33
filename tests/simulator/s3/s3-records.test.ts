import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole, userWithKey } from '../support';

const toText = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

describe('S3 buckets and objects', () => {
  it('object calls are data events with bucketName, Host and key, and name the object then the bucket', () => {
    const { acct } = newAccount();
    userWithKey(acct, 'uploader', ['arn:aws:iam::aws:policy/AmazonS3FullAccess']);
    const cli = { as: 'uploader', region: 'ap-northeast-2', via: 'cli' as const };
    ok(acct.call('s3:CreateBucket', { Bucket: 'photos-kr', CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' } }, cli));
    const put = acct.call('s3:PutObject', { Bucket: 'photos-kr', Key: 'cat.txt', Body: 'meow' }, cli);
    expect(ok(put)['ETag']).toBe('"4a4be40c96ac6314e91d93f38043a634"');
    const rec = onlyRecord(put);
    expect(rec.eventCategory).toBe('Data');
    expect(rec.managementEvent).toBe(false);
    expect(rec.readOnly).toBe(false);
    expect(rec.requestParameters).toEqual({ bucketName: 'photos-kr', Host: 'photos-kr.s3.ap-northeast-2.amazonaws.com', key: 'cat.txt' });
    expect(rec.resources).toEqual([
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::photos-kr/cat.txt' },
      { accountId: '123456789012', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::photos-kr' },
    ]);
    expect(rec.userAgent).toMatch(/^\[aws-cli\/2\..*md\/command#s3\.put-object\]$/);
    expect(rec.requestID).toMatch(/^[0-9A-F]{16}$/);
    expect(Object.keys(rec.additionalEventData ?? {})).toEqual(['SignatureVersion', 'CipherSuite', 'bytesTransferredIn', 'AuthenticationMethod', 'x-amz-id-2', 'bytesTransferredOut']);
    expect(rec.additionalEventData?.['bytesTransferredIn']).toBe(4);
    // The host id is canonical base64 of 56 bytes: decoding and encoding again gives the same text.
    const hostId = String(rec.additionalEventData?.['x-amz-id-2']);
    expect(hostId).toHaveLength(76);
    expect(atob(hostId)).toHaveLength(56);
    expect(btoa(atob(hostId))).toBe(hostId);
    expect(rec.tlsDetails?.clientProvidedHostHeader).toBe('photos-kr.s3.ap-northeast-2.amazonaws.com');

    const get = acct.call('s3:GetObject', { Bucket: 'photos-kr', Key: 'cat.txt' }, cli);
    expect(toText(ok(get)['Body'] as string)).toBe('meow');
    const g = onlyRecord(get);
    expect(g.readOnly).toBe(true);
    expect(g.responseElements).toBeNull();
    expect(g.additionalEventData?.['bytesTransferredOut']).toBe(4);

    const del = acct.call('s3:DeleteObject', { Bucket: 'photos-kr', Key: 'cat.txt' }, cli);
    ok(del);
    expect(onlyRecord(del).eventCategory).toBe('Data');
    const missing = acct.call('s3:GetObject', { Bucket: 'photos-kr', Key: 'cat.txt' }, cli);
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'NoSuchKey', message: 'The specified key does not exist.' });
    expect(onlyRecord(missing).errorCode).toBe('NoSuchKey');
  });

  it('DeleteBucket is a management event and fails with BucketNotEmpty while objects remain', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('s3:CreateBucket', { Bucket: 'logs-bucket' }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'logs-bucket', Key: 'a/b.txt', Body: 'x' }, c));
    const r = acct.call('s3:DeleteBucket', { Bucket: 'logs-bucket' }, c);
    expect(r.ok ? '' : r.error).toEqual({ code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty' });
    const rec = onlyRecord(r);
    expect(rec.eventCategory).toBe('Management');
    expect(rec.managementEvent).toBe(true);
    expect(rec.errorCode).toBe('BucketNotEmpty');
    expect(rec.requestParameters).toEqual({ bucketName: 'logs-bucket', Host: 'logs-bucket.s3.us-east-1.amazonaws.com' });
    ok(acct.call('s3:DeleteObject', { Bucket: 'logs-bucket', Key: 'a/b.txt' }, c));
    ok(acct.call('s3:DeleteBucket', { Bucket: 'logs-bucket' }, c));
    const gone = acct.call('s3:DeleteBucket', { Bucket: 'logs-bucket' }, c);
    expect(gone.ok ? '' : gone.error).toEqual({ code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
  });

  it('deleting a missing bucket, again and again, records each refusal in full with its own ids', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = acct.call('s3:DeleteBucket', { Bucket: 'never-made' }, c);
      expect(r.ok ? '' : r.error).toEqual({ code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
      const rec = onlyRecord(r);
      expect(rec.errorCode).toBe('NoSuchBucket');
      expect(rec.errorMessage).toBe('The specified bucket does not exist');
      expect(rec.requestParameters).toEqual({ bucketName: 'never-made', Host: 'never-made.s3.us-east-1.amazonaws.com' });
      expect(rec.responseElements).toBeNull();
      expect(rec.resources).toBeUndefined();
      seen.add(rec.eventID);
      seen.add(rec.requestID ?? '');
      seen.add(String(rec.additionalEventData?.['x-amz-id-2']));
    }
    expect(seen.size).toBe(9);
    // Other calls on a missing bucket (thrown, not returned) answer the same.
    const get = acct.call('s3:GetBucketPolicy', { Bucket: 'never-made' }, c);
    expect(get.ok ? '' : get.error).toEqual({ code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    expect(onlyRecord(get).errorCode).toBe('NoSuchBucket');
  });

  it('CreateBucket location constraints follow the endpoint Region', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct, 'eu-west-1');
    const bad = acct.call('s3:CreateBucket', { Bucket: 'no-constraint' }, c);
    expect(bad.ok ? '' : bad.error.code).toBe('IllegalLocationConstraintException');
    ok(acct.call('s3:CreateBucket', { Bucket: 'ok-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }, c));
    const again = acct.call('s3:CreateBucket', { Bucket: 'ok-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }, c);
    expect(again.ok ? '' : again.error.code).toBe('BucketAlreadyOwnedByYou');
    const list = ok(acct.call('s3:ListBuckets', {}, c))['Buckets'] as Record<string, string>[];
    expect(list.map((b) => [b['Name'], b['BucketRegion']])).toEqual([['ok-bucket', 'eu-west-1']]);
  });

  it('ListObjectsV2 is recorded as ListObjects with list-type 2; prefixes, delimiter and paging work', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('s3:CreateBucket', { Bucket: 'tree' }, c));
    for (const k of ['a/1', 'a/2', 'b/1', 'top']) ok(acct.call('s3:PutObject', { Bucket: 'tree', Key: k, Body: k }, c));
    const r = acct.call('s3:ListObjectsV2', { Bucket: 'tree', Delimiter: '/' }, c);
    const res = ok(r);
    expect(res['CommonPrefixes']).toEqual([{ Prefix: 'a/' }, { Prefix: 'b/' }]);
    expect((res['Contents'] as Record<string, string>[]).map((x) => x['Key'])).toEqual(['top']);
    const rec = onlyRecord(r);
    expect(rec.eventName).toBe('ListObjects');
    expect(rec.requestParameters?.['list-type']).toBe('2');
    const page1 = ok(acct.call('s3:ListObjectsV2', { Bucket: 'tree', MaxKeys: 2 }, c));
    expect(page1['IsTruncated']).toBe(true);
    const page2 = ok(acct.call('s3:ListObjectsV2', { Bucket: 'tree', MaxKeys: 2, ContinuationToken: page1['NextContinuationToken'] as string }, c));
    expect((page2['Contents'] as Record<string, string>[]).map((x) => x['Key'])).toEqual(['b/1', 'top']);
    // With a delimiter, a page that ended on a folder continues after it: each folder listed once.
    const entries: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = ok(acct.call('s3:ListObjectsV2', { Bucket: 'tree', Delimiter: '/', MaxKeys: 1, ...(token ? { ContinuationToken: token } : {}) }, c));
      for (const p of (page['CommonPrefixes'] as { Prefix: string }[] | undefined) ?? []) entries.push(p.Prefix);
      for (const o of (page['Contents'] as { Key: string }[] | undefined) ?? []) entries.push(o.Key);
      token = page['IsTruncated'] === true ? (page['NextContinuationToken'] as string) : undefined;
    } while (token && ++pages < 10);
    expect(entries).toEqual(['a/', 'b/', 'top']);
    // Pages of two, an object and a folder mixed: a page that ends on a folder after an object goes on after the
    // folder (the token was the page's last object, and the folder came again on the next page).
    for (const k of ['0', 'c/1', 'd']) ok(acct.call('s3:PutObject', { Bucket: 'tree', Key: k, Body: k }, c));
    const mixed: string[][] = [];
    token = undefined;
    pages = 0;
    do {
      const page = ok(acct.call('s3:ListObjectsV2', { Bucket: 'tree', Delimiter: '/', MaxKeys: 2, ...(token ? { ContinuationToken: token } : {}) }, c));
      const items = [...((page['Contents'] as { Key: string }[] | undefined) ?? []).map((o) => o.Key), ...((page['CommonPrefixes'] as { Prefix: string }[] | undefined) ?? []).map((p) => p.Prefix)];
      mixed.push(items.sort());
      token = page['IsTruncated'] === true ? (page['NextContinuationToken'] as string) : undefined;
    } while (token && ++pages < 10);
    expect(mixed).toEqual([['0', 'a/'], ['b/', 'c/'], ['d', 'top']]);
  });

  it('denied object reads fail with AccessDenied and are still recorded as data events', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('s3:CreateBucket', { Bucket: 'secret' }, c));
    ok(acct.call('s3:PutObject', { Bucket: 'secret', Key: 'k', Body: 'v' }, c));
    userWithKey(acct, 'peek');
    const r = acct.call('s3:GetObject', { Bucket: 'secret', Key: 'k' }, { as: 'peek', region: 'us-east-1', via: 'cli' });
    expect(r.ok ? '' : r.error).toEqual({ code: 'AccessDenied', message: 'Access Denied' });
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBe('AccessDenied');
    expect(rec.eventCategory).toBe('Data');
    expect(rec.resources?.[0]?.ARN).toBe('arn:aws:s3:::secret/k');
  });

  it('bucket policies are stored and read back; a bucket without one says NoSuchBucketPolicy', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('s3:CreateBucket', { Bucket: 'trail-logs' }, c));
    const none = acct.call('s3:GetBucketPolicy', { Bucket: 'trail-logs' }, c);
    expect(none.ok ? '' : none.error.code).toBe('NoSuchBucketPolicy');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::trail-logs/*' }] });
    const put = acct.call('s3:PutBucketPolicy', { Bucket: 'trail-logs', Policy: policy }, c);
    ok(put);
    expect((onlyRecord(put).requestParameters?.['bucketPolicy'] as Record<string, unknown>)['Version']).toBe('2012-10-17');
    expect(ok(acct.call('s3:GetBucketPolicy', { Bucket: 'trail-logs' }, c))['Policy']).toBe(policy);
    expect(acct.s3.model.bucketPolicy('trail-logs')).toBe(policy);
  });
});

describe('S3 through the console', () => {
  it('names the S3 console client in userAgent', () => {
    const { acct } = newAccount();
    const rec = onlyRecord(acct.call('s3:ListBuckets', {}, rootConsole(acct)));
    expect(rec.userAgent).toMatch(/^\[S3Console\/0\.4, aws-internal\/3 aws-sdk-java\//);
  });
});
