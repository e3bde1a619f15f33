// A trail's log stream is saved compactly (its messages as one template store's columns), since saved as plain
// events a busy sandbox's save outgrew what a string can hold. What is restored must answer exactly as what was
// saved, through the account's own calls, whichever way the snapshot was written.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { Json, JsonObject } from '../../../simulator/core/contract';
import { TemplatedTexts, type TemplatedTextsColumnsSnapshot } from '../../../simulator/core/templated-texts';
import { joinParts, snapshotParts } from '../../../renderer/src/areas/simulator/worker/snapshot-pack';
import { fromBase64, toBase64 } from '../../../simulator/core/format';
import { ok, START } from '../support';
import { trailToLogGroup } from './trail-to-log-group';

const STREAM = '123456789012_CloudTrail_us-east-1';
const c = { as: 'root', region: 'us-east-1', via: 'console' as const };

function trailToLogs(): Account {
  const acct = new Account({ seed: 9, startMs: START });
  trailToLogGroup(acct, c, { multiRegion: true });
  ok(acct.call('logs:PutMetricFilter', { logGroupName: 'CloudTrail/logs', filterName: 'policies', filterPattern: '{ $.eventName = "CreatePolicy" }', metricTransformations: [{ metricName: 'Policies', metricNamespace: 'Trail', metricValue: '1' }] }, c));
  busy(acct, 0, 4);
  return acct;
}

