import { createHash, createPublicKey, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { regionKey } from '../../../simulator/cloudtrail/crypto/region-keys';
import { parsePublicKeyDer, signSha256, verifySha256 } from '../../../simulator/cloudtrail/crypto/rsa';
import { sha256Hex } from '../../../simulator/cloudtrail/crypto/sha256';

describe('crypto', () => {
  it('computes SHA-256 like Node for every padding boundary', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const s = 'x'.repeat(n) + '한';
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('signs SHA256withRSA so Node verifies it, and rejects other messages', () => {
    const key = regionKey('eu-west-1');
    const msg = new TextEncoder().encode('2026-11-01T01:00:00Z\nlogs/key\nabc\nnull');
    const sig = signSha256(msg, key.pair);
    expect(signSha256(msg, key.pair)).toBe(sig);
    const pub = createPublicKey({ key: Buffer.from(key.der), format: 'der', type: 'pkcs1' });
    expect(createVerify('RSA-SHA256').update(msg).verify(pub, Buffer.from(sig, 'hex'))).toBe(true);
    expect(verifySha256(msg, sig, key.pair.n, key.pair.e)).toBe(true);
    expect(verifySha256(new TextEncoder().encode('other'), sig, key.pair.n, key.pair.e)).toBe(false);
    expect(parsePublicKeyDer(key.der)).toEqual({ n: key.pair.n, e: key.pair.e });
    expect(regionKey('us-east-1').fingerprint).not.toBe(key.fingerprint);
  });
});
