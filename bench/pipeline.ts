// Phase measurements that drive the simulator in this process: throughput, the 90-day run, the 91-day
// advance, and LookupEvents over a large event history. Each returns plain figures; run.ts prints them.
import { Account } from '../simulator/account';
import type { CloudTrailRecord, JsonObject } from '../simulator/core/contract';
import { SeededRandom } from '../simulator/core/random';
import { lookupPairsOf } from '../simulator/cloudtrail/history/lookup-keys';
import { benchAccount, MIX, runMix, START_MS } from './account-setup';
import { kernelCost, type KernelCost } from './kernel';
import { MemoryPeak } from './memory';
import { percentile } from './stats';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** Calls a second end to end, the clock moving a minute after every `perMinute` calls. */
export function throughput(o: { budgetMs: number; perMinute: number; bare: boolean; publishAllowed?: boolean }): { calls: number; seconds: number; callsPerSec: number; published: number; kernel: KernelCost } {
  const b = o.bare ? { acct: new Account({ seed: 7, startMs: START_MS }), cli: { as: 'root', region: 'us-east-1', via: 'console' as const } } : benchAccount(7, false, o.publishAllowed);
  // Warm-up, excluded: JIT, and the first log files, which hold each trail's own share of the set-up calls.
  let k = runMix(b, 2 * o.perMinute);
  b.acct.advance(6 * MINUTE);
  let calls = 0;
  const kernel = kernelCost();
  const t0 = performance.now();
  while (performance.now() - t0 < o.budgetMs) {
    k = runMix(b, o.perMinute, k);
    b.acct.advance(MINUTE);
    calls += o.perMinute;
  }
  const seconds = (performance.now() - t0) / 1000;
  const kernelSpent = kernel();
  // Messages in the email subscription's inbox: the rules' deliveries when the topic's policy lets EventBridge
  // publish, besides the subscription's confirmation and the alarms' notifications.
  const inbox = b.acct.call('sim:ReadInbox', { MaxResults: 0 }, b.cli);
  const published = inbox.ok ? Number(inbox.response['TotalCount'] ?? 0) : -1;
  return { calls, seconds, callsPerSec: calls / seconds, published, kernel: kernelSpent };
}

export interface HeavyResult {
  targetCalls: number;
  calls: number;
  simulatedDays: number;
  /** Seconds the simulation ran: the measured part's wall time less the benchmark's own forced collections. */
  seconds: number;
  /** Seconds spent in those forced collections (memory samples), not counted in `seconds`. */
  sampleSeconds: number;
  samples: number;
  peakMB: number;
  baseMB: number;
  /** From the whole measured part: seconds and heap growth per call × all calls. */
  extrapolatedSeconds: number;
  extrapolatedPeakMB: number;
  /** From the second half of the measured part only (steady state: no start-up, no Insights baselines still
   *  filling): what was measured, plus the late rate × the calls still to come. */
  steadySeconds: number;
  steadyPeakMB: number;
  burstReached: boolean;
  advancedDays: number;
  advanceSeconds: number;
  /** Equal to advanceSeconds when all 91 days were advanced; otherwise extrapolated from advancedDays. */
  advance91dSeconds: number;
  insightEvents: number;
  /** The kernel's share of the measured part, the memory samples' included. */
  kernel: KernelCost;
}

/**
 * 90 days at 16 calls a minute (2,073,600 calls), with the Insights example: ApiCallRateInsight on, and on
 * day 8 ten minutes of 100 extra DeleteBucket calls a minute. Stops at the time budget; the figures for the
 * part simulated are measured, the full-run figures are a linear extrapolation and labelled as such.
 * Then advances the clock by up to 91 days with whatever the account holds.
 */
