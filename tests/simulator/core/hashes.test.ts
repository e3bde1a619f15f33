import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../simulator/core/sha256';
import { md5Hex } from '../../../simulator/s3/md5';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('hashes used for ETag and CodeSha256', () => {
  for (const len of [0, 1, 55, 56, 63, 64, 65, 1000]) {
    const data = Uint8Array.from({ length: len }, (_, i) => (i * 31 + 7) % 256);
    it(`match node:crypto for ${len} bytes`, () => {
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
      expect(md5Hex(data)).toBe(createHash('md5').update(data).digest('hex'));
    });
  }
});
