// A saved sandbox at 100,000 calls, through the app's own save and load path (renderer/…/snapshot-pack.ts) in
// this process: the snapshot the simulator's worker takes, the packing (join, gzip, base64) the packing worker
// does, then reading it back as a reload does (unpack, Account.restore). Not one of the keys: a learner
// keeps one sandbox for a course, and opening the app with it waits for the last two.
import { Account } from '../simulator/account';
import type { Json } from '../simulator/core/contract';
import { packParts, snapshotParts, unpackSnapshot } from '../renderer/src/areas/simulator/worker/snapshot-pack';
import { START_MS } from './account-setup';

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

export async function sandboxSaveLoad(calls: number): Promise<SandboxResult> {
  // As the web phase's page: ListBuckets through the console, 1,000 a simulated minute.
  const acct = new Account({ seed: 5, startMs: START_MS });
  const ctx = { as: 'root', region: 'us-east-1', via: 'console' as const };
  for (let m = 0; m < calls / 1000; m++) {
    for (let i = 0; i < 1000; i++) acct.call('s3:ListBuckets', {}, ctx);
    acct.advance(60_000);
  }
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
  const restoreMs = performance.now() - t;
  // Asked of the restored account first: its own LookupEvents is recorded after it answers, as the original's is.
  const first = (a: Account) => {
    const r = a.call('cloudtrail:LookupEvents', { MaxResults: 50 }, ctx);
    return r.ok ? JSON.stringify(r.response['Events']) : r.error.code;
  };
  return {
    calls, jsonMB: packed.jsonChars / 1e6, packedMB: packed.data.length / 1e6, snapshotMs, packMs, unpackMs, restoreMs, same: first(back) === first(acct),
  };
}
