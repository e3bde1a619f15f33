import type { Json } from '../core/contract';
import type { ActionSpec, ServiceDeps, ServiceModule } from '../core/service';
import { instanceActions } from './api-instances';
import { securityGroupActions } from './api-security-groups';
import { subnetActions } from './api-subnets';
import { vpcActions } from './api-vpcs';
import { initialEc2 } from './defaults';
import { Ec2Model } from './model';

export { Ec2Model } from './model';

/** Whether CloudWatch detailed monitoring is on for an instance. CloudWatch holds that state (MonitorInstances /
 *  UnmonitorInstances write it); DescribeInstances only reports it. */
export type MonitoringQuery = (region: string, instanceId: string) => boolean;

export class Ec2Service implements ServiceModule {
  readonly name = 'ec2';
  readonly model = new Ec2Model();
  readonly actions: ActionSpec[];
  constructor(deps: ServiceDeps, monitoring: MonitoringQuery = () => false) {
    initialEc2(this.model, deps.regions, deps.random);
    this.actions = [...vpcActions(this.model, deps), ...subnetActions(this.model, deps), ...instanceActions(this.model, deps, monitoring), ...securityGroupActions(this.model, deps)];
  }
  snapshot(): Json {
    return this.model.snapshot();
  }
  restore(s: Json): void {
    this.model.restore(s);
  }
}
