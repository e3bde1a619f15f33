import { AwsError, type Json } from '../core/contract';

export interface Subscription {
  subscriptionArn: string;
  protocol: string;
  endpoint: string;
  /** Email subscriptions wait for the recipient's confirmation; the simulated recipient confirms at once. */
  confirmed: boolean;
}
export interface Topic {
  name: string;
  arn: string;
  subscriptions: Subscription[];
}
/** One message as a subscriber receives it (the in-app inbox reads these). */
export interface Delivery {
  topicArn: string;
  subscriptionArn: string;
  protocol: string;
  endpoint: string;
  messageId: string;
  subject: string | null;
  message: string;
  timestamp: number;
}

export class SnsModel {
  regions: Record<string, Record<string, Topic>> = {};
  deliveries: Delivery[] = [];

  topics(region: string): Record<string, Topic> {
    return (this.regions[region] ??= {});
  }
  topicByArn(region: string, arn: string): Topic {
    const t = Object.values(this.topics(region)).find((x) => x.arn === arn);
    if (!t) throw new AwsError('NotFound', 'Topic does not exist', 404);
    return t;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify({ regions: this.regions, deliveries: this.deliveries })) as Json;
  }
  restore(s: Json): void {
    const o = JSON.parse(JSON.stringify(s)) as { regions: Record<string, Record<string, Topic>>; deliveries: Delivery[] };
    this.regions = o.regions;
    this.deliveries = o.deliveries;
  }
}
