import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { snsActions } from './api';
import { inboxActions } from './api-inbox';
import { subscriptionActions } from './api-subscriptions';
import { SnsModel } from './model';

export { SnsModel } from './model';
export type { Delivery, DeliveryOrigin, Topic, Subscription } from './model';
export { policyAllowsServicePublish, defaultTopicPolicy } from './topic-policy';

export class SnsService implements ServiceModule {
  readonly name = 'sns';
  readonly model = new SnsModel();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps) {
    this.actions = [...snsActions(this.model, deps), ...subscriptionActions(this.model, deps), ...inboxActions(this.model)];
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
