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

describe('sha256 reuses its working buffers', () => {
  it('gives every hash of a run of inputs (tails long, then short) right, and keeps each result intact', () => {
    const lengths = [127, 119, 120, 63, 56, 55, 8, 0, 64, 200, 1];
    const results = lengths.map((len) => {
      const data = Uint8Array.from({ length: len }, (_, i) => 255 - ((i * 13 + len) % 256));
      return { want: createHash('sha256').update(data).digest('hex'), got: sha256(data) };
    });
    for (const r of results) expect(hex(r.got)).toBe(r.want);
  });
});
