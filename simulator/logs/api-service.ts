import type { SnapshotWriter } from '../core/snapshot-writer';
import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { eventActions } from './api-events';
import { filterActions } from './api-filters';
import { groupActions } from './api-groups';
import { streamActions } from './api-streams';
import { cisActions, type AccountCall } from './cis-wiring';
import { MetricFilterRuntime, type MetricFilterSinks } from './filters-runtime';
import { LogsModel } from './model';

/** What CloudWatch Logs reaches outside itself; the account supplies them. */
export interface LogsLinks extends MetricFilterSinks {
  /** The account's call surface, for the simulator's CIS preset set-up (sim:ApplyCisPreset). */
  call: AccountCall;
}

export class LogsService implements ServiceModule {
  readonly name = 'logs';
  readonly model = new LogsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, links?: LogsLinks) {
    this.actions = [...groupActions(this.model, deps), ...streamActions(this.model, deps), ...filterActions(this.model, deps), ...eventActions(this.model, deps)];
    if (links) {
      const runtime = new MetricFilterRuntime(links);
      this.model.onIngest = (batch) => runtime.process(batch);
      this.actions.push(...cisActions(links.call, this.model));
    }
  }
  snapshot(out?: SnapshotWriter): Json {
    return this.model.snapshot(out);
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
