import { AwsError, type HandlerResult, type JsonObject } from '../core/contract';
import { apiDef, isObject, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { NO_SUCH_BUCKET, type S3Model } from './model';
import { bucketArn, bucketHost, bucketParams, s3Spec } from './shared';
import { ObjectMap } from './object-map';
import { ListedBuckets } from './bucket-list';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'InvalidRequest');

/** The call surface reads a refusal and changes nothing in it, so one serves every call. */
const NO_SUCH_BUCKET_REFUSAL: HandlerResult = { response: {}, refusal: NO_SUCH_BUCKET };

function validBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !/\.\.|\.-|-\./.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name) && !name.startsWith('xn--');
}

export function bucketActions(s3: S3Model, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const bucketRes = (p: JsonObject) => [{ accountId: acct, type: 'AWS::S3::Bucket', ARN: bucketArn(p) }];
  const listed = new ListedBuckets();
  return [
    s3Spec(s3, d, {
      def: apiDef('s3:CreateBucket', { readOnly: false, resourceTypes: ['AWS::S3::Bucket'], summaryKo: 'S3 버킷을 만듭니다.' }),
      authz: (p) => ({ resource: bucketArn(p) }),
      recordRegion: (_p, ctx) => ctx.region,
      requestParameters: (p, ctx) => {
        const cfg = p['CreateBucketConfiguration'];
        const out: JsonObject = {};
        if (isObject(cfg)) out['CreateBucketConfiguration'] = { ...cfg, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' };
        return { ...out, bucketName: str(p, 'Bucket') ?? '', Host: bucketHost(str(p, 'Bucket') ?? '', ctx.region) };
      },
      handler: (p, ctx) => {
        const name = need(p, 'Bucket');
        if (!validBucketName(name)) throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.');
        const cfg = p['CreateBucketConfiguration'];
        const lc = isObject(cfg) && typeof cfg['LocationConstraint'] === 'string' ? cfg['LocationConstraint'] : undefined;
        if (ctx.region === 'us-east-1' && lc !== undefined) {
          throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400);
        }
        if (ctx.region !== 'us-east-1' && lc !== ctx.region) {
          throw new AwsError('IllegalLocationConstraintException', `The ${lc ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`);
        }
        const existing = s3.buckets.get(name);
        // us-east-1 answers 200 to re-creating a bucket you already own there (legacy behaviour); elsewhere 409.
        if (existing && !(existing.region === 'us-east-1' && ctx.region === 'us-east-1')) {
          throw new AwsError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
        }
        if (!existing) s3.buckets.set(name, { name, region: ctx.region, creationDate: d.clock.now(), policy: null, objects: new ObjectMap() });
        return {
          response: { Location: ctx.region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` },
          resources: bucketRes(p),
        };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:DeleteBucket', { readOnly: false, resourceTypes: ['AWS::S3::Bucket'], summaryKo: 'S3 버킷을 삭제합니다(비어 있어야 함).' }),
      authz: (p) => ({ resource: bucketArn(p) }),
      requestParameters: (p, ctx) => bucketParams(s3, p, ctx),
      handler: (p) => {
        const b = s3.buckets.get(need(p, 'Bucket'));
        // Returned, not thrown (see HandlerResult.refusal): deleting a bucket already gone is a common retry.
        if (!b) return NO_SUCH_BUCKET_REFUSAL;
        if (b.objects.size > 0) throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
        s3.buckets.delete(b.name);
        return { response: {}, resources: bucketRes(p) };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:ListBuckets', { readOnly: true, summaryKo: '계정의 S3 버킷 목록을 조회합니다.' }),
      authz: () => ({ action: 's3:ListAllMyBuckets', resource: '*' }),
      recordRegion: (_p, ctx) => ctx.region,
      requestParameters: (_p, ctx) => ({ Host: `s3.${ctx.region}.amazonaws.com` }),
      handler: () => ({
        response: {
          Buckets: listed.of(s3.buckets),
          Owner: { ID: acct },
        },
      }),
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:PutBucketPolicy', { readOnly: false, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷 정책을 설정합니다.' }),
      authz: (p) => ({ resource: bucketArn(p) }),
      requestParameters: (p, ctx) => {
        let parsed: JsonObject | string = str(p, 'Policy') ?? '';
        try {
          parsed = JSON.parse(parsed) as JsonObject;
        } catch {
          /* recorded as sent */
        }
        return { bucketPolicy: parsed, ...bucketParams(s3, p, ctx), policy: [''] };
      },
      handler: (p) => {
        const b = s3.bucket(need(p, 'Bucket'));
        const text = need(p, 'Policy');
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch {
          throw new AwsError('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'");
        }
        if (!isObject(doc as JsonObject) || (doc as JsonObject)['Statement'] === undefined) throw new AwsError('MalformedPolicy', 'Missing required field Statement');
        b.policy = text;
        return { response: {}, resources: bucketRes(p) };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:GetBucketPolicy', { readOnly: true, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷 정책을 조회합니다.' }),
      authz: (p) => ({ resource: bucketArn(p) }),
      requestParameters: (p, ctx) => ({ ...bucketParams(s3, p, ctx), policy: [''] }),
      handler: (p) => {
        const b = s3.bucket(need(p, 'Bucket'));
        if (b.policy === null) throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
        return { response: { Policy: b.policy }, resources: bucketRes(p) };
      },
    }),
  ];
}