/** Calls of several shapes (escaped quotes, Hangul, two Regions), a delivery after each round. */
function busy(acct: Account, from: number, rounds: number): void {
  for (let r = from; r < from + rounds; r++) {
    // Mostly the same calls again, as a busy account's (their records share templates), and some that differ.
    for (let i = 0; i < 60; i++) ok(acct.call('s3:ListBuckets', {}, c));
    for (let i = 0; i < 6; i++) {
      acct.call('s3:DeleteBucket', { Bucket: `gone-${i}` }, { ...c, region: i % 2 ? 'us-east-1' : 'ap-northeast-2' });
      const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `S${r}x${i}`, Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::b-${i}/로그` }] });
      ok(acct.call('iam:CreatePolicy', { PolicyName: `p-${r}-${i}`, PolicyDocument: doc, Description: `로그 "${i}" \\ /` }, c));
    }
    acct.advance('PT7M');
  }
}

/** What the account answers about its trail's log group. */
function answers(acct: Account): unknown[] {
  const stream = { logGroupName: 'CloudTrail/logs', logStreamName: STREAM };
  return [
    ok(acct.call('logs:GetLogEvents', { ...stream, startFromHead: true }, c)),
    ok(acct.call('logs:FilterLogEvents', { logGroupName: 'CloudTrail/logs', filterPattern: '{ $.eventName = "CreatePolicy" }' }, c)),
    ok(acct.call('logs:DescribeLogStreams', { logGroupName: 'CloudTrail/logs' }, c)),
    ok(acct.call('logs:DescribeLogGroups', {}, c)),
  ];
}

/** The snapshot as the app's workers write it (large columns handed over, written later) and as JSON text. */
function viaWorker(acct: Account): Json {
  return JSON.parse(joinParts(snapshotParts((out) => acct.snapshot(out)))) as Json;
}

type Logs = { version: number; regions: Record<string, Record<string, { streams: Record<string, JsonObject> }>> };
const logsOf = (snap: Json) => (snap as unknown as { services: { logs: Logs } }).services.logs;

/** The same snapshot with the trail stream saved as plain events, as version 1 saved every stream. */
function asVersion1(snap: Json): Json {
  const s = structuredClone(snap);
  const logs = logsOf(s);
  logs.version = 1;
  const archive = TemplatedTexts.textsOf((s as unknown as { cloudtrail: { logArchive: TemplatedTextsColumnsSnapshot } }).cloudtrail.logArchive);
  for (const groups of Object.values(logs.regions)) {
    for (const g of Object.values(groups)) {
      for (const [name, stream] of Object.entries(g.streams)) {
        const kept = stream['kept'] as { timestamps: number[]; ingestedFrom: number[]; ingestedAt: number[]; texts: TemplatedTextsColumnsSnapshot; archived?: string } | undefined;
        if (!kept) continue;
        // Runs of [first event, first archive id, count]: those events' texts are the archive's.
        const runs = kept.archived ? Array.from(new Int32Array(fromBase64(kept.archived).slice().buffer)) : [];
        const own = TemplatedTexts.textsOf(kept.texts);
        const texts = kept.timestamps.map((_, i) => {
          for (let r = 0; r < runs.length; r += 3) if (i >= runs[r]! && i < runs[r]! + runs[r + 2]!) return archive[runs[r + 1]! + i - runs[r]!]!;
          return own.shift()!;
        });
        g.streams[name] = {
          logStreamName: stream['logStreamName']!, creationTime: stream['creationTime']!,
          events: kept.timestamps.map((timestamp, i) => ({ timestamp, message: texts[i]!, ingestionTime: kept.ingestedAt[kept.ingestedFrom.filter((f) => f <= i).length - 1]! })),
        };
      }
    }
  }
  return s;
}

describe("a trail's log stream in a snapshot", () => {
  it('is saved compactly and restored to answer exactly as before, written either way, and goes on alike', () => {
    const acct = trailToLogs();
    const before = answers(acct);
    expect((before[0] as { events: unknown[] }).events.length).toBeGreaterThan(40);
    const plain = acct.snapshot();
    const worker = viaWorker(acct);
    expect(JSON.stringify(worker)).toBe(JSON.stringify(plain));
    const stream = logsOf(plain).regions['us-east-1']!['CloudTrail/logs']!.streams[STREAM]!;
    expect(stream['kept']).toBeDefined();
    expect(stream['events']).toBeUndefined();
    // Much smaller than the plain events it stands for.
    expect(JSON.stringify(logsOf(plain)).length * 3).toBeLessThan(JSON.stringify(logsOf(asVersion1(plain))).length);

    const restored = Account.restore(structuredClone(worker));
    // Asked of both (the questions are recorded calls too), so both go on from the same state.
    expect(answers(restored)).toEqual(answers(acct));
    // Both go on: more deliveries into the restored stream's store, then the same snapshot.
    busy(acct, 4, 3);
    busy(restored, 4, 3);
    expect(answers(restored)).toEqual(answers(acct));
    expect(JSON.stringify(viaWorker(restored))).toBe(JSON.stringify(viaWorker(acct)));
  });

  it('saved as plain events (version 1) still loads, and saves compactly from then on', () => {
    const acct = trailToLogs();
    const old = asVersion1(acct.snapshot());
    expect(logsOf(old).version).toBe(1);
    const restored = Account.restore(old);
    expect(answers(restored)).toEqual(answers(acct));
    // Its stream now keeps the loaded texts itself (a copy), saved compactly, and loads again to the same answers.
    const again = Account.restore(viaWorker(restored));
    expect(answers(again)).toEqual(answers(restored));
    expect(logsOf(again.snapshot()).version).toBe(2);
  });

  it("refers to the records CloudTrail's archive keeps instead of copying them, and is refused where the archive lacks them", () => {
    const acct = trailToLogs();
    const snap = acct.snapshot();
    const kept = logsOf(snap).regions['us-east-1']!['CloudTrail/logs']!.streams[STREAM]!['kept'] as JsonObject;
    const runs = Array.from(new Int32Array(fromBase64(kept['archived'] as string).slice().buffer));
    // Every delivered record is the archive's: the stream's own store holds none of them.
    expect(runs.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0)).toBe((kept['timestamps'] as number[]).length);
    expect(TemplatedTexts.textsOf(kept['texts'] as unknown as TemplatedTextsColumnsSnapshot)).toEqual([]);
    // Runs naming records past the archive's end: the account refuses the snapshot once the archive is restored.
    const past = structuredClone(snap);
    const far = Int32Array.from(runs.map((v, i) => (i % 3 === 1 ? v + 1_000_000 : v)));
    (logsOf(past).regions['us-east-1']!['CloudTrail/logs']!.streams[STREAM]!['kept'] as JsonObject)['archived'] = toBase64(new Uint8Array(far.buffer));
    expect(() => Account.restore(past)).toThrow(/refers to records CloudTrail's record archive does not hold/);
  });

  it('is refused when its parts do not agree', () => {
    const acct = trailToLogs();
    const kept = () => {
      const s = structuredClone(acct.snapshot());
      return { s, kept: logsOf(s).regions['us-east-1']!['CloudTrail/logs']!.streams[STREAM]!['kept'] as JsonObject };
    };
    for (const spoil of [
      (k: JsonObject) => void (k['timestamps'] as number[]).pop(),
      (k: JsonObject) => void ((k['ingestedFrom'] as number[])[0] = 1),
      (k: JsonObject) => void (k['ingestedAt'] = 'soon'),
      (k: JsonObject) => void ((k['texts'] as JsonObject)['templates'] = [[1]]),
      (k: JsonObject) => void delete k['texts'],
      (k: JsonObject) => void (k['archived'] = 'AAAA'),
      (k: JsonObject) => void (k['archived'] = toBase64(new Uint8Array(Int32Array.from([0, 0, 2, 1, 5, 1]).buffer))),
      (k: JsonObject) => void delete k['archived'],
    ]) {
      const { s, kept: k } = kept();
      spoil(k);
      expect(() => Account.restore(s)).toThrow(/logs snapshot: malformed log stream CloudTrail\/logs/);
    }
  });
});
