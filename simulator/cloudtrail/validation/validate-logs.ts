// What `aws cloudtrail validate-logs` does, over the simulated bucket: walk a trail's digest chain from the
// newest digest in the range backwards, check each digest's location and SHA256withRSA signature, and
// each log file it lists against its SHA-256; report valid / INVALID with the CLI's reasons.
import { gunzipSync } from 'fflate';
import type { ObjectStore } from '../../core/contract';
import { regionKey, hasRegionKey } from '../crypto/region-keys';
import { verifySha256 } from '../crypto/rsa';
import { sha256Hex } from '../crypto/sha256';
import { digestStringToSign } from '../delivery/files';
import { isoSeconds } from '../time';
import type { TrailConfig } from '../trails/trail-types';

export interface FileResult {
  s3Bucket: string;
  s3Object: string;
  valid: boolean;
  reason?: string;
}

export interface ValidationReport {
  trailArn: string;
  digestFiles: FileResult[];
  logFiles: FileResult[];
  valid: boolean;
  /** The CLI's output, line by line (--verbose). */
  lines: string[];
}

interface DigestJson {
  digestS3Bucket?: unknown;
  digestS3Object?: unknown;
  digestEndTime?: unknown;
  digestPublicKeyFingerprint?: unknown;
  previousDigestS3Bucket?: unknown;
  previousDigestS3Object?: unknown;
  previousDigestSignature?: unknown;
  logFiles?: { s3Bucket?: unknown; s3Object?: unknown; hashValue?: unknown }[];
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const STAMP = /_(\d{8}T\d{6}Z)\.json\.gz$/;

function stampMs(key: string): number {
  const m = STAMP.exec(key)?.[1] ?? '';
  return Date.parse(`${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6, 8)}T${m.slice(9, 11)}:${m.slice(11, 13)}:${m.slice(13, 15)}Z`);
}

/** The index of the first of `newestFirst` older than `ms` (its length when none is). */
function firstOlder(newestFirst: { ms: number }[], ms: number): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst[mid]!.ms < ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function gunzipText(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(gunzipSync(bytes));
  } catch {
    return undefined;
  }
}

export interface ValidateInput {
  store: ObjectStore;
  signatures: Map<string, string>;
  accountId: string;
  trail: TrailConfig;
  regions: string[];
  startMs: number;
  endMs: number;
}

export function validateLogs(input: ValidateInput): ValidationReport {
  const { store, trail } = input;
  const bucket = trail.s3BucketName;
  const digests: FileResult[] = [];
  const logs: FileResult[] = [];
  const prefix = trail.s3KeyPrefix ? `${trail.s3KeyPrefix}/` : '';
  for (const region of input.regions) {
    const folder = `${prefix}AWSLogs/${input.accountId}/CloudTrail-Digest/${region}/`;
    const marker = `_CloudTrail-Digest_${region}_${trail.name}_${trail.homeRegion}_`;
    // Digests delivered up to an hour after the range still describe files inside it. Newest first, each key's
    // time read once: the walk below looks for "the next older one" at every digest (after a 91-day
    // fast-forward, 2,184 a Region; a search through the list each time took most of the validation).
    const listed = store
      .listKeys(bucket, folder)
      .filter((k) => k.includes(marker))
      .map((key) => ({ key, ms: stampMs(key) }))
      .filter((d) => d.ms >= input.startMs && d.ms <= input.endMs + 3_600_000)
      .sort((a, b) => b.ms - a.ms);
    // Walk the chain newest first; previousDigestS3Bucket/Object may point into an earlier bucket. A digest
    // seen before ends the walk: an edited one may point back into the chain.
    const seen = new Set<string>();
    let current: { bucket: string; key: string } | undefined = listed[0] === undefined ? undefined : { bucket, key: listed[0].key };
    while (current !== undefined && !seen.has(`${current.bucket}/${current.key}`)) {
      const at: { bucket: string; key: string } = current;
      seen.add(`${at.bucket}/${at.key}`);
      const olderKey = listed[firstOlder(listed, stampMs(at.key))]?.key;
      const older = olderKey === undefined ? undefined : { bucket, key: olderKey };
      const bytes = store.getObject(at.bucket, at.key);
      const text = bytes ? gunzipText(bytes) : undefined;
      let digest: DigestJson | undefined;
      try {
        digest = text === undefined ? undefined : (JSON.parse(text) as DigestJson);
      } catch {
        digest = undefined;
      }
      if (!bytes || !digest || text === undefined) {
        digests.push({ s3Bucket: at.bucket, s3Object: at.key, valid: false, reason: bytes ? 'invalid format' : 'not found' });
        current = older;
        continue;
      }
      digests.push(checkDigest(input, region, at, digest, text));
      for (const file of digest.logFiles ?? []) logs.push(checkLogFile(store, file));
      const prevKey = digest.previousDigestS3Object;
      const prevBucket = typeof digest.previousDigestS3Bucket === 'string' ? digest.previousDigestS3Bucket : bucket;
      current = typeof prevKey === 'string' && stampMs(prevKey) >= input.startMs ? { bucket: prevBucket, key: prevKey } : undefined;
    }
  }
  return report(trail.arn, input.startMs, input.endMs, digests, logs);
}

