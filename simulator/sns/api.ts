import { AwsError, type HandlerResult, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { SnsModel, Topic } from './model';
import { servicePublishAllowed } from './topic-policy';
import { PublishRecordParts, topicResources } from './publish-record-parts';

export { topicResources };

// SNS is a query-protocol service: its errors are NotFound, InvalidParameter, AuthorizationError.
export const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('InvalidParameter', `Invalid parameter: ${n}`);
};
/** Service principals that publish only where the topic policy names them (EventBridge user guide,
 *  "Amazon SNS permissions"). CloudWatch alarms publish for the owner account under the default policy. */
const NEEDS_TOPIC_POLICY = new Set(['events.amazonaws.com']);

/** Publish's limit on a message, in UTF-8 bytes (256 KiB). */
const MAX_MESSAGE_BYTES = 262_144;
const UTF8 = new TextEncoder();
/** Whether `text` takes more than `limit` UTF-8 bytes. A UTF-16 code unit never takes more than 3, so most
 *  messages are answered by their length without encoding them. */
function utf8Longer(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  return UTF8.encode(text).length > limit;
}

/**
 * The AuthorizationError Publish answers a service principal that the topic policy does not let publish. An
 * EventBridge rule whose topic lacks the policy statement is refused on every event it matches, always in the
 * same words, so each principal's refusal is made once per topic (a deleted topic's go with it).
 */
class PublishRefusals {
  private readonly byTopic = new WeakMap<Topic, Map<string, HandlerResult>>();

  /** The handler's answer, refusal and all: the call surface reads only the refusal of it. */
  of(topic: Topic, principalArn: string): HandlerResult {
    let forTopic = this.byTopic.get(topic);
    if (!forTopic) this.byTopic.set(topic, (forTopic = new Map()));
    let refused = forTopic.get(principalArn);
    if (!refused) {
      const refusal = new AwsError('AuthorizationError', `User: ${principalArn} is not authorized to perform: SNS:Publish on resource: ${topic.arn} because no resource-based policy allows the SNS:Publish action`, 403);
      refused = Object.freeze({ response: Object.freeze({}), refusal });
      forTopic.set(principalArn, refused);
    }
    return refused;
  }
}

export function snsActions(m: SnsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const topicArnOf = (region: string, name: string) => `arn:aws:sns:${region}:${acct}:${name}`;
  const topicRes = (t: Topic | string) => topicResources(acct, t);
  const refusals = new PublishRefusals();
  const publishParts = new PublishRecordParts(acct);
  return [
    {
      def: apiDef('sns:CreateTopic', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: 'SNS 주제를 만듭니다.' }),
      authz: (p, ctx) => ({ resource: topicArnOf(ctx.region, str(p, 'Name') ?? '') }),
      handler: (p, ctx) => {
        const name = need(p, 'Name');
        if (!/^[A-Za-z0-9_-]{1,256}$/.test(name)) throw new AwsError('InvalidParameter', 'Invalid parameter: Topic Name');
        // CreateTopic is idempotent: the same name returns the existing topic.
        const t = m.createTopic(ctx.region, name, topicArnOf(ctx.region, name), acct);
        return { response: { TopicArn: t.arn }, responseElements: { topicArn: t.arn } };
      },
    },
    {
      def: apiDef('sns:ListTopics', { readOnly: true, summaryKo: 'SNS 주제 목록을 조회합니다.' }),
      handler: (_p, ctx) => ({ response: { Topics: Object.values(m.topics(ctx.region)).sort((a, b) => (a.arn < b.arn ? -1 : 1)).map((t) => ({ TopicArn: t.arn })) } }),
    },
    {
      def: apiDef('sns:DeleteTopic', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: 'SNS 주제를 삭제합니다.' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      handler: (p, ctx) => {
        const arn = need(p, 'TopicArn');
        const t = Object.values(m.topics(ctx.region)).find((x) => x.arn === arn);
        // Deleting a topic that does not exist succeeds (DeleteTopic is idempotent).
        if (t) delete m.topics(ctx.region)[t.name];
        return { response: {}, resources: topicRes(arn) };
      },
    },
    {
      // Publish is a data event (CloudTrail user guide, "Logging data events"; SNS resource type AWS::SNS::Topic).
      def: apiDef('sns:Publish', { readOnly: false, category: 'Data', resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제에 메시지를 게시합니다(데이터 이벤트).' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      // The message body is not written to the record.
      requestParameters: (p): JsonObject => publishParts.requestParameters(str(p, 'TopicArn') ?? '', str(p, 'Subject')),
      resources: (p) => publishParts.resources(str(p, 'TopicArn') ?? ''),
      handler: (p, ctx): HandlerResult => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        const message = need(p, 'Message');
        if (utf8Longer(message, MAX_MESSAGE_BYTES)) throw new AwsError('InvalidParameter', 'Invalid parameter: Message too long');
        const origin = ctx.principal.kind === 'service' ? m.serviceOrigin : undefined;
        if (ctx.principal.kind === 'service' && NEEDS_TOPIC_POLICY.has(ctx.principal.arn)) {
          const sourceArn = origin?.kind === 'eventbridge' ? origin.ruleArn : undefined;
          // Returned, not thrown: see HandlerResult.refusal.
          if (!servicePublishAllowed(t.attributes['Policy'], t.arn, ctx.principal.arn, sourceArn, acct)) return refusals.of(t, ctx.principal.arn);
        }
        const messageId = d.random.uuid();
        m.publish(t, { messageId, subject: str(p, 'Subject') ?? null, message, atMs: d.clock.now(), origin: origin ?? { kind: 'api', publisher: ctx.principal.arn } });
        return { response: { MessageId: messageId }, responseElements: { messageId } };
      },
    },
  ];
}
