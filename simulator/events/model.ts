import { AwsError, type Json, type JsonObject } from '../core/contract';

export interface Rule {
  name: string;
  arn: string;
  eventPattern: string | null;
  scheduleExpression: string | null;
  state: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  description: string;
  /** Targets as PutTargets gave them (Id, Arn, Input, InputPath, InputTransformer). */
  targets: JsonObject[];
}

/** EventBridge rules on each Region's default event bus. */
export class EventsModel {
  regions: Record<string, Record<string, Rule>> = {};

  rules(region: string): Record<string, Rule> {
    return (this.regions[region] ??= {});
  }
  rule(region: string, name: string): Rule {
    const r = this.rules(region)[name];
    if (!r) throw new AwsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`);
    return r;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.regions)) as Json;
  }
  restore(s: Json): void {
    this.regions = JSON.parse(JSON.stringify(s)) as Record<string, Record<string, Rule>>;
  }
}
