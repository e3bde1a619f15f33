import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { policyActions } from './api-policies';
import { roleActions } from './api-roles';
import { userActions } from './api-users';
import { IamModel } from './model';

export { IamModel } from './model';
export { evaluate, wildcardMatch } from './policy-eval';

export class IamService implements ServiceModule {
  readonly name = 'iam';
  readonly model: IamModel;
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.model = new IamModel(deps.accountId, deps.clock.now());
    this.actions = [...userActions(this.model, deps), ...roleActions(this.model, deps), ...policyActions(this.model, deps)];
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
