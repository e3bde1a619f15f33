import type { CloudTrailRecord, JsonObject } from '../core/contract';

type Resources = NonNullable<CloudTrailRecord['resources']>;

/**
 * The parts of a Publish record that depend only on the topic: requestParameters (without a Subject) and
 * resources. A publisher names one topic again and again (EventBridge for every event a rule matches, refused
 * or not), so the last topic's objects are handed out again instead of a new object and array per publish.
 * Records then share them, as they share a caller's userIdentity: nothing changes a record in place.
 */
export class PublishRecordParts {
  private lastParamsArn: string | undefined;
  private lastParams: JsonObject = {};
  private lastResourcesArn: string | undefined;
  private lastResources: Resources = [];

  constructor(private readonly accountId: string) {}

  /** `{ topicArn }`, or `{ topicArn, subject }` when the publish has a Subject (the message is never written). */
  requestParameters(topicArn: string, subject: string | undefined): JsonObject {
    if (subject) return { topicArn, subject };
    if (topicArn !== this.lastParamsArn) {
      this.lastParams = { topicArn };
      this.lastParamsArn = topicArn;
    }
    return this.lastParams;
  }

  /** The topic as the record's one resource. */
  resources(topicArn: string): Resources {
    if (topicArn !== this.lastResourcesArn) {
      this.lastResources = topicResources(this.accountId, topicArn);
      this.lastResourcesArn = topicArn;
    }
    return this.lastResources;
  }
}

export function topicResources(acct: string, t: { arn: string } | string): Resources {
  return [{ accountId: acct, type: 'AWS::SNS::Topic', ARN: typeof t === 'string' ? t : t.arn }];
}
