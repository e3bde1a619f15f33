import { Account } from '../../../simulator/account';
import type { SimEvent } from '../../../simulator/core/events';
import { ok, START } from '../support';

export const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };
export const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';

const trailBucketPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/123456789012/*` },
    ],
  });

/** The statement the EventBridge user guide asks for before a rule may publish to a topic. */
export const eventBridgeTopicPolicy = (topicArn: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowEventBridge', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: topicArn }],
  });

/** An account whose root is signed in; `trail` adds a logging multi-Region trail. All SimEvents are kept. */
export function account(o: { trail?: boolean; topic?: boolean; policy?: boolean } = {}) {
  const acct = new Account({ seed: 7, startMs: START });
  const seen: SimEvent[] = [];
  acct.bus.on((e) => seen.push(e));
  ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, ROOT));
  if (o.trail !== false) {
    ok(acct.call('s3:CreateBucket', { Bucket: 'trail-bucket' }, ROOT));
    ok(acct.call('s3:PutBucketPolicy', { Bucket: 'trail-bucket', Policy: trailBucketPolicy('trail-bucket') }, ROOT));
    ok(acct.call('cloudtrail:CreateTrail', { Name: 'main', S3BucketName: 'trail-bucket', IsMultiRegionTrail: true }, ROOT));
    ok(acct.call('cloudtrail:StartLogging', { Name: 'main' }, ROOT));
  }
  if (o.topic !== false) {
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, ROOT));
    ok(acct.call('sns:Subscribe', { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'learner@example.com' }, ROOT));
    if (o.policy !== false) ok(acct.call('sns:SetTopicAttributes', { TopicArn: TOPIC, AttributeName: 'Policy', AttributeValue: eventBridgeTopicPolicy(TOPIC) }, ROOT));
  }
  return { acct, seen };
}

/** A rule with one SNS target (the topic above); `target` adds input shaping. */
export function ruleToTopic(acct: Account, name: string, pattern: object, target: object = {}, state?: string): void {
  ok(acct.call('events:PutRule', { Name: name, EventPattern: JSON.stringify(pattern), ...(state ? { State: state } : {}) }, ROOT));
  ok(acct.call('events:PutTargets', { Rule: name, Targets: [{ Id: 'inbox', Arn: TOPIC, ...target }] }, ROOT));
}

export function inbox(acct: Account): { Id: string; Message: string; Read: boolean; Origin?: { ruleArn?: string } }[] {
  return ok(acct.call('sim:ReadInbox', {}, ROOT))['Notifications'] as never;
}
