import { AwsError, type ActionDef, type JsonObject, type Principal } from '../core/contract';
import { eventTime, isoMillis } from '../core/clock';
import { str, type ActionSpec } from '../core/service';
import type { Delivery, SnsModel } from './model';

// The learner's mailbox: not an AWS API. Reading mail is nothing AWS sees, so these calls are never recorded
// and need neither a console session nor an access key.
function simDef(name: string, readOnly: boolean, summaryKo: string): ActionDef {
  return {
    api: `sim:${name}`, eventSource: 'sim', eventName: name, readOnly, category: 'Management', apiCall: false, eventType: 'AwsApiCall',
    resourceTypes: [], globalService: false, summaryKo, recordedByCloudTrail: false,
  };
}

/** How the mail client shows an `email` delivery: SNS sends from "AWS Notifications" (or the topic's
 *  DisplayName), uses "AWS Notification Message" when Publish gave no Subject, and ends the body with the
 *  unsubscribe footer. `email-json` receives the notification's JSON document instead. */
function asEmail(d: Delivery, displayName: string, message: string): JsonObject {
  const region = d.topicArn.split(':')[3] ?? '';
  const unsubscribe = `https://sns.${region}.amazonaws.com/unsubscribe.html?SubscriptionArn=${d.subscriptionArn}&Endpoint=${d.endpoint}`;
  const from = `${displayName || 'AWS Notifications'} <no-reply@sns.amazonaws.com>`;
  const subject = d.subject ?? 'AWS Notification Message';
  if (d.protocol === 'email-json') {
    const doc = { Type: 'Notification', MessageId: d.messageId, TopicArn: d.topicArn, ...(d.subject !== null ? { Subject: d.subject } : {}), Message: message, Timestamp: isoMillis(d.timestamp), UnsubscribeURL: unsubscribe };
    return { From: from, EmailSubject: subject, EmailBody: JSON.stringify(doc) };
  }
  const footer =
    '\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n' +
    `${unsubscribe}\n\nPlease do not reply directly to this email. If you have any questions or comments regarding this email, please contact us at https://aws.amazon.com/support`;
  return { From: from, EmailSubject: subject, EmailBody: message + footer };
}

/** `d` as ReadInbox lists it. Its message is read once: a kept delivery's is rebuilt on each read. */
function wire(d: Delivery, displayName: string): JsonObject {
  const message = d.message;
  return {
    Id: d.id, Protocol: d.protocol, Endpoint: d.endpoint, TopicArn: d.topicArn, SubscriptionArn: d.subscriptionArn, MessageId: d.messageId,
    Subject: d.subject, Message: message, Timestamp: eventTime(d.timestamp), Read: d.read, ...asEmail(d, displayName, message),
    ...(d.origin ? { Origin: d.origin as unknown as JsonObject } : {}),
  };
}

export function inboxActions(m: SnsModel): ActionSpec[] {
  const reader = (): Principal => ({ kind: 'service', arn: 'sim.inbox', userName: 'sim.inbox', identity: { type: 'AWSService', invokedBy: 'sim.inbox' } });
  return [
    {
      def: simDef('ReadInbox', true, '시뮬레이션의 받은편지함(SNS 이메일 구독으로 받은 알림)을 최신순으로 읽습니다(MaxResults로 개수 제한, 0이면 개수만). AWS 호출이 아니므로 기록되지 않습니다.'),
      authz: null,
      resolveCaller: reader,
      handler: (p) => {
        const endpoint = str(p, 'Endpoint');
        const unreadOnly = p['UnreadOnly'] === true;
        const max = p['MaxResults'];
        if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 0)) {
          throw new AwsError('Sim.InvalidParameter', 'MaxResults must be a whole number, 0 or more (0 lists nothing and only counts)');
        }
        const mine = m.deliveries.filter((d) => d.protocol.startsWith('email') && (endpoint === undefined || d.endpoint === endpoint));
        const shown = mine.filter((d) => !unreadOnly || !d.read);
        const unread = mine.filter((d) => !d.read).length;
        // A mailbox grows with every alarm and rule match: the screen asks for the newest page and the tab's
        // count asks for none, instead of every message written out on every change.
        if (max === 0) return { response: { Notifications: [], UnreadCount: unread, TotalCount: shown.length } };
        // Newest first, as a mail client lists them. Each sort key is read once: a kept delivery's members are
        // rebuilt on every read (kept-delivery.ts).
        const ordered = shown.map((d) => ({ d, at: d.timestamp, id: d.id })).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
        const listed = max === undefined ? ordered : ordered.slice(0, max);
        return { response: { Notifications: listed.map(({ d }) => wire(d, m.findTopic(d.topicArn)?.attributes['DisplayName'] ?? '')), UnreadCount: unread, TotalCount: shown.length } };
      },
    },
    {
      def: simDef('MarkNotificationRead', false, '받은편지함의 알림을 읽음으로 표시합니다(Id, 또는 All: true).'),
      authz: null,
      resolveCaller: reader,
      handler: (p) => {
        const id = str(p, 'Id');
        if (p['All'] === true) {
          for (const d of m.deliveries) d.read = true;
          return { response: { Marked: m.deliveries.length } };
        }
        if (!id) throw new AwsError('Sim.InvalidParameter', 'give Id (a notification id from sim:ReadInbox) or All: true');
        const d = m.deliveries.find((x) => x.id === id);
        if (!d) throw new AwsError('Sim.NoSuchNotification', `no notification with Id ${JSON.stringify(id)}`);
        d.read = p['Read'] !== false;
        return { response: { Marked: 1 } };
      },
    },
  ];
}
