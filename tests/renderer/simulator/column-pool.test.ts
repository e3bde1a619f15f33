// A save's large number columns are copied into arrays kept between saves (ColumnPool, snapshot-pack.ts): the
// saved text must be the same as with new arrays, even when a kept array still holds an earlier save's numbers.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator';
import { ColumnPool, joinParts, snapshotParts, transferables } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';

describe('the column pool', () => {
  it('gives new arrays for small columns, and for large ones reuses the smallest buffer handed back that fits', () => {
    const pool = new ColumnPool();
    expect(pool.take(100).buffer.byteLength).toBe(400);
    const a = pool.take(20_000);
    const b = pool.take(40_000);
    expect(a.length).toBe(20_000);
    expect(a.buffer.byteLength).toBeGreaterThanOrEqual(80_000);
    pool.give([b.buffer as ArrayBuffer, a.buffer as ArrayBuffer]);
    expect(pool.size).toBe(2);
    expect(pool.take(19_000).buffer).toBe(a.buffer);
    expect(pool.take(30_000).buffer).toBe(b.buffer);
    expect(pool.size).toBe(0);
    // More than it keeps: the largest stay.
    pool.give(Array.from({ length: 40 }, (_, i) => new ArrayBuffer(4 * (20_000 + i))));
    expect(pool.size).toBe(32);
    expect(pool.take(20_039).buffer.byteLength).toBe(4 * 20_039);
  });

  it('makes the same saved text as new arrays, the second time from buffers holding the first save', () => {
    const acct = new Account({ seed: 3, startMs: Date.parse('2026-11-01T00:00:00Z') });
    const ctx = { as: 'root', region: 'us-east-1', via: 'console' as const };
    for (let m = 0; m < 6; m++) {
      for (let i = 0; i < 500; i++) acct.call(i % 2 ? 's3:ListBuckets' : 'iam:ListUsers', {}, ctx);
      acct.advance(60_000);
    }
    const marker = 'trailwatch-bytes-test-';
    const plain = joinParts(snapshotParts((out) => acct.snapshot(out), marker));
    const pool = new ColumnPool();
    const first = snapshotParts((out) => acct.snapshot(out), marker, pool);
    expect(joinParts(first)).toBe(plain);
    // As the packing worker hands them back; a few more calls make the next save's columns longer.
    const buffers = transferables(first).filter((b) => b.byteLength >= 4 * (1 << 14));
    expect(buffers.length).toBeGreaterThan(0);
    for (const b of buffers) new Int32Array(b).fill(-1);
    pool.give(buffers);
    for (let i = 0; i < 50; i++) acct.call('s3:ListBuckets', {}, ctx);
    const again = snapshotParts((out) => acct.snapshot(out), marker, pool);
    expect(pool.size).toBeLessThan(buffers.length);
    expect(joinParts(again)).toBe(joinParts(snapshotParts((out) => acct.snapshot(out), marker)));
  });
});
