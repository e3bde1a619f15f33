// The account's trails, one running xstate actor each, found by name or ARN the way the API finds them.
import { createActor, type Actor, type Snapshot } from 'xstate';
import { AwsError, type Json } from '../../core/contract';
import { noted, noteInPlace, type DeliveryNote } from './delivery-notes';
import { trailMachine, type TrailContext, type TrailEvent } from './trail-machine';
import { validateTrailName } from './trail-params';
import { trailArn, type TrailConfig, type TrailStatus } from './trail-types';

type TrailActor = Actor<typeof trailMachine>;

export class TrailRegistry {
  private actors = new Map<string, TrailActor>();
  /** `all()` as last built: every record is routed past every trail, and trails change rarely. Every change
   *  goes through this class (the machine has no timers of its own), which drops it. */
  private current: readonly TrailContext[] | undefined;
  /**
   * Delivery results the trail's actor has not been told yet, folded into the status they make: an xstate step
   * per delivered file and digest was a fifth of a busy account's log delivery time, and nothing reads them
   * until someone asks for the trail (GetTrailStatus, a snapshot, another event). Routing reads only the configuration
   * and the logging and Insights fields, which delivery results never change (see `routable`).
   */
  private notes = new Map<string, TrailStatus>();

  constructor(private readonly accountId: string) {}

  create(config: TrailConfig): TrailContext {
    const actor = createActor(trailMachine, { input: { config } });
    actor.start();
    this.actors.set(config.arn, actor);
    this.current = undefined;
    return actor.getSnapshot().context;
  }

  get(arn: string): TrailContext | undefined {
    this.settle(arn);
    return this.actors.get(arn)?.getSnapshot().context;
  }

  /** The trail's configuration (delivery results never change it, so none need applying first). */
  configOf(arn: string): TrailConfig | undefined {
    return this.actors.get(arn)?.getSnapshot().context.config;
  }

  /** Keeps a delivery result for the trail's status, if the trail still exists (see `notes`). */
  note(arn: string, note: DeliveryNote): void {
    const actor = this.actors.get(arn);
    if (!actor) return;
    const pending = this.notes.get(arn);
    // A kept status is this registry's own copy, so later results are written into it.
    if (pending !== undefined) {
      noteInPlace(pending, note);
      return;
    }
    const status = actor.getSnapshot().context.status;
    const next = noted(status, note);
    if (next !== status) this.notes.set(arn, next);
  }

  /** Gives the trail's actor the delivery results kept for it, as one step. */
  private settle(arn: string): void {
    const status = this.notes.get(arn);
    if (status === undefined) return;
    this.notes.delete(arn);
    this.actors.get(arn)?.send({ type: 'trail.deliveriesNoted', status });
    this.current = undefined;
  }

  private settleAll(): void {
    for (const arn of [...this.notes.keys()]) this.settle(arn);
  }

  send(arn: string, event: TrailEvent): TrailContext {
    const actor = this.actors.get(arn);
    if (!actor) throw new Error(`no trail ${arn}`);
    // Earlier deliveries first, as they happened.
    this.settle(arn);
    actor.send(event);
    this.current = undefined;
    return actor.getSnapshot().context;
  }

  delete(arn: string): void {
    this.settle(arn);
    this.actors.get(arn)?.send({ type: 'trail.delete' });
    this.actors.get(arn)?.stop();
    this.actors.delete(arn);
    this.current = undefined;
  }

  /** Every trail's present context, in creation order. The same array until a trail changes: never modify it. */
  all(): readonly TrailContext[] {
    if (this.notes.size) this.settleAll();
    return this.routable();
  }

  /** `all()` for routing, without applying kept delivery results first: their configurations, logging and
   *  Insights fields are current, their latest-delivery fields may not be. The same array until a trail changes. */
  routable(): readonly TrailContext[] {
    return (this.current ??= [...this.actors.values()].map((a) => a.getSnapshot().context));
  }

  visibleIn(region: string): TrailContext[] {
    return this.all().filter((t) => t.config.homeRegion === region || t.config.isMultiRegionTrail);
  }

  /** Name conflict rules: a name is taken in a Region by its own trails and by multi-Region shadows. */
  nameTaken(name: string, region: string, multiRegion: boolean): boolean {
    return this.all().some(
      (t) => t.config.name === name && (t.config.homeRegion === region || t.config.isMultiRegionTrail || multiRegion),
    );
  }

  /** A name stands for the trail of that name whose home is the caller's Region (a shadow trail is reached
   *  only through its ARN, as GetTrailStatus documents); an ARN reaches any trail visible in the Region. */
  resolve(nameOrArn: string, region: string): TrailContext {
    if (nameOrArn.startsWith('arn:')) {
      if (!/^arn:aws:cloudtrail:[a-z0-9-]+:\d{12}:trail\/[^/]+$/.test(nameOrArn)) {
        throw new AwsError(
          'CloudTrailARNInvalidException',
          'The following is the format of a trail ARN: arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail',
        );
      }
    } else {
      validateTrailName(nameOrArn);
    }
    const arn = nameOrArn.startsWith('arn:') ? nameOrArn : trailArn(region, this.accountId, nameOrArn);
    const found = this.get(arn);
    if (!found || (found.config.homeRegion !== region && !found.config.isMultiRegionTrail)) {
      throw new AwsError('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${this.accountId}`);
    }
    return found;
  }

  /** Mutating calls must come from the trail's home Region. */
  resolveHome(nameOrArn: string, region: string): TrailContext {
    const trail = this.resolve(nameOrArn, region);
    if (trail.config.homeRegion !== region) {
      throw new AwsError(
        'InvalidHomeRegionException',
        `This operation must be called from the trail's home Region (${trail.config.homeRegion}); it was called in ${region}.`,
      );
    }
    return trail;
  }

  snapshot(): Json[] {
    this.settleAll();
    return [...this.actors.values()].map((a) => a.getPersistedSnapshot() as unknown as Json);
  }

  restore(items: Json[]): void {
    for (const actor of this.actors.values()) actor.stop();
    this.actors = new Map();
    this.current = undefined;
    this.notes = new Map();
    for (const item of items) {
      const ctx = (item as { context?: { config?: { arn?: unknown; name?: unknown } } } | null)?.context;
      if (typeof ctx?.config?.arn !== 'string' || typeof ctx.config.name !== 'string') {
        throw new Error('cloudtrail snapshot: a trail entry lacks its configuration');
      }
      const actor = createActor(trailMachine, { snapshot: item as unknown as Snapshot<unknown>, input: { config: ctx.config as TrailConfig } });
      actor.start();
      this.actors.set(ctx.config.arn, actor);
    }
  }
}
