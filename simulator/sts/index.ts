import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import type { IamModel } from '../iam/model';
import { stsActions } from './api';
import { StsModel } from './model';

export { PrincipalResolver, resolvePrincipal, SimCallerError, type PrincipalSources } from './principals';
export { StsModel } from './model';

export class StsService implements ServiceModule {
  readonly name = 'sts';
  readonly model = new StsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, iam: IamModel) {
    this.actions = stsActions(this.model, iam, deps);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
