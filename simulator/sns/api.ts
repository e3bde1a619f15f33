import { AwsError, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { SnsModel, Topic } from './model';

// SNS is a query-protocol service: its errors are NotFound, InvalidParameter, AuthorizationError.
const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('InvalidParameter', `Invalid parameter: ${n}`);
};
const PROTOCOLS = ['email', 'email-json', 'http', 'https', 'sqs', 'lambda', 'sms', 'application', 'firehose'];

export function snsActions(m: SnsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const topicArnOf = (region: string, name: string) => `arn:aws:sns:${region}:${acct}:${name}`;
  const topicRes = (t: Topic | string) => [{ accountId: acct, type: 'AWS::SNS::Topic', ARN: typeof t === 'string' ? t : t.arn }];
  return [
    {
      def: apiDef('sns:CreateTopic', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: 'SNS 주제를 만듭니다.' }),
      authz: (p, ctx) => ({ resource: topicArnOf(ctx.region, str(p, 'Name') ?? '') }),
      handler: (p, ctx) => {
        const name = need(p, 'Name');
        if (!/^[A-Za-z0-9_-]{1,256}$/.test(name)) throw new AwsError('InvalidParameter', 'Invalid parameter: Topic Name');
        const topics = m.topics(ctx.region);
        // CreateTopic is idempotent: the same name returns the existing topic.
        const t = (topics[name] ??= { name, arn: topicArnOf(ctx.region, name), subscriptions: [] });
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
      def: apiDef('sns:Subscribe', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제를 구독합니다(이메일 등).' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      handler: (p, ctx) => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        const protocol = need(p, 'Protocol');
        if (!PROTOCOLS.includes(protocol)) throw new AwsError('InvalidParameter', 'Invalid parameter: Amazon SNS does not support this protocol string: ' + protocol);
        const endpoint = need(p, 'Endpoint');
        if (protocol.startsWith('email') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(endpoint)) throw new AwsError('InvalidParameter', 'Invalid parameter: Email address');
        const existing = t.subscriptions.find((s) => s.protocol === protocol && s.endpoint === endpoint);
        const sub = existing ?? { subscriptionArn: `${t.arn}:${d.random.uuid()}`, protocol, endpoint, confirmed: true };
        if (!existing) t.subscriptions.push(sub);
        return { response: { SubscriptionArn: sub.subscriptionArn }, responseElements: { subscriptionArn: sub.subscriptionArn }, resources: topicRes(t) };
      },
    },
    {
      // Publish is a data event (CloudTrail user guide, "Logging data events").
      def: apiDef('sns:Publish', { readOnly: false, category: 'Data', resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제에 메시지를 게시합니다(데이터 이벤트).' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      // The message body is not written to the record.
      requestParameters: (p) => ({ topicArn: str(p, 'TopicArn') ?? '', ...(str(p, 'Subject') ? { subject: str(p, 'Subject') ?? '' } : {}) }),
      resources: (p) => topicRes(str(p, 'TopicArn') ?? ''),
      handler: (p, ctx) => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        const message = need(p, 'Message');
        if (new TextEncoder().encode(message).length > 262_144) throw new AwsError('InvalidParameter', 'Invalid parameter: Message too long');
        const messageId = d.random.uuid();
        for (const s of t.subscriptions.filter((x) => x.confirmed)) {
          m.deliveries.push({ topicArn: t.arn, subscriptionArn: s.subscriptionArn, protocol: s.protocol, endpoint: s.endpoint, messageId, subject: str(p, 'Subject') ?? null, message, timestamp: d.clock.now() });
        }
        return { response: { MessageId: messageId }, responseElements: { messageId } };
      },
    },
  ];
}
