import type { HandlerContext, JsonObject } from '../core/contract';
import { s3HostId } from '../core/ids';
import { str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { S3Model } from './model';

/** Hosts made before, by Region then bucket. Every S3 record names its Host, and the record builder looks its
 *  tlsDetails up by it: the same string each time is hashed once, where a new one is joined and hashed anew.
 *  Bounded against a script naming endless buckets (a cache: emptying it changes no output). */
const hosts = new Map<string, Map<string, string>>();
const MAX_HOSTS = 1024;

/** Virtual-hosted-style endpoint, the form current clients use and CloudTrail's Host records. */
export function bucketHost(bucket: string, region: string): string {
  let inRegion = hosts.get(region);
  if (!inRegion) hosts.set(region, (inRegion = new Map()));
  let host = inRegion.get(bucket);
  if (host === undefined) {
    if (inRegion.size >= MAX_HOSTS) inRegion.clear();
    inRegion.set(bucket, (host = `${bucket}.s3.${region}.amazonaws.com`));
  }
  return host;
}

/** Region S3 serves a bucket request in: the bucket's own Region (clients follow S3's redirect there). */
export function regionFor(s3: S3Model, params: JsonObject, ctx: HandlerContext): string {
  const b = str(params, 'Bucket');
  return (b && s3.bucketRegion(b)) || ctx.region;
}

/** Fields every S3 record's requestParameters carry. */
export function bucketParams(s3: S3Model, p: JsonObject, ctx: HandlerContext): JsonObject {
  const bucket = str(p, 'Bucket') ?? '';
  return { bucketName: bucket, Host: bucketHost(bucket, regionFor(s3, p, ctx)) };
}

/** S3's additionalEventData, in the order S3 writes it. */
export function s3Additional(d: ServiceDeps, bytesIn: number): JsonObject {
  return {
    SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: bytesIn,
    AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': s3HostId(d.random), bytesTransferredOut: 0,
  };
}

/** Shared record conventions for an S3 action. */
export function s3Spec(s3: S3Model, d: ServiceDeps, spec: ActionSpec, bytesIn: (p: JsonObject) => number = () => 0): ActionSpec {
  return { recordRegion: (p, ctx) => regionFor(s3, p, ctx), additionalEventData: (p) => s3Additional(d, bytesIn(p)), ...spec };
}

export const bucketArn = (p: JsonObject) => `arn:aws:s3:::${str(p, 'Bucket') ?? ''}`;
