// Saving a sandbox in parts: the simulator's worker copies the large columns and the packing worker writes their
// saved form. The joined text must be the very text a plain snapshot gives, whatever the account does meanwhile.
import { describe, expect, it } from 'vitest';
import { joinParts, newMarker, packParts, packText, snapshotParts, transferables, unpackSnapshot } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';
import { validatedTrailAccount, ROOT } from '../../simulator/cloudtrail/trail-account';

function busyAccount() {
  const acct = validatedTrailAccount(7);
  for (let m = 0; m < 30; m++) {
    acct.call('s3:ListBuckets', {}, ROOT);
    acct.call('iam:CreateUser', { UserName: `u${m}` }, ROOT);
    acct.call('s3:GetObject', { Bucket: 'nope', Key: 'k' }, ROOT);
    acct.advance(60_000);
  }
  acct.advance(3_600_000);
  return acct;
}

describe('a snapshot saved in parts', () => {
  it('joins into the same text as a snapshot written with base64, history and archive columns included', () => {
    const acct = busyAccount();
    const parts = snapshotParts((out) => acct.snapshot(out));
    // Every Region's event history (management and Insights stores) and the delivered files' archive.
    expect(parts.pieces.filter((p) => 'templates' in p).length).toBe(acct.regions.length * 2 + 1);
    // The busy Region's times went as whole seconds.
    expect(parts.pieces.some((p) => 'seconds' in p && p.seconds.length > 0)).toBe(true);
    expect(parts.text.length).toBeLessThan(JSON.stringify(acct.snapshot()).length);
    expect(joinParts(parts)).toBe(JSON.stringify(acct.snapshot()));
  });

  it('keeps the moment it was taken, and hands over copies: the account goes on with its own columns', () => {
    const acct = busyAccount();
    const twin = busyAccount();
    const before = JSON.stringify(acct.snapshot());
    // As the worker posts them to the packing worker: every buffer transferred (detached here).
    const parts = snapshotParts((out) => acct.snapshot(out));
    const moved = structuredClone(parts, { transfer: transferables(parts) });
    expect(parts.pieces.every((p) => (p instanceof Uint8Array ? p : 'seconds' in p ? p.seconds : p.packed).byteLength === 0)).toBe(true);
    for (const a of [acct, twin]) {
      for (let i = 0; i < 50; i++) a.call('iam:CreateUser', { UserName: `later${i}` }, ROOT);
      a.advance(3_600_000);
    }
    // Had a piece been a view of a live column, the transfer would have emptied the account's own column.
    expect(JSON.stringify(acct.snapshot())).toBe(JSON.stringify(twin.snapshot()));
    expect(JSON.stringify(acct.snapshot())).not.toBe(before);
    expect(joinParts(moved)).toBe(before);
  });

  it('leaves a learner value that looks like a placeholder alone, and refuses a placeholder it has no column for', () => {
    const acct = busyAccount();
    const other = newMarker();
    expect(other).not.toBe(newMarker());
    expect(acct.call('s3:CreateBucket', { Bucket: 'notes-bucket' }, ROOT).ok).toBe(true);
    expect(acct.call('s3:PutObject', { Bucket: 'notes-bucket', Key: `${other}0` }, ROOT).ok).toBe(true);
    const parts = snapshotParts((out) => acct.snapshot(out));
    expect(parts.text).toContain(`${other}0`);
    expect(joinParts(parts)).toBe(JSON.stringify(acct.snapshot()));
    expect(() => joinParts({ ...parts, pieces: parts.pieces.slice(0, 1) })).toThrow(/unknown piece/);
  });

  it('writes times that are not whole seconds as they are', () => {
    const acct = busyAccount();
    acct.advance(1500);
    acct.call('s3:ListBuckets', {}, ROOT);
    const parts = snapshotParts((out) => acct.snapshot(out));
    expect(joinParts(parts)).toBe(JSON.stringify(acct.snapshot()));
  });

  it('packs and unpacks to the snapshot itself', async () => {
    const acct = busyAccount();
    const packed = await packParts(snapshotParts((out) => acct.snapshot(out)));
    expect(packed.jsonChars).toBe(JSON.stringify(acct.snapshot()).length);
    expect(await unpackSnapshot(packed)).toEqual(JSON.parse(JSON.stringify(acct.snapshot())));
  });

  it('packs the text and each piece apart (never one string of the whole), and unpacks them into the same snapshot', async () => {
    const acct = busyAccount();
    const parts = snapshotParts((out) => acct.snapshot(out));
    const packed = await packParts(parts);
    expect(packed.format).toBe('trailwatch-snapshot-parts+json+gzip+base64');
    expect(packed.parts).toHaveLength(parts.pieces.length + 1);
    expect(packed.marker).toBe(parts.marker);
    const expected = JSON.parse(joinParts(parts)) as unknown;
    expect(await unpackSnapshot(JSON.parse(JSON.stringify(packed)))).toEqual(expected);
    // A save of the whole text (before session 12) still unpacks.
    expect(await unpackSnapshot(await packText(joinParts(parts)))).toEqual(expected);
  });

  it('refuses a packed save whose parts do not add up or whose marker is not one', async () => {
    const packed = await packParts(snapshotParts((out) => busyAccount().snapshot(out)));
    for (const broken of [
      { ...packed, parts: packed.parts.slice(0, -1) },
      { ...packed, parts: [...packed.parts.slice(0, -1), packed.parts.at(-1)! + 1] },
      { ...packed, parts: [] },
      { ...packed, parts: packed.parts.map((n) => n + 0.5) },
      { ...packed, marker: 'trailwatch-bytes-' },
    ]) await expect(unpackSnapshot(broken)).rejects.toThrow(/저장된 샌드박스의 구성이 올바르지 않습니다|JSON/);
    // A marker standing for a piece that is not there.
    const parts = snapshotParts((out) => busyAccount().snapshot(out));
    const fewer = await packParts({ ...parts, pieces: [] });
    await expect(unpackSnapshot(fewer)).rejects.toThrow(/저장된 샌드박스의 구성이 올바르지 않습니다/);
  });
});
