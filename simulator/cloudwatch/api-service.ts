import type { Json } from '../core/contract';
import type { EventBus } from '../core/events';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import type { Ec2Model } from '../ec2/model';
import type { LambdaFunction, LambdaModel } from '../lambda/model';
import type { S3Model } from '../s3/model';
import type { SnsModel } from '../sns/model';
import { alarmActions } from './api-alarms';
import { dashboardActions } from './api-dashboards';
import { metricActions } from './api-metrics';
import { monitoringActions } from './api-monitoring';
import { AlarmActionDispatcher, type CallSurface } from './alarm-runner-actions';
import { AlarmEngine } from './alarm-runner-engine';
import { CloudWatchRunner } from './alarm-runner';
import { CloudWatchModel } from './model';
import { DEFAULT_BEHAVIOR, recordInvocation, type InvocationResult } from './producers-lambda';

/** What CloudWatch watches and acts on in the rest of the account. */
export interface CloudWatchSources {
  ec2: Ec2Model;
  s3: S3Model;
  lambda: LambdaModel;
  sns: SnsModel;
  bus: EventBus;
  /** The account's call surface, for alarm actions CloudWatch performs on its own. */
  call: CallSurface;
}

export class CloudWatchService implements ServiceModule {
  readonly name = 'cloudwatch';
  readonly model: CloudWatchModel;
  readonly actions: ActionSpec[];
  private readonly runner: CloudWatchRunner;

  constructor(private readonly deps: ServiceDeps, src: CloudWatchSources) {
    this.model = new CloudWatchModel(deps.regions[0] ?? 'us-east-1', deps.clock.now());
    const emit = src.bus.emit.bind(src.bus);
    const engine = new AlarmEngine(this.model, emit);
    const dispatcher = new AlarmActionDispatcher(deps.accountId, src.call, src.sns);
    this.runner = new CloudWatchRunner(this.model, engine, { regions: deps.regions, ec2: src.ec2, s3: src.s3, dispatcher, emit });
    this.actions = [
      ...metricActions(this.model, deps),
      ...alarmActions(this.model, deps, { engine, alarmsChanged: () => this.runner.alarmsChanged() }),
      ...dashboardActions(this.model, deps),
      ...monitoringActions(this.model, deps, src.ec2, src.lambda),
    ];
  }

  /** Lambda's Invoke hook: publishes the invocation's AWS/Lambda metrics. */
  lambdaInvoked(fn: LambdaFunction, region: string): InvocationResult {
    const reg = this.model.region(region);
    return recordInvocation(this.model.metricsIn(region), reg.functionBehavior.get(fn.functionName) ?? DEFAULT_BEHAVIOR, reg.runningInvocations, {
      functionName: fn.functionName, timeoutSeconds: fn.timeout, now: this.deps.clock.now(),
    });
  }

  /** The next simulated minute at which CloudWatch has work (always after the last one run). */
  nextDueAt(): number {
    return this.runner.nextDueAt();
  }

  /** Runs minute `t`; the account has set the clock to `t`. */
  runDue(t: number): void {
    this.runner.runDue(t);
  }

  /** A bucket's daily size (BucketSizeBytes) is worked out when read, from objects that may not exist yet as
   *  bytes: CloudTrail's digests and log files, made on first read. Reading them while saving CloudWatch, after
   *  S3 had saved them as recipes and before CloudTrail saved those recipes' inputs, left the recipes pointing
   *  at nothing (a restored account could not read its digests, nor be saved again). */
  settleForSnapshot(): void {
    this.model.settleAll();
  }

  /** The bucket sizes' log file gzips ahead, in slices (see ServiceModule.prepareSnapshot). */
  prepareSnapshot(enough: () => boolean): boolean {
    return this.model.warmSome(enough);
  }

  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
    this.runner.alarmsChanged();
  }
}
