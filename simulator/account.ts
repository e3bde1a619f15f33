import type { ActionDef, Channel, Json, JsonObject } from './core/contract';
import type { SnapshotWriter } from './core/snapshot-writer';
import { SimClock, parseDuration } from './core/clock';
import { EventBus } from './core/events';
import { SeededRandom } from './core/random';
import { performCall, type CallContext, type CallEnv, type CallResult } from './core/call';
import type { CloudTrailDeps, CloudTrailFactory, CloudTrailPort, DigestWanted } from './core/cloudtrail-port';
import { str, type ActionSpec, type ServiceDeps, type ServiceModule } from './core/service';
import { createCloudTrail } from './cloudtrail-wiring';
import { IamService } from './iam';
import { S3Service } from './s3';
import { objectsReadBy } from './s3/objects-read';
import { objectsReadByMetricQuery } from './cloudwatch/objects-read';
import { SigninService } from './signin';
import { PrincipalResolver, StsService, type PrincipalSources } from './sts';
import { CloudWatchService } from './cloudwatch/api-service';
import { Ec2Service } from './ec2';
import { EventsService } from './events/api-service';
import { wireEventBridge } from './events/bus-wiring';
import { evaluate } from './iam/policy-eval';
import { LambdaService } from './lambda';
import { ExecutionLogs } from './lambda/execution-logs';
import { LogsService } from './logs/api-service';
import { SnsService } from './sns';
import { INSPECT_API, InspectService } from './inspect';

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'ap-northeast-2', 'eu-west-1'] as const;
const SNAPSHOT_VERSION = 1;

export interface AccountOptions {
  seed: number;
  /** Simulated start time, ms since the epoch. */
  startMs: number;
  accountId?: string;
  regions?: string[];
  /** Replaces the CloudTrail service (tests that look at the account alone). */
  cloudTrail?: CloudTrailFactory;
}

/**
 * One simulated AWS account. Driven only through `call`; time moves only through `advance`.
 * Same seed and same calls give byte-identical answers, records and snapshots.
 */
export class Account {
  readonly accountId: string;
  readonly regions: string[];
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly bus = new EventBus();
  readonly iam: IamService;
  readonly sts: StsService;
  readonly signin: SigninService;
  readonly s3: S3Service;
  readonly ec2: Ec2Service;
  readonly lambda: LambdaService;
  readonly sns: SnsService;
  readonly logs: LogsService;
  readonly events: EventsService;
  readonly cloudwatch: CloudWatchService;
  readonly cloudTrail: CloudTrailPort;
  private readonly services: ServiceModule[];
  private readonly specs = new Map<string, ActionSpec>();
  // Built once rather than per call (a busy simulation makes tens of thousands of calls a second); it reads
  // live state through the models, which are never replaced (restore refills them in place).
  private readonly callEnv: CallEnv;

