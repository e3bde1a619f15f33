import { describe, expect, it } from 'vitest';
import { defaultTopicPolicy } from '../../../simulator/sns';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

const ARN = 'arn:aws:sns:us-east-1:123456789012:alerts';

describe('SNS subscriptions and topic attributes', () => {
  it('an email Subscribe answers "pending confirmation"; the simulated recipient confirms at once', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    const r = acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c);
    expect(ok(r)).toEqual({ SubscriptionArn: 'pending confirmation' });
    expect(onlyRecord(r).responseElements).toEqual({ subscriptionArn: 'pending confirmation' });
    const subs = ok(acct.call('sns:ListSubscriptionsByTopic', { TopicArn: ARN }, c))['Subscriptions'] as Record<string, string>[];
    expect(subs).toEqual([{ SubscriptionArn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:alerts:[0-9a-f-]{36}$/), Owner: '123456789012', Protocol: 'email', Endpoint: 'me@example.com', TopicArn: ARN }]);
    const withArn = ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'other@example.com', ReturnSubscriptionArn: true }, c));
    expect(withArn['SubscriptionArn']).toMatch(/^arn:aws:sns:/);
    const un = acct.call('sns:Unsubscribe', { SubscriptionArn: subs[0]!['SubscriptionArn']! }, c);
    ok(un);
    expect(onlyRecord(un).requestParameters).toEqual({ subscriptionArn: subs[0]!['SubscriptionArn'] });
    expect((ok(acct.call('sns:ListSubscriptionsByTopic', { TopicArn: ARN }, c))['Subscriptions'] as unknown[]).length).toBe(1);
    const again = acct.call('sns:Unsubscribe', { SubscriptionArn: subs[0]!['SubscriptionArn']! }, c);
    expect(again.ok ? '' : again.error).toEqual({ code: 'NotFound', message: 'Subscription does not exist' });
    ok(acct.call('sns:Publish', { TopicArn: ARN, Message: 'hello' }, c));
    expect(acct.sns.model.deliveries.map((d) => d.endpoint)).toEqual(['other@example.com']);
  });

  it('GetTopicAttributes shows the default policy; SetTopicAttributes replaces it and checks its input', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    const attrs = ok(acct.call('sns:GetTopicAttributes', { TopicArn: ARN }, c))['Attributes'] as Record<string, string>;
    expect(attrs).toMatchObject({ TopicArn: ARN, Owner: '123456789012', SubscriptionsConfirmed: '1', SubscriptionsPending: '0', DisplayName: '', Policy: defaultTopicPolicy(ARN, '123456789012') });
    expect(JSON.parse(attrs['Policy']!)).toMatchObject({ Id: '__default_policy_ID', Statement: [{ Principal: { AWS: '*' }, Condition: { StringEquals: { 'AWS:SourceOwner': '123456789012' } } }] });
    const set = acct.call('sns:SetTopicAttributes', { TopicArn: ARN, AttributeName: 'DisplayName', AttributeValue: 'Alerts' }, c);
    ok(set);
    expect(onlyRecord(set).requestParameters).toEqual({ topicArn: ARN, attributeName: 'DisplayName', attributeValue: 'Alerts' });
    expect((ok(acct.call('sns:GetTopicAttributes', { TopicArn: ARN }, c))['Attributes'] as Record<string, string>)['DisplayName']).toBe('Alerts');
    const badName = acct.call('sns:SetTopicAttributes', { TopicArn: ARN, AttributeName: 'Colour', AttributeValue: 'x' }, c);
    expect(badName.ok ? '' : badName.error).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: AttributeName' });
    const badPolicy = acct.call('sns:SetTopicAttributes', { TopicArn: ARN, AttributeName: 'Policy', AttributeValue: '{not json' }, c);
    expect(badPolicy.ok ? '' : badPolicy.error.code).toBe('InvalidParameter');
  });
});

