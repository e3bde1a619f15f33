// Prints one SHA-256 over everything a fixed-seed run produces (snapshot, every S3 object's bytes, every
// call's answer and routing), so a performance change can be shown to leave the output byte-identical.
import { sha256Hex } from '../simulator/cloudtrail/crypto/sha256';
import { benchAccount, runMix } from './account-setup';
import { TemplatedTexts, type TemplatedTextsSnapshot } from '../simulator/core/templated-texts';
import type { Json } from '../simulator/core/contract';
import { fromBase64, toBase64 } from '../simulator/core/format';
import { gzipDeterministic } from '../simulator/cloudtrail/delivery/files';
import { idsFromText, RecordArchive } from '../simulator/cloudtrail/delivery/record-archive';
import { md5Hex } from '../simulator/s3/md5';
import type { TemplatedTextsColumnsSnapshot } from '../simulator/core/templated-texts';

type StoreSnap = { times: number[]; jsons?: string[]; texts?: TemplatedTextsSnapshot };
function expandHistory(snapshot: Json): Json {
  const s = structuredClone(snapshot) as unknown as { cloudtrail: { history: Record<string, Record<string, StoreSnap>> } };
  for (const stores of Object.values(s.cloudtrail.history)) {
    for (const [kind, store] of Object.entries(stores)) {
      if (store.texts) stores[kind] = { times: store.times, jsons: TemplatedTexts.textsOf(store.texts) };
    }
  }
  return s as unknown as Json;
}

type ObjectSnap = { key: string; computed?: { cloudTrailLogFile?: string }; lastModified: number; contentType: string };
/** Log files are saved as record ids into CloudTrail's record archive: written back as the bytes they stand
 *  for, in the form objects with bytes are saved in, and the archive left out. */
function expandLogFiles(snapshot: Json): Json {
  const s = snapshot as unknown as { cloudtrail: { logArchive?: TemplatedTextsColumnsSnapshot }; services: { s3: unknown } };
  const archive = new RecordArchive();
  archive.restore(s.cloudtrail.logArchive);
  delete s.cloudtrail.logArchive;
  for (const bucket of s.services.s3 as { objects: ObjectSnap[] }[]) {
    bucket.objects = bucket.objects.map((o) => {
      const text = o.computed?.cloudTrailLogFile;
      if (text === undefined) return o;
      const gz = gzipDeterministic(archive.body(idsFromText(text)!));
      return { key: o.key, body: toBase64(gz), etag: `"${md5Hex(gz)}"`, lastModified: o.lastModified, contentType: o.contentType } as unknown as ObjectSnap;
    });
  }
  return snapshot;
}

type KeptStream = { logStreamName: string; creationTime: number; kept?: { timestamps: number[]; ingestedFrom: number[]; ingestedAt: number[]; texts: TemplatedTextsColumnsSnapshot; archived?: string } };
/** Trail log streams are saved compactly since session 12 (logs snapshot version 2): written back as the plain
 *  events (and version) they were saved as before. */
function expandLogStreams(snapshot: Json): Json {
  const s = snapshot as unknown as { cloudtrail: { logArchive?: TemplatedTextsColumnsSnapshot }; services: { logs: { version: number; regions: Record<string, Record<string, { streams: Record<string, KeptStream> }>> } } };
  // Records CloudTrail's archive keeps are saved as runs of its ids ([first event, first id, count]).
  const archive = new RecordArchive();
  archive.restore(s.cloudtrail.logArchive);
  const logs = s.services.logs;
  if (logs.version !== 2) return snapshot;
  logs.version = 1;
  for (const groups of Object.values(logs.regions)) {
    for (const g of Object.values(groups)) {
      for (const [name, stream] of Object.entries(g.streams)) {
        const kept = stream.kept;
        if (!kept) continue;
        const texts = TemplatedTexts.textsOf(kept.texts);
        const archived = kept.archived ? Array.from(new Int32Array(fromBase64(kept.archived).slice().buffer)) : [];
        const messages: string[] = [];
        for (let i = 0, own = 0, r = 0; i < kept.timestamps.length; i++) {
          if (r < archived.length && i >= archived[r]!) {
            messages.push(archive.get(archived[r + 1]! + i - archived[r]!));
            if (i === archived[r]! + archived[r + 2]! - 1) r += 3;
          } else messages.push(texts[own++]!);
        }
        let run = -1;
        const events = kept.timestamps.map((timestamp, i) => {
          while (run + 1 < kept.ingestedFrom.length && kept.ingestedFrom[run + 1]! <= i) run++;
          return { timestamp, message: messages[i]!, ingestionTime: kept.ingestedAt[run]! };
        });
        g.streams[name] = { logStreamName: stream.logStreamName, creationTime: stream.creationTime, events } as unknown as KeptStream;
      }
    }
  }
  return snapshot;
}

const b = benchAccount(21, true);
const enc = new TextEncoder();
const parts: string[] = [];
let k = 0;
for (let m = 0; m < 180; m++) {
  for (let i = 0; i < 12; i++) {
    const before = k;
    k = runMix(b, 1, k);
    void before;
  }
  const r = b.acct.call('cloudtrail:LookupEvents', { MaxResults: 5 }, b.cli);
  parts.push(JSON.stringify(r));
  b.acct.advance(60_000);
}
b.acct.advance('PT3H');
// The hash is over content, not form. A digest nobody has read is saved as its recipe, so every object is
// read first (through the model: no recorded call, no change to the account); and the event history's
// and the trail log streams' compact snapshots are expanded back to every record's JSON text: the form this
// hash was first taken with.
for (let i = 0; i < 10; i++) {
  const bucket = `trail-${i}-123456789012`;
  for (const key of b.acct.s3.model.listKeys(bucket)) b.acct.s3.model.getObject(bucket, key);
}
const snap = JSON.stringify(expandLogFiles(expandLogStreams(expandHistory(b.acct.snapshot()))));
const objects: string[] = [];
for (let i = 0; i < 10; i++) {
  const list = b.acct.call('s3:ListObjectsV2', { Bucket: `trail-${i}-123456789012` }, b.cli);
  if (!list.ok) throw new Error(list.error.message);
  for (const c of (list.response['Contents'] ?? []) as { Key: string }[]) {
    const bytes = b.acct.s3.model.getObject(`trail-${i}-123456789012`, c.Key);
    objects.push(`${c.Key}:${bytes ? sha256Hex(bytes) : 'missing'}`);
  }
}
console.log(JSON.stringify({ objects: objects.length, snapshotChars: snap.length, hash: sha256Hex(enc.encode(parts.join('\n') + snap + objects.join('\n'))) }));