  constructor(o: AccountOptions) {
    this.accountId = o.accountId ?? DEFAULT_ACCOUNT_ID;
    this.regions = [...(o.regions ?? DEFAULT_REGIONS)];
    this.clock = new SimClock(o.startMs);
    this.random = new SeededRandom(o.seed);
    const deps: ServiceDeps = { accountId: this.accountId, clock: this.clock, random: this.random, regions: this.regions };
    this.iam = new IamService(deps);
    this.sts = new StsService(deps, this.iam.model);
    this.signin = new SigninService(deps, this.iam.model);
    // Request metrics are published into CloudWatch (built below; reached only once a request is recorded).
    this.s3 = new S3Service(deps, {
      bus: this.bus,
      putMetric: (region, namespace, datum, receivedAt) => this.cloudwatch.model.metricsIn(region).put(namespace, datum, receivedAt),
    });
    // Detailed monitoring is CloudWatch's state (built below; read only when DescribeInstances runs).
    this.ec2 = new Ec2Service(deps, (region, id) =>
      // Read without creating the Region's CloudWatch state (a look must not change the snapshot).
      this.cloudwatch.model.regionNames().includes(region) && this.cloudwatch.model.region(region).detailedMonitoring.has(id));
    // Metric filters publish into CloudWatch (built below; reached only once events arrive) and tell the bus.
    this.logs = new LogsService(deps, {
      putMetric: (region, namespace, datum, receivedAt) => this.cloudwatch.model.metricsIn(region).put(namespace, datum, receivedAt),
      putMetricRepeated: (region, namespace, datum, receivedAt, times, each) => this.cloudwatch.model.metricsIn(region).putRepeated(namespace, datum, receivedAt, times, each),
      emit: (e) => this.bus.emit(e),
      call: (api, params, ctx) => this.call(api, params, ctx),
    });
    const roleName = (arn: string) => Object.values(this.iam.model.state.roles).find((r) => r.arn === arn)?.roleName ?? '';
    const executionLogs = new ExecutionLogs(
      () => this.lambda.model.warmStreams,
      this.random,
      (role, group) => ['logs:CreateLogStream', 'logs:PutLogEvents'].every((a) => evaluate(this.iam.model.documentsFor('role', roleName(role)), a, group) === 'allow'),
      (region, group, stream, events) => this.logs.model.append(region, group, stream, events, this.clock.now()),
      this.accountId,
    );
    this.lambda = new LambdaService(deps, this.iam.model, this.s3.model, (fn, region, requestId) => {
      // sim:SetFunctionBehavior (kept by CloudWatch with the metrics) decides how it ends; a throttled call never runs.
      const ran = this.cloudwatch.lambdaInvoked(fn, region);
      if (!ran.throttled) executionLogs.write(fn, region, requestId, this.clock.now(), ran);
      return ran;
    });
    this.sns = new SnsService(deps);
    this.events = new EventsService(deps);
    this.cloudwatch = new CloudWatchService(deps, {
      ec2: this.ec2.model, s3: this.s3.model, lambda: this.lambda.model, sns: this.sns.model, bus: this.bus,
      call: (api, params, ctx) => this.call(api, params, ctx),
    });
    this.services = [this.iam, this.sts, this.signin, this.s3, this.ec2, this.lambda, this.sns, this.logs, this.events, this.cloudwatch];
    const ctDeps: CloudTrailDeps = {
      clock: this.clock, random: this.random, store: this.s3.model, accountId: this.accountId, regions: this.regions,
      onDelivered: (e) => {
        const cwl = e.cloudWatchLogs;
        // Where CloudTrail's archive keeps the records, the log group reads their texts from there as it needs
        // them: `records` (which lists every text) is read only from a delivery without one.
        if (e.kind !== 'logFile' || !cwl || (!e.archived && !e.records)) return;
        const records = e.archived ? undefined : e.records;
        // CloudTrail writes with the trail's role: it needs logs:CreateLogStream and logs:PutLogEvents.
        const docs = this.iam.model.documentsFor('role', roleName(cwl.roleArn));
        if (!['logs:CreateLogStream', 'logs:PutLogEvents'].every((a) => evaluate(docs, a, cwl.logGroupArn) === 'allow')) return;
        this.logs.model.deliverTrailRecords(cwl.logGroupArn, this.accountId, e.region, records, e.atMs, e.archived);
      },
    };
    this.cloudTrail = (o.cloudTrail ?? createCloudTrail)(ctDeps);
    this.s3.model.computed = this.cloudTrail.computedObjects;
    this.logs.model.sharedTexts = this.cloudTrail.recordArchive;
    // Records reach the default event buses; rule targets are invoked as events.amazonaws.com.
    wireEventBridge({ events: this.events, sns: this.sns.model, bus: this.bus, clock: this.clock, regions: this.regions, call: (api, params, ctx) => this.call(api, params, ctx) });
    for (const s of this.services) for (const a of s.actions) this.specs.set(a.def.api, a);
    for (const def of this.cloudTrail.catalog) {
      const handler = this.cloudTrail.handlers[def.eventName];
      if (!handler) continue;
      this.specs.set(def.api, {
        def, handler,
        // Trail actions act on arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME; the others on "*".
        authz: (p, ctx) => {
          const name = str(p, 'Name') ?? str(p, 'TrailName');
          if (!name) return { resource: '*' };
          return { resource: name.startsWith('arn:') ? name : `arn:aws:cloudtrail:${ctx.region}:${this.accountId}:trail/${name}` };
        },
      });
    }
    // The UI's unrecorded read-only look (simulator/inspect): callable, but not in the AWS catalog.
    for (const a of new InspectService({ spec: (api) => this.specs.get(api), cloudTrailHandler: (n) => this.cloudTrail.handlers[n] }).actions) this.specs.set(a.def.api, a);
    const principals = new PrincipalResolver();
    const clock = this.clock;
    const sources: PrincipalSources = {
      accountId: this.accountId, iam: this.iam.model, sts: this.sts.model, signin: this.signin.model,
      get nowMs() {
        return clock.now();
      },
    };
    this.callEnv = {
      accountId: this.accountId, regions: this.regions, clock: this.clock, random: this.random, iam: this.iam.model, bus: this.bus,
      cloudTrail: this.cloudTrail, spec: (a) => this.specs.get(a),
      principal: (as: string, via: Channel) => principals.resolve(as, via, sources),
    };
  }

