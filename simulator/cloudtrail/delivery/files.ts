// Log and digest files as CloudTrail writes them: real key layout, gzip of {"Records":[...]}, digest JSON
// with the SHA-256 of each uncompressed log file, signed with SHA256withRSA over the documented string.
import { gzipSync } from 'fflate';
import { sha256Hex } from '../crypto/sha256';
import { regionKey } from '../crypto/region-keys';
import { datePath, digestStamp, isoSeconds, logFileStamp } from '../time';

const encoder = new TextEncoder();
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function prefixPath(prefix: string | undefined): string {
  return prefix ? `${prefix}/` : '';
}

/** Log files go under CloudTrail/, Insights events under CloudTrail-Insight/ (same name pattern). */
export type LogFolder = 'CloudTrail' | 'CloudTrail-Insight';

/**
 * A lane's log file keys: [prefix/]AWSLogs/<acct>/<folder>/<region>/<YYYY>/<MM>/<DD>/<acct>_<folder>_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz.
 * The pieces that name the account, folder and Region are joined once, not at every delivery (a busy account
 * delivers a file every five minutes per trail and Region); a lane makes a new one when its trail's prefix changes.
 */
export class LaneLogFileKeys {
  private readonly head: string;
  private readonly middle: string;

  constructor(
    readonly prefix: string | undefined,
    accountId: string,
    region: string,
    folder: LogFolder,
  ) {
    this.head = [prefixPath(prefix), 'AWSLogs/', accountId, '/', folder, '/', region, '/'].join('');
    this.middle = ['/', accountId, '_', folder, '_', region, '_'].join('');
  }

  key(atMs: number, unique: string): string {
    // Joined, not concatenated: a concatenated key is a tree of string pieces, and a busy account keeps
    // hundreds of thousands of keys (bucket, digests, delivery watch), each then ~30 small objects instead of one.
    return [this.head, datePath(atMs), this.middle, logFileStamp(atMs), '_', unique, '.json.gz'].join('');
  }
}

/**
 * A lane's digest keys: [prefix/]AWSLogs/<acct>/CloudTrail-Digest/<region>/<YYYY>/<MM>/<DD>/<acct>_CloudTrail-Digest_<region>_<trail>_<home>_<YYYYMMDDTHHmmssZ>.json.gz,
 * the fixed pieces joined once (see LaneLogFileKeys); made anew when the trail's prefix, name or home Region
 * differ from the ones it was made for.
 */
export class LaneDigestKeys {
  private readonly head: string;
  private readonly middle: string;

  constructor(
    readonly prefix: string | undefined,
    accountId: string,
    region: string,
    readonly trailName: string,
    readonly homeRegion: string,
  ) {
    this.head = [prefixPath(prefix), 'AWSLogs/', accountId, '/CloudTrail-Digest/', region, '/'].join('');
    this.middle = ['/', accountId, '_CloudTrail-Digest_', region, '_', trailName, '_', homeRegion, '_'].join('');
  }

  fits(prefix: string | undefined, trailName: string, homeRegion: string): boolean {
    return this.prefix === prefix && this.trailName === trailName && this.homeRegion === homeRegion;
  }

  key(atMs: number): string {
    return [this.head, datePath(atMs), this.middle, digestStamp(atMs), '.json.gz'].join('');
  }
}

/** gzip without a modification time, so the same records always give the same bytes. Level 1: a busy
 *  account delivers a file every five minutes per lane, and the fastest level costs only ~2% in size. */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  return gzipSync(data, { mtime: 0, level: 1 });
}

/** The uncompressed log file: {"Records":[…]} with the records in delivery order. */
export function logFileBody(recordJsons: string[]): Uint8Array {
  return encoder.encode(`{"Records":[${recordJsons.join(',')}]}`);
}

export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: 'SHA-256';
  newestEventTime: string;
  oldestEventTime: string;
}

export interface PreviousDigest {
  bucket: string;
  key: string;
  hashValue: string;
  signature: string;
}

export interface DigestInput {
  accountId: string;
  region: string;
  bucket: string;
  key: string;
  startMs: number;
  endMs: number;
  logFiles: (DigestLogFile & { newestMs: number; oldestMs: number })[];
  previous: PreviousDigest | undefined;
}

/** The string CloudTrail signs (as aws-cli's validate-logs rebuilds it): end time, bucket/key, hex SHA-256
 *  of the uncompressed digest, and the previous signature or the literal "null". */
export function digestStringToSign(endTime: string, bucket: string, key: string, digestHash: string, previousSignature: string | null): string {
  return `${endTime}\n${bucket}/${key}\n${digestHash}\n${previousSignature ?? 'null'}`;
}

/** A digest's body and hash, and the bytes its signature signs: everything but the signature. */
export interface DigestToSign {
  body: Uint8Array;
  hashValue: string;
  toSign: Uint8Array<ArrayBuffer>;
}

export function digestToSign(d: DigestInput): DigestToSign {
  const key = regionKey(d.region);
  const newest = d.logFiles.length ? Math.max(...d.logFiles.map((f) => f.newestMs)) : undefined;
  const oldest = d.logFiles.length ? Math.min(...d.logFiles.map((f) => f.oldestMs)) : undefined;
  const digest = {
    awsAccountId: d.accountId,
    digestStartTime: isoSeconds(d.startMs),
    digestEndTime: isoSeconds(d.endMs),
    digestS3Bucket: d.bucket,
    digestS3Object: d.key,
    digestPublicKeyFingerprint: key.fingerprint,
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: newest === undefined ? null : isoSeconds(newest),
    oldestEventTime: oldest === undefined ? null : isoSeconds(oldest),
    previousDigestS3Bucket: d.previous?.bucket ?? null,
    previousDigestS3Object: d.previous?.key ?? null,
    previousDigestHashValue: d.previous?.hashValue ?? null,
    previousDigestHashAlgorithm: d.previous ? 'SHA-256' : null,
    previousDigestSignature: d.previous?.signature ?? null,
    logFiles: d.logFiles.map(({ newestMs: _n, oldestMs: _o, ...file }) => file),
  };
  const body = encoder.encode(JSON.stringify(digest));
  const hashValue = sha256Hex(body);
  const toSign = digestStringToSign(digest.digestEndTime, d.bucket, d.key, hashValue, digest.previousDigestSignature);
  return { body, hashValue, toSign: encoder.encode(toSign) };
}
