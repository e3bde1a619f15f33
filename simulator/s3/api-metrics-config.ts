// Bucket metrics configurations (request metrics on/off). These are bucket-level (control-plane) operations, so
// CloudTrail records them as management events (S3 user guide, "Amazon S3 CloudTrail events"). IAM actions:
// s3:PutMetricsConfiguration for Put and Delete, s3:GetMetricsConfiguration for Get and List.
import { AwsError, type HandlerContext, type JsonObject } from '../core/contract';
import { fromBase64, toBase64 } from '../core/format';
import { apiDef, isObject, requireStr, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { MAX_METRICS_CONFIGS, configWire, malformedXml, parseFilter, validMetricsId, type MetricsConfig } from './metrics-config';
import type { S3Model } from './model';
import { bucketArn, bucketParams, s3Spec } from './shared';

const need = (p: JsonObject, n: string) => requireStr(p, n, 'InvalidRequest');
/** ListBucketMetricsConfigurations answers at most 100 configurations a page, in Id order. */
const PAGE = 100;
const utf8 = new TextEncoder();
const text = new TextDecoder();

const noSuchConfiguration = () => new AwsError('NoSuchConfiguration', 'The specified configuration does not exist.', 404);

export function metricsConfigActions(s3: S3Model, d: ServiceDeps): ActionSpec[] {
  const bucketRes = (p: JsonObject) => [{ accountId: d.accountId, type: 'AWS::S3::Bucket', ARN: bucketArn(p) }];
  // CloudTrail writes the subresource flag as metrics: [""] and the query's id beside the bucket fields.
  const params = (p: JsonObject, ctx: HandlerContext, withId: boolean): JsonObject => ({
    ...bucketParams(s3, p, ctx), metrics: [''], ...(withId && str(p, 'Id') !== undefined ? { id: str(p, 'Id') ?? '' } : {}),
  });
  const configs = (p: JsonObject) => {
    const b = s3.bucket(need(p, 'Bucket'));
    return (b.metrics ??= new Map<string, MetricsConfig>());
  };
  const existing = (p: JsonObject) => {
    const c = s3.bucket(need(p, 'Bucket')).metrics?.get(need(p, 'Id'));
    if (!c) throw noSuchConfiguration();
    return c;
  };
  const sorted = (m: Map<string, MetricsConfig> | undefined) => [...(m?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));

  return [
    s3Spec(s3, d, {
      def: apiDef('s3:PutBucketMetricsConfiguration', { readOnly: false, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷의 CloudWatch 요청 지표 구성(필터)을 만들거나 바꿉니다.' }),
      authz: (p) => ({ action: 's3:PutMetricsConfiguration', resource: bucketArn(p) }),
      requestParameters: (p, ctx) => {
        const cfg = p['MetricsConfiguration'];
        return { ...(isObject(cfg) ? { MetricsConfiguration: { ...cfg, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } : {}), ...params(p, ctx, true) };
      },
      handler: (p, ctx) => {
        const id = need(p, 'Id');
        const cfg = p['MetricsConfiguration'];
        if (!isObject(cfg) || typeof cfg['Id'] !== 'string') throw malformedXml();
        if (!validMetricsId(id)) throw new AwsError('InvalidArgument', 'The specified metrics configuration id is invalid.');
        const filter = parseFilter(cfg['Filter']);
        const all = configs(p);
        if (!all.has(id) && all.size >= MAX_METRICS_CONFIGS) {
          throw new AwsError('TooManyConfigurations', 'You are attempting to create a new configuration but have already reached the 1,000-configuration limit.');
        }
        // A put replaces the whole configuration: members not sent are erased.
        const created = all.has(id) ? {} : { createdByRequestId: ctx.requestId };
        all.set(id, filter ? { id, filter, ...created } : { id, ...created });
        return { response: {}, resources: bucketRes(p) };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:GetBucketMetricsConfiguration', { readOnly: true, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷의 요청 지표 구성 하나를 조회합니다.' }),
      authz: (p) => ({ action: 's3:GetMetricsConfiguration', resource: bucketArn(p) }),
      requestParameters: (p, ctx) => params(p, ctx, true),
      handler: (p) => ({ response: { MetricsConfiguration: configWire(existing(p)) }, resources: bucketRes(p) }),
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:DeleteBucketMetricsConfiguration', { readOnly: false, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷의 요청 지표 구성을 삭제합니다(그 필터의 지표 발행이 멈춤).' }),
      authz: (p) => ({ action: 's3:PutMetricsConfiguration', resource: bucketArn(p) }),
      requestParameters: (p, ctx) => params(p, ctx, true),
      handler: (p) => {
        const c = existing(p);
        s3.bucket(need(p, 'Bucket')).metrics?.delete(c.id);
        return { response: {}, resources: bucketRes(p) };
      },
    }),
    s3Spec(s3, d, {
      def: apiDef('s3:ListBucketMetricsConfigurations', { readOnly: true, resourceTypes: ['AWS::S3::Bucket'], summaryKo: '버킷의 요청 지표 구성 목록을 조회합니다.' }),
      authz: (p) => ({ action: 's3:GetMetricsConfiguration', resource: bucketArn(p) }),
      requestParameters: (p, ctx) => ({ ...params(p, ctx, false), ...(str(p, 'ContinuationToken') !== undefined ? { 'continuation-token': str(p, 'ContinuationToken') ?? '' } : {}) }),
      handler: (p) => {
        const b = s3.bucket(need(p, 'Bucket'));
        const token = str(p, 'ContinuationToken');
        let after = '';
        if (token !== undefined) {
          try {
            after = text.decode(fromBase64(token));
          } catch {
            after = '';
          }
          if (!validMetricsId(after)) throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect');
        }
        const rest = sorted(b.metrics).filter((c) => c.id > after);
        const page = rest.slice(0, PAGE);
        const response: JsonObject = { IsTruncated: rest.length > PAGE };
        if (page.length) response['MetricsConfigurationList'] = page.map(configWire);
        if (token !== undefined) response['ContinuationToken'] = token;
        if (rest.length > PAGE) response['NextContinuationToken'] = toBase64(utf8.encode(page.at(-1)!.id));
        return { response, resources: bucketRes(p) };
      },
    }),
  ];
}