  /** Every AWS action the account supports, in one list: the catalog (the simulator's own sim:* actions are not AWS's). */
  catalog(): ActionDef[] {
    return [...this.specs.values()].map((s) => s.def).filter((d) => d.eventSource !== 'sim');
  }

  /** The simulator's own controls (sim:*: inbox, presets, inspection, validation): callable, never recorded. */
  controls(): ActionDef[] {
    return [...this.specs.values()].map((s) => s.def).filter((d) => d.eventSource === 'sim');
  }

  /**
   * Calls `api` as `ctx.as`. A console call by someone with no console session first signs them in
   * (a real, recorded signin:ConsoleLogin), since nobody uses the console without signing in.
   */
  call(api: string, params: JsonObject, ctx: CallContext): CallResult {
    const first = this.perform(api, params, ctx);
    if (first.ok || first.error.code !== 'Sim.NotSignedIn' || ctx.via !== 'console') return first;
    const user = this.iam.model.state.users[ctx.as];
    const login = this.perform('signin:ConsoleLogin', { success: true, mfa: Boolean(user?.mfaSerial) }, ctx);
    if (!login.ok) return { ...login, error: { code: 'Sim.NotSignedIn', message: `${ctx.as} cannot sign in to the console: ${login.error.message}` } };
    const again = this.perform(api, params, ctx);
    return { ...again, records: [...login.records, ...again.records], routing: [...login.routing, ...again.routing] };
  }

  private perform(api: string, params: JsonObject, ctx: CallContext): CallResult {
    return performCall(this.callEnv, api, params, ctx);
  }

  /** Moves simulated time forward by an ISO 8601 duration (or ms) and lets CloudTrail do what is due. */
  /** Work a host may do while nobody is waiting: signs up to `limit` digests that were delivered unsigned (they
   *  are signed on first read otherwise, a whole chain at once after a long fast-forward). Changes no bytes;
   *  returns how many it signed, 0 when nothing is left. */
  idleWork(limit: number): number {
    return this.cloudTrail.signAhead?.(limit) ?? 0;
  }

  /**
   * Work the next snapshot would do at once, done ahead a piece at a time until `enough` says so; true once
   * nothing is left. After a burst of traffic a bucket's daily size reads every new log file's size, which is a
   * gzip each (a day of 100 calls a minute: 5-7 s in one snapshot). Changes no bytes. Digests are not signed
   * here (see digestToSign and idleWork).
   */
  prepareSnapshot(enough: () => boolean): boolean {
    for (const s of this.services) if (s.prepareSnapshot && !s.prepareSnapshot(enough)) return false;
    return true;
  }

  /** The oldest delivered digest not signed yet, for a host that signs it itself (the app's worker, with
   *  WebCrypto: about ten times faster than idleWork's BigInt, and off its thread): sign `message` with
   *  SHA256withRSA and the key of `privateKeyJwk(regionKey(region).pair)`, then `accept` the hex signature
   *  (checked with the public key before it is taken). Changes no bytes; undefined when nothing is left. */
  digestToSign(wanted?: DigestWanted): { region: string; message: Uint8Array<ArrayBuffer>; accept(signatureHex: string): 'taken' | 'signed' | 'refused' } | undefined {
    return this.cloudTrail.digestToSign?.(wanted);
  }

