import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { bucketActions } from './api-buckets';
import { objectActions } from './api-objects';
import { S3Model } from './model';

export { S3Model } from './model';

export class S3Service implements ServiceModule {
  readonly name = 's3';
  readonly model: S3Model;
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.model = new S3Model(() => deps.clock.now());
    this.actions = [...bucketActions(this.model, deps), ...objectActions(this.model, deps)];
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