describe('the in-app inbox (sim:ReadInbox, sim:MarkNotificationRead)', () => {
  it('lists email deliveries newest first with read flags, is never recorded and needs no sign-in', () => {
    const { acct, ingested } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'boss@example.com' }, c));
    ok(acct.call('sns:Publish', { TopicArn: ARN, Subject: 'first', Message: 'one' }, c));
    acct.advance('PT1M');
    ok(acct.call('sns:Publish', { TopicArn: ARN, Subject: 'second', Message: 'two' }, c));
    const before = ingested.length;
    // An IAM user with no console session reads mail without a ConsoleLogin being recorded.
    ok(acct.call('iam:CreateUser', { UserName: 'ann' }, c));
    const annInbox = acct.call('sim:ReadInbox', { Endpoint: 'me@example.com' }, { as: 'ann', region: 'us-east-1', via: 'console' });
    expect(annInbox.records).toEqual([]);
    expect(ingested.length).toBe(before + 1);
    const mine = ok(annInbox);
    expect(mine['UnreadCount']).toBe(2);
    const list = mine['Notifications'] as Record<string, unknown>[];
    expect(list.map((n) => [n['Subject'], n['Message'], n['Read'], n['Timestamp']])).toEqual([
      ['second', 'two', false, '2026-11-01T00:01:00Z'],
      ['first', 'one', false, '2026-11-01T00:00:00Z'],
    ]);
    ok(acct.call('sim:MarkNotificationRead', { Id: list[1]!['Id'] as string }, c));
    const unread = ok(acct.call('sim:ReadInbox', { Endpoint: 'me@example.com', UnreadOnly: true }, c));
    expect([unread['UnreadCount'], (unread['Notifications'] as unknown[]).length]).toEqual([1, 1]);
    expect(ok(acct.call('sim:MarkNotificationRead', { All: true }, c))['Marked']).toBe(4);
    expect(ok(acct.call('sim:ReadInbox', {}, c))['UnreadCount']).toBe(0);
    const missing = acct.call('sim:MarkNotificationRead', { Id: 'msg-999999' }, c);
    expect(missing.ok ? '' : missing.error.code).toBe('Sim.NoSuchNotification');
  });

  it('lists only the newest MaxResults, counts all of them, and with MaxResults 0 only counts', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    for (let i = 0; i < 5; i++) {
      ok(acct.call('sns:Publish', { TopicArn: ARN, Subject: `n${i}`, Message: String(i) }, c));
      acct.advance('PT1M');
    }
    const all = ok(acct.call('sim:ReadInbox', {}, c));
    const two = ok(acct.call('sim:ReadInbox', { MaxResults: 2 }, c));
    expect(two['Notifications']).toEqual((all['Notifications'] as unknown[]).slice(0, 2));
    expect((two['Notifications'] as { Subject: string }[]).map((n) => n.Subject)).toEqual(['n4', 'n3']);
    expect([two['UnreadCount'], two['TotalCount'], all['TotalCount']]).toEqual([5, 5, 5]);
    ok(acct.call('sim:MarkNotificationRead', { Id: (all['Notifications'] as { Id: string }[])[0]!.Id }, c));
    expect(ok(acct.call('sim:ReadInbox', { MaxResults: 0, UnreadOnly: true }, c))).toEqual({ Notifications: [], UnreadCount: 4, TotalCount: 4 });
    for (const bad of [-1, 1.5, '3']) {
      const r = acct.call('sim:ReadInbox', { MaxResults: bad }, c);
      expect(r.ok ? '' : r.error.code).toBe('Sim.InvalidParameter');
    }
  });

  it('shows each delivery as the mail arrives: sender, default subject, unsubscribe footer; email-json gets the JSON document', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email-json', Endpoint: 'robot@example.com' }, c));
    ok(acct.call('sns:Publish', { TopicArn: ARN, Message: 'disk full' }, c));
    ok(acct.call('sns:SetTopicAttributes', { TopicArn: ARN, AttributeName: 'DisplayName', AttributeValue: 'Ops' }, c));
    const [mail] = ok(acct.call('sim:ReadInbox', { Endpoint: 'me@example.com' }, c))['Notifications'] as Record<string, string>[];
    expect(mail!['From']).toBe('Ops <no-reply@sns.amazonaws.com>');
    expect(mail!['EmailSubject']).toBe('AWS Notification Message');
    expect(mail!['EmailBody']).toMatch(/^disk full\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\nhttps:\/\/sns\.us-east-1\.amazonaws\.com\/unsubscribe\.html\?SubscriptionArn=arn:aws:sns:us-east-1:123456789012:alerts:/);
    const [json] = ok(acct.call('sim:ReadInbox', { Endpoint: 'robot@example.com' }, c))['Notifications'] as Record<string, string>[];
    expect(JSON.parse(json!['EmailBody']!)).toMatchObject({ Type: 'Notification', TopicArn: ARN, Message: 'disk full', Timestamp: '2026-11-01T00:00:00.000Z' });
  });

  it('every delivery is announced as a notification.delivered SimEvent', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const seen: unknown[] = [];
    acct.bus.on((e) => {
      if (e.type === 'notification.delivered') seen.push(e);
    });
    ok(acct.call('sns:CreateTopic', { Name: 'alerts' }, c));
    ok(acct.call('sns:Subscribe', { TopicArn: ARN, Protocol: 'email', Endpoint: 'me@example.com' }, c));
    const id = ok(acct.call('sns:Publish', { TopicArn: ARN, Subject: 's', Message: 'm' }, c))['MessageId'];
    expect(seen).toEqual([
      { type: 'notification.delivered', topicArn: ARN, deliveryId: 'msg-000001', protocol: 'email', endpoint: 'me@example.com', messageId: id, subject: 's', atMs: acct.clock.now(), origin: { kind: 'api', publisher: 'arn:aws:iam::123456789012:root' } },
    ]);
  });
});
