import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { ruleActions } from './api-rules';
import { EventsModel } from './model';

export class EventsService implements ServiceModule {
  readonly name = 'events';
  readonly model = new EventsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.actions = ruleActions(this.model, deps);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
