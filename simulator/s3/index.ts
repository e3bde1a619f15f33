import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { bucketActions } from './api-buckets';
import { metricsConfigActions } from './api-metrics-config';
import { objectActions } from './api-objects';
import type { EventBus } from '../core/events';
import { S3Model } from './model';
import { watchRequests, type PutMetric } from './request-metrics';

export { S3Model } from './model';
export type { PutMetric } from './request-metrics';

/** What request metrics need from the account: the records it writes, and CloudWatch's metric store. */
export interface S3RequestMetricsWiring {
  bus: EventBus;
  putMetric: PutMetric;
}

export class S3Service implements ServiceModule {
  readonly name = 's3';
  readonly model: S3Model;
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, requestMetrics?: S3RequestMetricsWiring) {
    this.model = new S3Model(() => deps.clock.now());
    this.actions = [...bucketActions(this.model, deps), ...objectActions(this.model, deps), ...metricsConfigActions(this.model, deps)];
    if (requestMetrics) watchRequests(this.model, requestMetrics.bus, () => deps.clock.now(), requestMetrics.putMetric);
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