function checkDigest(input: ValidateInput, region: string, at: { bucket: string; key: string }, digest: DigestJson, text: string): FileResult {
  const { bucket, key } = at;
  const result = (valid: boolean, reason?: string): FileResult =>
    reason === undefined ? { s3Bucket: bucket, s3Object: key, valid } : { s3Bucket: bucket, s3Object: key, valid, reason };
  if (digest.digestS3Bucket !== bucket || digest.digestS3Object !== key) return result(false, 'has been moved from its original location');
  const fingerprint = String(digest.digestPublicKeyFingerprint);
  if (!hasRegionKey(region) || regionKey(region).fingerprint !== fingerprint) {
    return result(false, `public key not found in region ${region} for fingerprint ${fingerprint}`);
  }
  const signature = input.store.objectMetadata?.(bucket, key)?.['signature'] ?? input.signatures.get(`${bucket}/${key}`);
  const previous = typeof digest.previousDigestSignature === 'string' ? digest.previousDigestSignature : null;
  const toSign = digestStringToSign(String(digest.digestEndTime), bucket, key, sha256Hex(encoder.encode(text)), previous);
  const key2 = regionKey(region).pair;
  if (!signature || !verifySha256(encoder.encode(toSign), signature, key2.n, key2.e)) {
    return result(false, 'signature verification failed');
  }
  return result(true);
}

function checkLogFile(store: ObjectStore, file: { s3Bucket?: unknown; s3Object?: unknown; hashValue?: unknown }): FileResult {
  const s3Bucket = String(file.s3Bucket);
  const s3Object = String(file.s3Object);
  const bytes = store.getObject(s3Bucket, s3Object);
  if (!bytes) return { s3Bucket, s3Object, valid: false, reason: 'not found' };
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes);
  } catch {
    return { s3Bucket, s3Object, valid: false, reason: 'invalid format' };
  }
  return sha256Hex(raw) === file.hashValue ? { s3Bucket, s3Object, valid: true } : { s3Bucket, s3Object, valid: false, reason: "hash value doesn't match" };
}

function report(trailArn: string, startMs: number, endMs: number, digests: FileResult[], logs: FileResult[]): ValidationReport {
  const line = (kind: string, f: FileResult) => `${kind}\ts3://${f.s3Bucket}/${f.s3Object}\t${f.valid ? 'valid' : `INVALID: ${f.reason}`}`;
  const count = (files: FileResult[], noun: string): string => {
    const bad = files.filter((f) => !f.valid).length;
    const good = files.length - bad;
    return bad ? `${good}/${files.length} ${noun} valid, ${bad}/${files.length} ${noun} INVALID` : `${good}/${files.length} ${noun} valid`;
  };
  const lines = [`Validating log files for trail ${trailArn} between ${isoSeconds(startMs)} and ${isoSeconds(endMs)}`, ''];
  digests.forEach((d) => lines.push(line('Digest file', d)));
  logs.forEach((l) => lines.push(line('Log file', l)));
  lines.push('', `Results requested for ${isoSeconds(startMs)} to ${isoSeconds(endMs)}`);
  if (digests.length === 0) lines.push('No digests found');
  else lines.push(count(digests, 'digest files'), count(logs, 'log files'));
  return { trailArn, digestFiles: digests, logFiles: logs, valid: [...digests, ...logs].every((f) => f.valid), lines };
}