export function heavy90d(o: { budgetMs: number; advanceBudgetMs: number }): HeavyResult {
  const mem = new MemoryPeak();
  const baseMB = mem.settledMB();
  const b = benchAccount(11, true);
  const perMinute = 16;
  const minutes = 90 * 1440;
  const burstFrom = 8 * 1440;
  const targetCalls = perMinute * minutes + 10 * 100;
  let k = 0;
  let calls = 0;
  let m = 0;
  const samples: { calls: number; ms: number; mb: number }[] = [];
  // Each sample forces a full collection (at a few hundred MB, a few hundred ms): the benchmark's work, not the
  // simulator's, so its time is taken out of the run's (the collections the run needs on its own stay in).
  let sampleMs = 0;
  const sampled = () => {
    const s0 = performance.now();
    mem.sample();
    sampleMs += performance.now() - s0;
  };
  const kernel = kernelCost();
  const t0 = performance.now();
  for (; m < minutes; m++) {
    k = runMix(b, perMinute, k);
    calls += perMinute;
    if (m >= burstFrom && m < burstFrom + 10) {
      for (let i = 0; i < 100; i++) b.acct.call('s3:DeleteBucket', { Bucket: 'tmp-reports' }, b.cli);
      calls += 100;
    }
    b.acct.advance(MINUTE);
    if (m % 60 === 0) {
      // Once a simulated day, as the heap grows steadily: each sample is a full collection of a heap of hundreds
      // of megabytes, and sampled every six hours they took as long as the run itself (287 samples, 39 s of an
      // 80 s budget), which then ended near day 71 and extrapolated the rest.
      if (m % 1440 === 0) {
        sampled();
        samples.push({ calls, ms: performance.now() - t0 - sampleMs, mb: mem.lastMB });
      }
      if (performance.now() - t0 > o.budgetMs) {
        m++;
        break;
      }
    }
  }
  const seconds = (performance.now() - t0 - sampleMs) / 1000;
  const kernelSpent = kernel();
  sampled();
  samples.push({ calls, ms: seconds * 1000, mb: mem.lastMB });
  const peakMB = mem.peakMB;
  const fraction = calls / targetCalls;
  const mid = samples.find((s) => s.calls >= calls / 2) ?? samples[0]!;
  const last = samples[samples.length - 1]!;
  const lateCalls = Math.max(1, last.calls - mid.calls);
  const toCome = targetCalls - calls;
  // Counted before the 91-day advance below, after which event history (90 days) no longer holds them.
  const insight = b.acct.call('cloudtrail:LookupEvents', { EventCategory: 'insight' }, b.cli);
  // +91 days a day at a time, up to its own budget: the per-day cost is nearly flat (hourly digests, minute
  // steps), so a partial advance is extrapolated to 91 days and reported as such.
  let advancedDays = 0;
  const a0 = performance.now();
  while (advancedDays < 91 && performance.now() - a0 < o.advanceBudgetMs) {
    b.acct.advance('P1D');
    advancedDays++;
  }
  const advanceSeconds = (performance.now() - a0) / 1000;
  return {
    targetCalls, calls, simulatedDays: m / 1440, seconds, sampleSeconds: sampleMs / 1000, samples: samples.length, peakMB, baseMB,
    extrapolatedSeconds: seconds / fraction,
    extrapolatedPeakMB: baseMB + (peakMB - baseMB) / fraction,
    steadySeconds: seconds + ((last.ms - mid.ms) / 1000 / lateCalls) * toCome,
    steadyPeakMB: Math.max(peakMB, last.mb + ((last.mb - mid.mb) / lateCalls) * toCome),
    burstReached: m > burstFrom + 10,
    advancedDays,
    advanceSeconds,
    advance91dSeconds: (advanceSeconds * 91) / advancedDays,
    insightEvents: insight.ok ? ((insight.response['Events'] as unknown[]) ?? []).length : -1,
    kernel: kernelSpent,
  };
}

interface Query {
  label: string;
  params: JsonObject;
  key: string | undefined;
  startMs: number;
  endMs: number;
}

export interface LookupResult {
  records: number;
  fillSeconds: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  naiveQueries: number;
  /** Windowed queries whose non-empty first page was the same from the index and from the scan. */
  agreedNonEmpty: number;
  naiveP50Ms: number;
  indexSameQueriesP50Ms: number;
  speedup: number;
}

const pct = percentile;

/**
 * Fills one Region's event history with `n` records through CloudTrail's own ingest (no trails, so only the
 * event history takes them): copies of real records the pipeline built, each with its own eventID and an
 * eventTime spread over 90 days. Then LookupEvents through account.call (the whole API path), and the
 * same queries by a linear scan over the same records for comparison.
 */
