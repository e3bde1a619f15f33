import type { Json, ObjectStore } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import type { IamModel } from '../iam/model';
import { lambdaActions, type InvokeHook } from './api';
import { LambdaModel } from './model';

export { LambdaModel } from './model';
export type { InvokeHook, InvokeOutcome } from './api';

export class LambdaService implements ServiceModule {
  readonly name = 'lambda';
  readonly model = new LambdaModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, iam: IamModel, s3: ObjectStore, onInvoke: InvokeHook) {
    this.actions = lambdaActions(this.model, iam, s3, deps, onInvoke);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
