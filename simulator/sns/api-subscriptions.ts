import { AwsError, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { need, topicResources } from './api';
import type { SnsModel, Subscription, Topic } from './model';

const PROTOCOLS = ['email', 'email-json', 'http', 'https', 'sqs', 'lambda', 'sms', 'application', 'firehose'];
// Attributes SetTopicAttributes accepts for a standard topic (SNS API reference, SetTopicAttributes).
const SETTABLE = ['DeliveryPolicy', 'DisplayName', 'Policy', 'TracingConfig', 'KmsMasterKeyId', 'SignatureVersion', 'ArchivePolicy', 'DataProtectionPolicy'];
/** Subscriptions waiting for the endpoint's confirmation are listed with this in place of an ARN. */
const PENDING = 'PendingConfirmation';

function findSubscription(m: SnsModel, region: string, arn: string): { topic: Topic; sub: Subscription } | undefined {
  for (const topic of Object.values(m.topics(region))) {
    const sub = topic.subscriptions.find((s) => s.subscriptionArn === arn);
    if (sub) return { topic, sub };
  }
  return undefined;
}

export function subscriptionActions(m: SnsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const wireSub = (t: Topic, s: Subscription): JsonObject => ({
    SubscriptionArn: s.confirmed ? s.subscriptionArn : PENDING, Owner: acct, Protocol: s.protocol, Endpoint: s.endpoint, TopicArn: t.arn,
  });
  return [
    {
      def: apiDef('sns:Subscribe', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제를 구독합니다. 이메일 구독은 시뮬레이션의 수신자가 확인 링크를 바로 눌러 즉시 확인됩니다.' }),
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
        // An email subscription is pending until the recipient follows the link in the confirmation email, so
        // Subscribe answers "pending confirmation" unless ReturnSubscriptionArn is true. The simulated recipient
        // confirms at once; that unauthenticated ConfirmSubscription is not logged by CloudTrail (SNS developer
        // guide, "Logging Amazon SNS API calls using CloudTrail").
        const pendingAnswer = protocol.startsWith('email') && p['ReturnSubscriptionArn'] !== true && !existing;
        const answer = pendingAnswer ? 'pending confirmation' : sub.subscriptionArn;
        return { response: { SubscriptionArn: answer }, responseElements: { subscriptionArn: answer }, resources: topicResources(acct, t) };
      },
    },
    {
      def: apiDef('sns:Unsubscribe', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '구독을 해지합니다.' }),
      authz: (p) => ({ resource: (str(p, 'SubscriptionArn') ?? '').split(':').slice(0, 6).join(':') }),
      handler: (p, ctx) => {
        const arn = need(p, 'SubscriptionArn');
        const found = findSubscription(m, ctx.region, arn);
        if (!found) throw new AwsError('NotFound', 'Subscription does not exist', 404);
        found.topic.subscriptions = found.topic.subscriptions.filter((s) => s !== found.sub);
        return { response: {}, resources: topicResources(acct, found.topic) };
      },
    },
    {
      def: apiDef('sns:ListSubscriptionsByTopic', { readOnly: true, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제의 구독 목록을 조회합니다.' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      handler: (p, ctx) => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        return { response: { Subscriptions: t.subscriptions.map((s) => wireSub(t, s)) } };
      },
    },
    {
      def: apiDef('sns:GetTopicAttributes', { readOnly: true, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제의 속성(접근 정책 등)을 조회합니다.' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      handler: (p, ctx) => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        const confirmed = t.subscriptions.filter((s) => s.confirmed).length;
        const attributes: JsonObject = {
          ...t.attributes, Owner: acct, TopicArn: t.arn,
          SubscriptionsConfirmed: String(confirmed), SubscriptionsPending: String(t.subscriptions.length - confirmed), SubscriptionsDeleted: '0',
        };
        return { response: { Attributes: attributes } };
      },
    },
    {
      def: apiDef('sns:SetTopicAttributes', { readOnly: false, resourceTypes: ['AWS::SNS::Topic'], summaryKo: '주제의 속성(예: EventBridge가 게시하도록 허용하는 접근 정책)을 바꿉니다.' }),
      authz: (p) => ({ resource: str(p, 'TopicArn') ?? '' }),
      handler: (p, ctx) => {
        const t = m.topicByArn(ctx.region, need(p, 'TopicArn'));
        const name = need(p, 'AttributeName');
        if (!SETTABLE.includes(name)) throw new AwsError('InvalidParameter', 'Invalid parameter: AttributeName');
        const value = str(p, 'AttributeValue') ?? '';
        if (name === 'Policy' || name === 'DeliveryPolicy') {
          let doc: unknown;
          try {
            doc = JSON.parse(value);
          } catch {
            doc = undefined;
          }
          if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new AwsError('InvalidParameter', `Invalid parameter: ${name}`);
        }
        t.attributes[name] = value;
        if (name === 'DeliveryPolicy') t.attributes['EffectiveDeliveryPolicy'] = value;
        return { response: {}, resources: topicResources(acct, t) };
      },
    },
  ];
}
