import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { eventActions } from './api-events';
import { ruleActions } from './api-rules';
import { DefaultBus, type BusPorts } from './bus';
import { RuleScheduler } from './bus-scheduler';
import { EventsModel } from './model';

export class EventsService implements ServiceModule {
  readonly name = 'events';
  readonly model = new EventsModel();
  readonly actions: ActionSpec[];
  /** The Regions' default buses; present once the account has connected the targets (connect). */
  bus: DefaultBus | undefined;
  private readonly scheduler: RuleScheduler;
  constructor(deps: ServiceDeps) {
    this.actions = [...ruleActions(this.model, deps), ...eventActions(deps, (e) => this.bus?.offerEvent(e))];
    this.scheduler = new RuleScheduler(this.model, () => this.bus, deps.clock.now());
  }
  /** When the next scheduled rule is due (Infinity: none); the account's minute steps ask before runDue. */
  nextDueAt(): number {
    return this.scheduler.nextDueAt();
  }
  /** Fires the scheduled rules due at simulated time nowMs. */
  runDue(nowMs: number): void {
    this.scheduler.runDue(nowMs);
  }
  /** Lets the buses deliver: the account supplies the clock, its event bus and how targets are invoked. */
  connect(ports: BusPorts): DefaultBus {
    this.bus = new DefaultBus(this.model, ports);
    return this.bus;
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
