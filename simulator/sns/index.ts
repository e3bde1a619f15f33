import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { snsActions } from './api';
import { SnsModel } from './model';

export { SnsModel } from './model';

export class SnsService implements ServiceModule {
  readonly name = 'sns';
  readonly model = new SnsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.actions = snsActions(this.model, deps);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