export function lookupAtScale(o: { records: number; queries: number; naiveQueries: number }): LookupResult {
  const source = benchAccount(3, false);
  const templates: { record: CloudTrailRecord; api: string }[] = [];
  let k = 0;
  for (let i = 0; i < MIX.length * 4; i++) {
    const m = MIX[k % MIX.length]!;
    const r = source.acct.call(m.api, m.params, { ...source.cli, region: 'us-east-1' });
    k++;
    for (const rec of r.records) templates.push({ record: rec, api: m.api });
  }
  // A rarer event: one in 5,000 records is a CreateUser by root.
  const root = source.acct.call('iam:CreateUser', { UserName: 'rare-user' }, { as: 'root', region: 'us-east-1', via: 'console' });
  const rare = root.records.filter((r) => r.eventName === 'CreateUser');
  const endMs = START_MS + 90 * DAY;
  const acct = new Account({ seed: 5, startMs: endMs });
  const defOf = new Map(acct.catalog().map((d) => [d.api, d]));
  const random = new SeededRandom(99);
  const n = o.records;
  const stepMs = (90 * DAY - MINUTE) / n;
  const naive: { timeMs: number; keys: string[]; eventID: string }[] = new Array(n);
  const sampleIds: string[] = [];
  const f0 = performance.now();
  for (let i = 0; i < n; i++) {
    const isRare = i % 5000 === 4999 && rare[0];
    const t = isRare ? { record: rare[0]!, api: 'iam:CreateUser' } : templates[i % templates.length]!;
    const timeMs = START_MS + MINUTE + Math.floor((i * stepMs) / 1000) * 1000;
    const record: CloudTrailRecord = { ...t.record, eventID: random.uuid(), eventTime: new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, 'Z'), awsRegion: 'us-east-1' };
    acct.cloudTrail.ingest(record, defOf.get(t.api)!);
    naive[i] = { timeMs: Date.parse(record.eventTime), keys: lookupPairsOf(record).map(([a, v]) => `${a}\u0000${v}`), eventID: record.eventID };
    if (i % 9973 === 0) sampleIds.push(record.eventID);
  }
  const fillSeconds = (performance.now() - f0) / 1000;

  const qrand = new SeededRandom(123);
  const one = (xs: string[]): string => xs[qrand.int(0, xs.length)]!;
  const attrs: [string, () => string][] = [
    ['EventName', () => one(['DeleteBucket', 'GetUser', 'DescribeInstances', 'CreateUser', 'ListBuckets'])],
    ['Username', () => one(['admin', 'root'])],
    ['EventId', () => sampleIds[qrand.int(0, sampleIds.length)]!],
    ['ReadOnly', () => (qrand.int(0, 2) === 0 ? 'true' : 'false')],
    ['EventSource', () => one(['s3.amazonaws.com', 'ec2.amazonaws.com', 'iam.amazonaws.com', 'cloudtrail.amazonaws.com'])],
    ['ResourceName', () => 'tmp-reports'],
  ];
  const queries: Query[] = [];
  for (let i = 0; i < o.queries; i++) {
    const kind = i % 4;
    const params: JsonObject = {};
    let key: string | undefined;
    if (kind !== 0) {
      const [name, value] = attrs[qrand.int(0, attrs.length)]!;
      const v = value();
      params['LookupAttributes'] = [{ AttributeKey: name, AttributeValue: v }];
      key = `${name}\u0000${v}`;
    }
    let startMs = endMs - 90 * DAY;
    let qEnd = endMs;
    if (kind === 2 || kind === 3) {
      // A one-hour or one-day window somewhere in the 90 days.
      const width = kind === 2 ? 3600_000 : DAY;
      startMs = START_MS + qrand.int(0, 89 * 24) * 3600_000;
      qEnd = startMs + width;
      params['StartTime'] = new Date(startMs).toISOString();
      params['EndTime'] = new Date(qEnd).toISOString();
    }
    queries.push({ label: key ?? '(none)', params, key, startMs, endMs: qEnd });
  }
  const cli = { as: 'root', region: 'us-east-1', via: 'console' as const };
  acct.call('signin:ConsoleLogin', { success: true, mfa: true }, cli);
  for (const q of queries.slice(0, 20)) acct.call('cloudtrail:LookupEvents', q.params, cli);
  const times: number[] = [];
  const firstIds: string[][] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = acct.call('cloudtrail:LookupEvents', q.params, cli);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`LookupEvents failed: ${r.error.code} ${r.error.message}`);
    firstIds.push(((r.response['Events'] ?? []) as JsonObject[]).map((e) => String(e['EventId'])));
  }
  // The obvious alternative: scan the records newest first, keeping the first 50 in range that match.
  const naiveScan = (q: Query): string[] => {
    const out: string[] = [];
    for (let i = naive.length - 1; i >= 0 && out.length < 50; i--) {
      const row = naive[i]!;
      if (row.timeMs > q.endMs || row.timeMs < q.startMs) continue;
      if (q.key !== undefined && !row.keys.includes(q.key)) continue;
      out.push(row.eventID);
    }
    return out;
  };
  const naiveTimes: number[] = [];
  const indexTimes: number[] = [];
  const nq = Math.min(o.naiveQueries, queries.length);
  let agreedNonEmpty = 0;
  for (let i = 0; i < nq; i++) {
    const q = queries[i]!;
    let t = performance.now();
    const ids = naiveScan(q);
    naiveTimes.push(performance.now() - t);
    t = performance.now();
    acct.call('cloudtrail:LookupEvents', q.params, cli);
    indexTimes.push(performance.now() - t);
    // Windowed queries end before the benchmark's own LookupEvents records, so both must give the same page.
    if (q.endMs < endMs) {
      if (ids.join() !== firstIds[i]!.join()) throw new Error(`index and scan disagree on ${q.label}`);
      if (ids.length > 0) agreedNonEmpty++;
    }
  }
  const naiveP50Ms = pct(naiveTimes, 50);
  const indexSameQueriesP50Ms = pct(indexTimes, 50);
  return {
    records: n, fillSeconds, queries: times.length, p50Ms: pct(times, 50), p95Ms: pct(times, 95),
    naiveQueries: nq, agreedNonEmpty, naiveP50Ms, indexSameQueriesP50Ms, speedup: naiveP50Ms / indexSameQueriesP50Ms,
  };
}
