import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import type { IamModel } from '../iam/model';
import { signinActions } from './api';
import { SigninModel } from './model';

export { SigninModel } from './model';

export class SigninService implements ServiceModule {
  readonly name = 'signin';
  readonly model = new SigninModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, iam: IamModel) {
    this.actions = signinActions(this.model, iam, deps);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
