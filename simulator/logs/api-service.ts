import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { groupActions } from './api-groups';
import { streamActions } from './api-streams';
import { LogsModel } from './model';


export class LogsService implements ServiceModule {
  readonly name = 'logs';
  readonly model = new LogsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.actions = [...groupActions(this.model, deps), ...streamActions(this.model, deps)];
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
