import type { SeededRandom } from './random';

// Identifier shapes as AWS issues them today. Values are random; only the shapes are AWS's.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** EC2 resource id with the 17-hex-digit suffix used since 2018: vpc-0123456789abcdef0. */
export function ec2Id(r: SeededRandom, prefix: string): string {
  return `${prefix}-${r.hex(17)}`;
}

/** Long-term access key (AKIA…) or temporary STS key (ASIA…): 20 characters, base32 alphabet. */
export function accessKeyId(r: SeededRandom, kind: 'AKIA' | 'ASIA'): string {
  return kind + r.pick(BASE32, 16);
}

/** 40-character secret access key. */
export function secretAccessKey(r: SeededRandom): string {
  return r.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
}

/** IAM unique ids: AIDA (user), AROA (role), ANPA (managed policy): 21 characters. */
export function uniqueId(r: SeededRandom, prefix: 'AIDA' | 'AROA' | 'ANPA'): string {
  return prefix + r.pick(BASE32, 17);
}

/** S3 x-amz-request-id: 16 upper-case hex-like characters. */
export function s3RequestId(r: SeededRandom): string {
  return r.pick('0123456789ABCDEF', 16);
}

/** S3 x-amz-id-2 (the host id): canonical base64 of 56 bytes, 76 characters ending in one '=', as S3 writes it
 *  in CloudTrail records (e.g. "hRJMAs5p…XMaPerM="). The 75th character carries the last byte's low four bits
 *  and two zero bits, so it is one of the sixteen characters whose value is a multiple of four. */
export function s3HostId(r: SeededRandom): string {
  return r.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 74) + r.pick('AEIMQUYcgkosw048', 1) + '=';
}

export function alnumUpper(r: SeededRandom, length: number): string {
  return r.pick(UPPER_ALNUM, length);
}
