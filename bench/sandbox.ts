// A saved sandbox at 100,000 calls, through the app's own save and load path (renderer/…/snapshot-pack.ts) in
// this process: the snapshot the simulator's worker takes, the packing (join, gzip, base64) the packing worker
// does, then reading it back as a reload does (unpack, Account.restore). Not one of the keys: a learner
// keeps one sandbox for a course, and opening the app with it waits for the last two.
import { Account } from '../simulator/account';
import type { Json } from '../simulator/core/contract';
import { packParts, snapshotParts, unpackSnapshot, type PackedParts } from '../renderer/src/areas/simulator/worker/snapshot-pack';
import { ACCOUNT } from '../content/scenarios/checks';
import { benchAccount, runMix, START_MS } from './account-setup';

export interface SandboxResult {
  calls: number;
  jsonMB: number;
  packedMB: number;
  snapshotMs: number;
  packMs: number;
  unpackMs: number;
  restoreMs: number;
  /** The restored account's event history answered the same first page as the original's. */
  same: boolean;
}

/** `acct` snapshotted as the simulator's worker does, packed as the packing worker does, then unpacked and restored
 *  as opening the app does; each step timed. */
async function saveAndLoad(acct: Account): Promise<{ packed: PackedParts; back: Account; snapshotMs: number; packMs: number; unpackMs: number; restoreMs: number }> {
  let t = performance.now();
  const parts = snapshotParts((out) => acct.snapshot(out));
  const snapshotMs = performance.now() - t;
  t = performance.now();
  const packed = await packParts(parts);
  const packMs = performance.now() - t;
  t = performance.now();
  const snap = await unpackSnapshot(packed);
  const unpackMs = performance.now() - t;
  t = performance.now();
  const back = Account.restore(snap as Json);
  return { packed, back, snapshotMs, packMs, unpackMs, restoreMs: performance.now() - t };
}

export async function sandboxSaveLoad(calls: number): Promise<SandboxResult> {
  // As the web phase's page: ListBuckets through the console, 1,000 a simulated minute.
  const acct = new Account({ seed: 5, startMs: START_MS });
  const ctx = { as: 'root', region: 'us-east-1', via: 'console' as const };
  for (let m = 0; m < calls / 1000; m++) {
    for (let i = 0; i < 1000; i++) acct.call('s3:ListBuckets', {}, ctx);
    acct.advance(60_000);
  }
  const { packed, back, snapshotMs, packMs, unpackMs, restoreMs } = await saveAndLoad(acct);
  // Asked of the restored account first: its own LookupEvents is recorded after it answers, as the original's is.
  const first = (a: Account) => {
    const r = a.call('cloudtrail:LookupEvents', { MaxResults: 50 }, ctx);
    return r.ok ? JSON.stringify(r.response['Events']) : r.error.code;
  };
  return {
    calls, jsonMB: packed.jsonChars / 1e6, packedMB: packed.data.length / 1e6, snapshotMs, packMs, unpackMs, restoreMs, same: first(back) === first(acct),
  };
}

export interface HeavySandboxResult {
  days: number;
  calls: number;
  jsonMB: number;
  savedMB: number;
  /** The longest single string the save made (a JavaScript string ends at about 537 million characters). */
  largestStringMB: number;
  /** Simulated days until the saved string would reach that length, at this sandbox's rate. */
  daysToLimit: number;
  packMs: number;
  unpackMs: number;
  restoreMs: number;
  same: boolean;
}

/** V8's longest string (2^29 - 24 characters on 64-bit). */
const MAX_STRING = 2 ** 29 - 24;

/** The 90-day run's account after `days` simulated days at its 16 calls a minute, saved and loaded as above. Its
 *  snapshot signs the digests delivered meanwhile with BigInt here (the app signs them with WebCrypto in the
 *  background before it saves), so the snapshot's time is left out. */
export async function heavySandboxSaveLoad(days: number): Promise<HeavySandboxResult> {
  const b = benchAccount(11, true);
  let k = 0;
  for (let m = 0; m < days * 1440; m++) {
    k = runMix(b, 16, k);
    b.acct.advance(60_000);
  }
  const { packed, back, packMs, unpackMs, restoreMs } = await saveAndLoad(b.acct);
  const first = (a: Account) => {
    const r = a.call('logs:GetLogEvents', { logGroupName: 'CloudTrail/bench', logStreamName: `${ACCOUNT}_CloudTrail_us-east-1`, limit: 50 }, b.cli);
    return r.ok ? JSON.stringify(r.response['events']) : r.error.code;
  };
  const largest = Math.max(packed.data.length, ...packed.parts);
  return {
    days, calls: days * 1440 * 16, jsonMB: packed.jsonChars / 1e6, savedMB: packed.data.length / 1e6, largestStringMB: largest / 1e6,
    daysToLimit: (days * MAX_STRING) / largest, packMs, unpackMs, restoreMs, same: first(back) === first(b.acct),
  };
}
