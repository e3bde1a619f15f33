// The worker's side of the protocol: hosts one Account, answers requests, pushes what changed.
// Kept free of worker globals so it runs (and is tested) in Node as well.
import { Account, type DigestWanted, type Json, type JsonObject, type SimEvent } from '../../../../../simulator';
import { eventsToCsv, eventsToJson } from '../../../../../simulator/cloudtrail';
import { collectEvents, collectRows } from './history-rows';
import { callRate } from './call-rate';
import { DeliveryWatch, inspectS3Reader, listFolder, objectText, oldestLogFile, pendingOf } from './deliveries';
import { fromBase64 } from '../../../../../simulator/core/format';
import { envelopeSchema, TRAFFIC_MAX_CALLS, type CallOutcome, type FromWorker, type SimRequest, type Started, type UiCallContext, type ValueOf } from './protocol';
import { SANDBOX_SEED, SANDBOX_START, setupSteps } from './sandbox-setup';
import type { DigestSigner } from './digest-signer';
import { isPacked, packParts, snapshotParts, unpackSnapshot, type ColumnPool, type PackedSnapshot, type SnapshotParts } from './snapshot-pack';

const INSPECT = 'sim:Inspect';
const IDLE_TICK_MS = 50;
const IDLE_SIGNATURES = 2;
/** Longest the background signing keeps the worker before it lets queued requests in. */
const LET_REQUESTS_IN_MS = 8;
/** Real time between clock steps while playing. */
export const TICK_MS = 250;

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** A packed sandbox kept where it was packed, then stored or dropped on the page's word. */
export interface HeldSaves {
  hold(parts: SnapshotParts): Promise<{ id: number; jsonChars: number }>;
  store(held: number, savedAt: string): Promise<void>;
  drop(held: number): Promise<void>;
}

