import { AwsError, type JsonObject } from '../core/contract';
import { isoMillis } from '../core/clock';
import { toBase64 } from '../core/format';
import { apiDef, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { S3Model } from './model';
import { bucketArn, bucketParams, s3Spec } from './shared';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'InvalidRequest');
const utf8 = new TextEncoder();
/** PutObject's Body is the object's text, sent as UTF-8 bytes. */
const bodyOf = (p: JsonObject) => utf8.encode(typeof p['Body'] === 'string' ? p['Body'] : '');
const objectArn = (p: JsonObject) => `arn:aws:s3:::${str(p, 'Bucket') ?? ''}/${str(p, 'Key') ?? ''}`;

export function objectActions(s3: S3Model, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  // S3 object records name the object (no accountId) and then its bucket (with accountId).
  const objRes = (p: JsonObject) => [
    { type: 'AWS::S3::Object', ARN: objectArn(p) },
    { accountId: acct, type: 'AWS::S3::Bucket', ARN: bucketArn(p) },
  ];
  const keyParams = (p: JsonObject, ctx: Parameters<NonNullable<ActionSpec['requestParameters']>>[1]) => ({ ...bucketParams(s3, p, ctx), key: str(p, 'Key') ?? '' });
  const object = (p: JsonObject) => {
    const o = s3.bucket(need(p, 'Bucket')).objects.get(need(p, 'Key'));
    if (!o) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
    return o;
  };
  const data = { category: 'Data' as const, resourceTypes: ['AWS::S3::Object'] };
  return [
    s3Spec(s3, d, {
      def: apiDef('s3:PutObject', { readOnly: false, ...data, summaryKo: '객체를 업로드합니다(데이터 이벤트).' }),
      authz: (p) => ({ resource: objectArn(p) }),
      requestParameters: keyParams,
      resources: objRes,
      handler: (p) => {
        s3.bucket(need(p, 'Bucket'));
        const o = s3.putObject(need(p, 'Bucket'), need(p, 'Key'), bodyOf(p), str(p, 'ContentType'));
        // Since January 2023 every new object is encrypted with SSE-S3 by default, and S3 says so in its answer.
        return {
          response: { ETag: o.etag, ServerSideEncryption: 'AES256' },
          responseElements: { 'x-amz-server-side-encryption': 'AES256' },
          resources: objRes(p),
        };
      },
    }, (p) => bodyOf(p).length),
    s3Spec(s3, d, {
      def: apiDef('s3:GetObject', { readOnly: true, ...data, summaryKo: '객체를 내려받습니다(데이터 이벤트).' }),
      authz: (p) => ({ resource: objectArn(p) }),
      requestParameters: keyParams,
      resources: objRes,
      handler: (p) => {
        const o = object(p);
        return {
          response: {
            Body: toBase64(o.body), ContentLength: o.size, ContentType: o.contentType, ETag: o.etag,
            LastModified: isoMillis(o.lastModified), ServerSideEncryption: 'AES256', AcceptRanges: 'bytes',
          },
          additionalEventData: { bytesTransferredOut: o.size },
          resources: objRes(p),
        };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:HeadObject', { readOnly: true, ...data, summaryKo: '객체의 메타데이터를 조회합니다(데이터 이벤트).' }),
      authz: (p) => ({ action: 's3:GetObject', resource: objectArn(p) }),
      requestParameters: keyParams,
      resources: objRes,
      handler: (p) => {
        s3.bucket(need(p, 'Bucket'));
        const o = s3.buckets.get(need(p, 'Bucket'))?.objects.get(need(p, 'Key'));
        // HEAD answers carry no body, so clients see only the status: 404 Not Found.
        if (!o) throw new AwsError('NotFound', 'Not Found', 404);
        return {
          response: { ContentLength: o.size, ContentType: o.contentType, ETag: o.etag, LastModified: isoMillis(o.lastModified), ServerSideEncryption: 'AES256', AcceptRanges: 'bytes' },
          resources: objRes(p),
        };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:DeleteObject', { readOnly: false, ...data, summaryKo: '객체를 삭제합니다(데이터 이벤트).' }),
      authz: (p) => ({ resource: objectArn(p) }),
      requestParameters: keyParams,
      resources: objRes,
      handler: (p) => {
        // Deleting a key that does not exist succeeds (204) in an unversioned bucket.
        s3.bucket(need(p, 'Bucket')).objects.delete(need(p, 'Key'));
        return { response: {}, resources: objRes(p) };
      },
    }),
    s3Spec(s3, d, {
      // ListObjectsV2 is recorded under the eventName ListObjects, with "list-type": "2".
      def: apiDef('s3:ListObjectsV2', { readOnly: true, ...data, eventName: 'ListObjects', summaryKo: '버킷의 객체 목록을 조회합니다(데이터 이벤트).' }),
      authz: (p) => ({ action: 's3:ListBucket', resource: bucketArn(p) }),
      requestParameters: (p, ctx) => {
        const out: JsonObject = { 'list-type': '2', ...bucketParams(s3, p, ctx) };
        if (str(p, 'Prefix') !== undefined) out['prefix'] = str(p, 'Prefix') ?? '';
        if (str(p, 'Delimiter') !== undefined) out['delimiter'] = str(p, 'Delimiter') ?? '';
        return out;
      },
      handler: (p) => {
        const b = s3.bucket(need(p, 'Bucket'));
        const prefix = str(p, 'Prefix') ?? '';
        const delimiter = str(p, 'Delimiter');
        const maxKeys = typeof p['MaxKeys'] === 'number' ? Math.max(0, Math.min(1000, p['MaxKeys'])) : 1000;
        const token = str(p, 'ContinuationToken');
        const after = token ?? str(p, 'StartAfter') ?? '';
        // A page that ended on a common prefix continues after everything under it, not inside it again.
        const afterPrefix = token !== undefined && delimiter && token.endsWith(delimiter) ? token : undefined;
        const contents: JsonObject[] = [];
        const prefixes = new Set<string>();
        let truncatedAt: string | undefined;
        // The page's last entry in key order, object or common prefix: the next page goes on after it.
        let lastListed: string | undefined;
        for (const key of s3.keysFrom(b.name, prefix, after, delimiter)) {
          if (after && (key <= after || (afterPrefix !== undefined && key.startsWith(afterPrefix)))) continue;
          const rest = key.slice(prefix.length);
          const cut = delimiter ? rest.indexOf(delimiter) : -1;
          const entry = cut >= 0 ? prefix + rest.slice(0, cut + (delimiter?.length ?? 0)) : undefined;
          if (entry && prefixes.has(entry)) continue;
          if (contents.length + prefixes.size >= maxKeys) {
            truncatedAt = key;
            break;
          }
          if (entry) prefixes.add(entry);
          else {
            const o = b.objects.get(key)!;
            contents.push({ Key: key, LastModified: isoMillis(o.lastModified), ETag: o.etag, Size: o.size, StorageClass: 'STANDARD' });
          }
          lastListed = entry ?? key;
        }
        const response: JsonObject = { IsTruncated: truncatedAt !== undefined, Name: b.name, Prefix: prefix, MaxKeys: maxKeys, KeyCount: contents.length + prefixes.size };
        if (contents.length) response['Contents'] = contents;
        if (delimiter) response['Delimiter'] = delimiter;
        if (prefixes.size) response['CommonPrefixes'] = [...prefixes].map((x) => ({ Prefix: x }));
        if (truncatedAt !== undefined) response['NextContinuationToken'] = lastListed ?? '';
        return {
          response,
          resources: [
            // S3 names the listed prefix with ARNPrefix instead of ARN; the shared record type knows only ARN.
            { type: 'AWS::S3::Object', ARNPrefix: `arn:aws:s3:::${b.name}/${prefix}` } as unknown as { type: string; ARN: string },
            { accountId: acct, type: 'AWS::S3::Bucket', ARN: bucketArn(p) },
          ],
        };
      },
    }),
  ];
}
