import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { metricActions } from './api-metrics';
import { CloudWatchModel } from './model';

export class CloudWatchService implements ServiceModule {
  readonly name = 'cloudwatch';
  readonly model = new CloudWatchModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.actions = metricActions(this.model, deps);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