  /**
   * The digests `api` with `params` would read (when not signed yet, it signs them on the spot, with every
   * unsigned one before them in their chains: about 8 ms each with BigInt, thousands after a long
   * fast-forward), as a test for digestToSign; undefined when it reads none. A host that signs faster
   * elsewhere signs those first, then runs the call: same bytes, sooner. A listing ignores its page limits,
   * and a read of bucket sizes counts every digest (see the services' objects-read.ts).
   */
  digestsReadBy(api: string, params: JsonObject): DigestWanted | undefined {
    if (api === INSPECT_API) {
      const inner = params['Params'];
      return typeof params['Action'] === 'string' && inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? this.digestsReadBy(params['Action'], inner)
        : undefined;
    }
    // validate-logs reads every digest of the trail (and the chain before its start time).
    const read = api === 'sim:ValidateLogs' || api === 'cloudtrail:ValidateLogs' ? () => true : (objectsReadBy(api, params) ?? objectsReadByMetricQuery(api, params));
    if (!read) return undefined;
    // A digest the learner has since overwritten or deleted is not what the read finds at its key.
    const buckets = this.s3.model.buckets;
    return (bucket, key) => read(bucket, key) && buckets.get(bucket)?.objects.get(key)?.pending === true;
  }

  advance(by: string | number): void {
    const ms = typeof by === 'number' ? by : parseDuration(by);
    if (ms < 0) throw new Error('advance: duration must not be negative');
    const from = this.clock.now();
    const to = from + ms;
    // CloudWatch works minute by minute (producers, alarm evaluations, alarm actions): each due minute runs at
    // its own simulated time, after CloudTrail has done what was due before it. CloudTrail itself steps every
    // minute: its deliveries to CloudWatch Logs feed metric filters, whose datapoints can wake an alarm for
    // that very minute (an idle minute costs about a microsecond; 91 days of them ~0.2 s).
    const MINUTE_MS = 60_000;
    // A datum that arrived after the last step of the previous advance may have made a past minute due.
    const first = this.cloudwatch.nextDueAt() <= from ? Math.ceil(from / MINUTE_MS) * MINUTE_MS : Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    for (let t = first; t <= to; t += MINUTE_MS) {
      this.clock.set(t);
      this.cloudTrail.advanceTo(t);
      if (this.cloudwatch.nextDueAt() <= t) this.cloudwatch.runDue(t);
      if (this.events.nextDueAt() <= t) this.events.runDue(t);
    }
    this.clock.set(to);
    this.cloudTrail.advanceTo(this.clock.now());
    this.bus.emit({ type: 'clock.advanced', fromMs: from, toMs: this.clock.now() });
  }

  /** `out`: how the event history's, the archive's and the trail log streams' texts are written (see
   *  SnapshotWriter; base64 columns when not given). */
  snapshot(out?: SnapshotWriter): Json {
    for (const s of this.services) s.settleForSnapshot?.();
    const services: Record<string, Json> = {};
    for (const s of this.services) services[s.name] = s.snapshot(out);
    return {
      version: SNAPSHOT_VERSION, accountId: this.accountId, regions: this.regions, clockMs: this.clock.now(),
      random: this.random.state(), services, cloudtrail: this.cloudTrail.snapshot(out),
    };
  }

  /** Rebuilds an account from a snapshot. Snapshots are untrusted input: the version and shape are checked. */
  static restore(snap: Json, cloudTrail?: CloudTrailFactory): Account {
    const s = snap as { version?: Json; accountId?: Json; regions?: Json; clockMs?: Json; random?: Json; services?: Json; cloudtrail?: Json };
    if (snap === null || typeof snap !== 'object' || s.version !== SNAPSHOT_VERSION) throw new Error(`snapshot: unsupported version ${JSON.stringify(s?.version)}`);
    if (typeof s.accountId !== 'string' || !Array.isArray(s.regions) || typeof s.clockMs !== 'number' || !Array.isArray(s.random)) {
      throw new Error('snapshot: malformed');
    }
    const acct = new Account({ seed: 0, startMs: s.clockMs, accountId: s.accountId, regions: s.regions.map(String), ...(cloudTrail ? { cloudTrail } : {}) });
    acct.random.setState(s.random as number[]);
    const services = (s.services ?? {}) as Record<string, Json>;
    for (const svc of acct.services) {
      const part = services[svc.name];
      if (part !== undefined) svc.restore(part);
    }
    if (s.cloudtrail !== undefined) acct.cloudTrail.restore(s.cloudtrail);
    // A trail's log stream refers to records of CloudTrail's archive, restored just now.
    acct.logs.model.checkShared();
    return acct;
  }
}