export class SimHost {
  private account: Account | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly watch = new DeliveryWatch();
  private speed = 0;
  private inCall = false;
  /** While repeated traffic runs, single events are not pushed (hundreds of thousands of them). */
  private inTraffic = false;
  /** Signing digests ahead between requests (see Account.idleWork), so a read after a fast-forward is quick. */
  private idleTimer: unknown;
  private timer: unknown;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly timers: Timers,
    /** Makes a snapshot's text from its parts and compresses it; the browser worker hands this to a packing worker. */
    private readonly pack: (parts: SnapshotParts) => Promise<PackedSnapshot> = packParts,
    /** Signs digests elsewhere (WebCrypto in the browser worker); without one, idle ticks sign with BigInt. */
    private signer?: DigestSigner,
    /** Resolves after the requests already queued have been taken (a task, not a microtask): see signAll. */
    private readonly nextTask: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
    /** Keeps a packed sandbox and stores it as the sandbox document (the browser's packing worker), so the page
     *  need not receive it; without one, only 'save' (the packed sandbox answered to the page) is possible. */
    private readonly keeper?: HeldSaves,
    /** The arrays a save's large columns are copied into, kept between saves (see ColumnPool). */
    private readonly pool?: ColumnPool,
  ) {}

  private held(): HeldSaves {
    if (!this.keeper) throw new Error('이 환경에서는 작업자가 샌드박스를 저장하지 않습니다');
    return this.keeper;
  }

  /** One raw message from the UI; anything that does not parse is answered with a Korean error. */
  receive(raw: unknown): void {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      this.post({ id, ok: false, errorKo: `잘못된 요청입니다: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
      return;
    }
    const { id, req } = parsed.data;
    // After the request has run: the digests a burst of traffic delivered, or a restored save holds.
    const thenSign = () => {
      if (req.kind === 'traffic' || req.kind === 'start') {
        this.idleSoon();
        void this.prepareInBackground();
      }
    };
    const failed = (e: unknown) => this.post({ id, ok: false, errorKo: `시뮬레이터 내부 오류: ${(e as Error).message}` });
    // A read of digests not signed yet waits while the signer signs them (and their chains) first, rather
    // than running at once and signing them with BigInt in this thread: after a 91-day fast-forward, a day's
    // folder of digests took 17 s that way. Other requests are answered meanwhile.
    const wanted = this.digestsWanted(req);
    if (wanted) {
      const asked = this.account;
      void this.signFirst(wanted).then(() => {
        // Asked of a sandbox replaced meanwhile (a new sandbox, a restore): not run against the new one.
        if (this.account !== asked) this.post({ id, ok: false, errorKo: '기다리는 동안 샌드박스가 바뀌어 요청을 취소했습니다' });
        else this.run(id, req, thenSign, failed);
      });
      return;
    }
    this.run(id, req, thenSign, failed);
  }

  private run(id: number, req: SimRequest, thenSign: () => void, failed: (e: unknown) => void): void {
    try {
      const value = this.handle(req);
      // Packing and unpacking a saved sandbox are asynchronous (native compression); all else answers at once.
      if (value instanceof Promise) {
        value.then((v) => {
          this.post({ id, ok: true, value: v });
          thenSign();
        }, failed);
      } else {
        this.post({ id, ok: true, value });
        thenSign();
      }
    } catch (e) {
      failed(e);
    }
  }

  handle(req: SimRequest): unknown {
    switch (req.kind) {
      case 'start':
        return this.start(req.snapshot);
      case 'reset':
        return this.fresh();
      case 'call':
        return this.call(req.api, req.params as JsonObject, req.ctx);
      case 'inspect': {
        const r = this.acct().call(INSPECT, { Action: req.action, Params: req.params as JsonObject }, { as: 'root', region: req.region, via: 'sdk' });
        return r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error };
      }
      case 'advance':
        this.advance(req.ms);
        return { nowMs: this.acct().clock.now() };
      case 'play':
        this.play(req.speed);
        return { speed: this.speed };
      case 'history':
        return collectRows(req.query, (p) => this.inspect(req.query.region, 'cloudtrail:LookupEvents', p), req.limit, req.cursor);
      case 'download': {
        const { events } = collectEvents(req.query, (p) => this.inspect(req.query.region, 'cloudtrail:LookupEvents', p));
        return { text: req.format === 'csv' ? eventsToCsv(events) : eventsToJson(events), count: events.length };
      }
      case 'record': {
        const res = this.inspect(req.region, 'cloudtrail:LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: req.eventId }] });
        const e = (res['Events'] as JsonObject[] | undefined)?.[0];
        return { json: e ? String(e['CloudTrailEvent']) : null };
      }
      case 'objects':
        return listFolder((r, action, p) => this.inspect(r, action, p), req.region, req.bucket, req.prefix ?? '');
      case 'oldestLogFile':
        return { lastModified: oldestLogFile((r, action, p) => this.inspect(r, action, p), req.region, req.bucket, req.keyPrefix, req.accountId) };
      case 'object': {
        const res = this.inspect(req.region, 's3:GetObject', { Bucket: req.bucket, Key: req.key });
        return objectText(fromBase64(String(res['Body'] ?? '')));
      }
      case 'snapshot':
        return { snapshot: this.acct().snapshot() };
      case 'save':
        // Taken here (it must be a consistent moment of the account), with the large columns copied, not written;
        // writing and compressing them may run elsewhere. A snapshot works out the buckets' daily sizes, which
        // needs every digest signed: while the background signs them (a fast-forward's worth, seconds with
        // WebCrypto), the save waits for it rather than signing the rest with BigInt (20 s after 30 days of a
        // multi-Region trail), answering other requests meanwhile.
        // Likewise for the bucket sizes' log file gzips (5-7 s after a day of heavy traffic), made ahead in slices.
        return this.readyToSave().then(() => this.pack(snapshotParts((out) => this.acct().snapshot(out), undefined, this.pool)));
      case 'saveHeld':
        // The same, packed and kept by the keeper until the page says to store it ('storeHeld') or not.
        return this.readyToSave().then(() => this.held().hold(snapshotParts((out) => this.acct().snapshot(out), undefined, this.pool)));
      case 'storeHeld':
        return this.held().store(req.held, req.savedAt).then(() => ({ stored: true as const }));
      case 'dropHeld':
        return this.held().drop(req.held).then(() => ({ dropped: true as const }));
      case 'sim': {
        const r = this.acct().call(req.api, req.params as JsonObject, req.ctx);
        if (r.records.length) throw new Error(`${req.api} wrote a CloudTrail record; only unrecorded sim:* calls are allowed here`);
        if (!r.ok && r.error.code === 'Sim.UnknownApi') return { ok: false, error: r.error };
        this.post({ push: 'changed' });
        return r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error };
      }
      case 'traffic':
        return this.traffic(req);
      case 'callRate':
        return callRate(req, (p) => this.inspect(req.region, 'cloudtrail:LookupEvents', p));
      case 'catalog':
        return this.acct().catalog().map((d) => ({
          api: d.api, eventName: d.eventName, readOnly: d.readOnly, category: d.category, summaryKo: d.summaryKo,
          ...(d.recordedByCloudTrail === false ? { recordedByCloudTrail: false as const } : {}),
        }));
    }
  }

  /** Digests left unsigned are signed in the background: by the signer, one at a time while nothing else waits
   *  on it (requests are answered between its signatures), or else a few with BigInt (~10 ms each) per tick. */
  private idleSoon(): void {
    if (this.signer) {
      void this.signInBackground(this.signer);
      return;
    }
    if (this.idleTimer !== undefined) return;
    this.idleTimer = this.timers.setInterval(() => {
      if (this.account && this.account.idleWork(IDLE_SIGNATURES) > 0) return;
      this.timers.clearInterval(this.idleTimer);
      this.idleTimer = undefined;
    }, IDLE_TICK_MS);
  }

  /** The background signing under way, if any (see save). */
  private backgroundSigning: Promise<void> | undefined;

  /** Once every digest is signed and the next snapshot's work is done, in one task with the snapshot that
   *  follows: requests answered while waiting (a clock step past midnight) may have added either. */
  private async readyToSave(): Promise<void> {
    for (;;) {
      await this.allSigned();
      await this.prepareInBackground();
      if (!this.signer || !this.account?.digestToSign()) return;
    }
  }

  /** The next snapshot's work being done ahead, if any (see save). */
  private preparing: Promise<void> | undefined;

  /** Does the next snapshot's work ahead (Account.prepareSnapshot) between requests, after the digests it would
   *  read are signed. */
  private prepareInBackground(): Promise<void> {
    this.preparing ??= (async () => {
      try {
        await this.allSigned();
        let since = performance.now();
        const enough = () => performance.now() - since >= LET_REQUESTS_IN_MS;
        while (this.account && !this.account.prepareSnapshot(enough)) {
          await this.nextTask();
          since = performance.now();
        }
      } finally {
        this.preparing = undefined;
      }
    })();
    return this.preparing;
  }

  /** Reads waiting for the digests they would read to be signed, first come first served. */
  private readonly waiting: { wanted: DigestWanted; done: () => void }[] = [];

  /** The unsigned digests `req` would read, when a signer can sign them first; undefined when it reads none
   *  (or none is left unsigned: then nothing waits). */
  private digestsWanted(req: SimRequest): DigestWanted | undefined {
    if (!this.signer || !this.account) return undefined;
    const a = this.account;
    let wanted: DigestWanted | undefined;
    switch (req.kind) {
      case 'call':
      case 'sim':
      case 'traffic':
        wanted = a.digestsReadBy(req.api, req.params as JsonObject);
        break;
      case 'inspect':
        wanted = a.digestsReadBy(req.action, req.params as JsonObject);
        break;
      case 'objects':
        wanted = a.digestsReadBy('s3:ListObjectsV2', { Bucket: req.bucket, Delimiter: '/', ...(req.prefix ? { Prefix: req.prefix } : {}) });
        break;
      case 'object':
        wanted = a.digestsReadBy('s3:GetObject', { Bucket: req.bucket, Key: req.key });
        break;
    }
    return wanted && a.digestToSign(wanted) ? wanted : undefined;
  }

  /** Lets every waiting read go whose digests are signed (or whose sandbox is gone). */
  private releaseReady(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const w = this.waiting[i]!;
      if (this.account?.digestToSign(w.wanted)) i++;
      else {
        this.waiting.splice(i, 1);
        w.done();
      }
    }
  }

  /** Once the signer has signed every unsigned digest `wanted` names (their chains first), or has given up
   *  (then the read signs what is left itself). */
  private signFirst(wanted: DigestWanted): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiting.push({ wanted, done: resolve }));
    this.idleSoon();
    return done;
  }

  /** Oldest first, until none is left. A signature the account refuses (never expected: the scheme is
   *  deterministic) or a signer that fails hands the rest to the BigInt ticks. */
  private signInBackground(signer: DigestSigner): Promise<void> {
    this.backgroundSigning ??= this.signAll(signer).finally(() => {
      this.backgroundSigning = undefined;
      // Digests delivered after the loop looked for the last time (a request run before this settled) are
      // signed by a new loop; without a signer, by the BigInt ticks.
      if (!this.signer || this.waiting.length > 0 || this.account?.digestToSign()) this.idleSoon();
    });
    return this.backgroundSigning;
  }

  /** Once the background has signed every digest (at once without a signer: the BigInt ticks are not waited for). */
  private async allSigned(): Promise<void> {
    if (this.signer) this.idleSoon();
    while (this.backgroundSigning) await this.backgroundSigning;
  }

  /** A waiting read's digests first (the oldest read's), then the rest oldest first. Lets the queued
   *  requests in every few milliseconds: a signature's answer (and the log file hashes the next digest lists)
   *  keeps the worker busy without a pause, and Chromium took none of the UI's requests until the loop was
   *  done, 11 s after a 91-day fast-forward. */
  private async signAll(signer: DigestSigner): Promise<void> {
    let since = performance.now();
    try {
      for (;;) {
        if (performance.now() - since >= LET_REQUESTS_IN_MS) {
          await this.nextTask();
          since = performance.now();
        }
        // Every read whose digests are all signed by now goes (a read of an old digest queued behind a
        // validation need not wait for the validation's whole chain); the oldest read left says what is next.
        this.releaseReady();
        const first = this.waiting[0];
        const next = this.account?.digestToSign(first?.wanted);
        if (!next) {
          if (!first) break;
          continue;
        }
        const signature = await signer(next.region, next.message);
        // 'signed' (a read signed it meanwhile) moves on to the next digest; a refused signature means the
        // signer is wrong.
        if (next.accept(signature) === 'refused') throw new Error('signature refused');
      }
    } catch {
      this.signer = undefined;
      // Without a signer the waiting reads run now, signing what they need themselves.
      for (const w of this.waiting.splice(0)) w.done();
    }
  }

  private acct(): Account {
    if (!this.account) throw new Error('샌드박스가 아직 시작되지 않았습니다');
    return this.account;
  }

  private attach(a: Account): void {
    this.unsubscribe?.();
    this.watch.clear();
    this.account = a;
    this.unsubscribe = a.bus.on((e: SimEvent) => {
      // Clock steps arrive as 'clock' pushes; the inspector's own completions are not the learner's doing.
      if (e.type === 'clock.advanced' || this.inTraffic) return;
      if (e.type === 'call.completed' && e.api === INSPECT) return;
      // Background metric producers report every datum; only a learner's own call's data points are news.
      if (e.type === 'metric.datapoint' && !this.inCall) return;
      this.post({ push: 'sim', event: e as unknown as { type: string }, duringCall: this.inCall });
    });
  }

  private start(saved: unknown): Started | Promise<Started> {
    if (saved === null || saved === undefined) return this.fresh();
    if (isPacked(saved)) return unpackSnapshot(saved).then((s) => this.restore(s), (e: Error) => this.restoreFailed(e));
    return this.restore(saved);
  }

  private restore(snapshot: unknown): Started {
    try {
      this.attach(Account.restore(snapshot as Json));
    } catch (e) {
      return this.restoreFailed(e as Error);
    }
    const a = this.acct();
    return { accountId: a.accountId, regions: a.regions, nowMs: a.clock.now(), setup: [] };
  }

  private restoreFailed(e: Error): Started {
    const started = this.fresh();
    return { ...started, noticeKo: `저장된 샌드박스를 불러올 수 없어 새 샌드박스를 만들었습니다 (${e.message}).` };
  }

  private fresh(): Started {
    this.play(0);
    const a = new Account({ seed: SANDBOX_SEED, startMs: SANDBOX_START });
    this.attach(a);
    const setup = setupSteps(a.accountId).map((s) => this.call(s.api, s.params, s.ctx));
    return { accountId: a.accountId, regions: a.regions, nowMs: a.clock.now(), setup };
  }

  private call(api: string, params: JsonObject, ctx: UiCallContext): CallOutcome {
    const a = this.acct();
    this.inCall = true;
    let r: ReturnType<Account['call']>;
    try {
      r = a.call(api, params, ctx);
    } finally {
      this.inCall = false;
    }
    this.watch.add(pendingOf(r.routing));
    this.post({ push: 'changed' });
    const base = { api, ctx, atMs: a.clock.now(), records: r.records as unknown as JsonObject[], routing: r.routing };
    return r.ok ? { ...base, ok: true, response: r.response } : { ...base, ok: false, error: r.error };
  }

  private traffic(req: Extract<SimRequest, { kind: 'traffic' }>): ValueOf<'traffic'> {
    const a = this.acct();
    const total = req.perMinute * req.minutes;
    if (total > TRAFFIC_MAX_CALLS) throw new Error(`반복 호출은 한 번에 ${TRAFFIC_MAX_CALLS.toLocaleString('ko-KR')}회까지입니다`);
    this.play(0);
    let calls = 0;
    let failed = 0;
    const codes = new Set<string>();
    let lastPush = 0;
    this.inTraffic = true;
    try {
      for (let m = 0; m < req.minutes; m++) {
        for (let i = 0; i < req.perMinute; i++) {
          const r = a.call(req.api, req.params as JsonObject, req.ctx);
          calls++;
          if (!r.ok) {
            failed++;
            codes.add(r.error.code);
            // A call the simulation refuses outright (unknown action, bad Region) would fail every time.
            if (r.error.code.startsWith('Sim.')) throw new Error(`${r.error.code}: ${r.error.message}`);
          }
        }
        a.advance(60_000);
        if (calls - lastPush >= 20_000 || m === req.minutes - 1) {
          lastPush = calls;
          this.post({ push: 'traffic', done: calls, total });
        }
      }
    } finally {
      this.inTraffic = false;
      this.post({ push: 'clock', nowMs: a.clock.now(), speed: this.speed });
      this.post({ push: 'changed' });
    }
    return { calls, failed, errorCodes: [...codes].sort(), nowMs: a.clock.now() };
  }

  private inspect(region: string, action: string, params: JsonObject): JsonObject {
    const r = this.acct().call(INSPECT, { Action: action, Params: params }, { as: 'root', region, via: 'sdk' });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.response;
  }

  private advance(ms: number): void {
    const a = this.acct();
    a.advance(ms);
    this.idleSoon();
    void this.prepareInBackground();
    const region = a.regions[0] ?? 'us-east-1';
    const found = this.watch.check(a.clock.now(), inspectS3Reader((r, action, p) => this.inspect(r, action, p), region));
    for (const d of found) this.post({ push: 'delivered', delivered: d });
    this.post({ push: 'clock', nowMs: a.clock.now(), speed: this.speed });
    this.post({ push: 'changed' });
  }

  private play(speed: number): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.speed = speed;
    if (speed > 0) this.timer = this.timers.setInterval(() => this.advance(TICK_MS * speed), TICK_MS);
    if (this.account) this.post({ push: 'clock', nowMs: this.account.clock.now(), speed });
  }
}
