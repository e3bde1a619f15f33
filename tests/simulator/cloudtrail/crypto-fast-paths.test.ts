import { createHash, createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REGION_KEY_PRIMES } from '../../../simulator/cloudtrail/crypto/keys';
import { regionKey } from '../../../simulator/cloudtrail/crypto/region-keys';
import { signSha256, verifySha256, type RsaKeyPair } from '../../../simulator/cloudtrail/crypto/rsa';
import { sha256Hex, toHex } from '../../../simulator/cloudtrail/crypto/sha256';
import { sha256 } from '../../../simulator/core/sha256';
import { md5Hex } from '../../../simulator/s3/md5';

// The sliding-window RSA and the rewritten SHA-256 / MD5 are speed changes only: these tests pin that every
// output is what OpenSSL (node:crypto) computes, for every shipped key and every padding boundary.
const b64url = (v: bigint) => {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex').toString('base64url');
};
const nodeKey = (k: RsaKeyPair) =>
  createPrivateKey({
    format: 'jwk',
    key: { kty: 'RSA', n: b64url(k.n), e: b64url(k.e), d: b64url(k.d), p: b64url(k.p), q: b64url(k.q), dp: b64url(k.dp), dq: b64url(k.dq), qi: b64url(k.qInv) },
  });

function bytes(length: number, seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length }, () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24);
}

describe('fast RSA signing', () => {
  it('gives the signature OpenSSL gives (PKCS#1 v1.5 is deterministic) for every Region key', () => {
    for (const region of Object.keys(REGION_KEY_PRIMES)) {
      const pair = regionKey(region).pair;
      const key = nodeKey(pair);
      for (const length of [0, 1, 100, 700]) {
        const msg = bytes(length, length + region.length);
        const sig = signSha256(msg, pair);
        expect(sig).toBe(sign('sha256', msg, key).toString('hex'));
        expect(verifySha256(msg, sig, pair.n, pair.e)).toBe(true);
      }
    }
  });

  it('keeps the signature the plain square-and-multiply version produced', () => {
    // Recorded from the implementation before the sliding window (SHA-256 of the hex signature).
    const sig = signSha256(new TextEncoder().encode('2026-11-01T01:00:00Z\nbucket/key\nabc\nnull'), regionKey('ap-northeast-2').pair);
    expect(sig.slice(0, 40)).toBe('4670eed2c080397ae3ebfc14d54a0b3c08723aa6');
    expect(sha256Hex(sig)).toBe('19882891cd190b9aaca9f656aa704224447bae766b65e04fe4c21159efbdcf72');
  });
});

describe('fast SHA-256 and MD5', () => {
  it('match node:crypto at every length around the one- and two-block tails', () => {
    for (let length = 0; length <= 200; length++) {
      const data = bytes(length, length);
      expect(toHex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
      expect(md5Hex(data)).toBe(createHash('md5').update(data).digest('hex'));
    }
  });

  it('match node:crypto on a large buffer and on a view into a larger one', () => {
    const big = bytes(100_003, 7);
    expect(toHex(sha256(big))).toBe(createHash('sha256').update(big).digest('hex'));
    expect(md5Hex(big)).toBe(createHash('md5').update(big).digest('hex'));
    const view = big.subarray(13, 13 + 5_000);
    expect(toHex(sha256(view))).toBe(createHash('sha256').update(view).digest('hex'));
    expect(md5Hex(view)).toBe(createHash('md5').update(view).digest('hex'));
  });
});
