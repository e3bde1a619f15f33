import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { SeededRandom } from '../../../simulator/core/random';
import {
  cloudTrailRecordToEvent,
  reachesDefaultBus,
  ruleReceives,
} from '../../../simulator/events/cloudtrail-event';
import { matchesPattern, parseEventPattern } from '../../../simulator/events/pattern';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

const apiCall = (overrides: Partial<CloudTrailRecord>): CloudTrailRecord =>
  rootConsoleLogin({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    eventType: 'AwsApiCall',
    readOnly: false,
    requestParameters: { userName: 'alice' },
    responseElements: null,
    additionalEventData: undefined,
    ...overrides,
  });

describe('cloudTrailRecordToEvent', () => {
  it('wraps a console sign-in in the EventBridge envelope, in AWS field order', () => {
    const record = rootConsoleLogin();
    const event = cloudTrailRecordToEvent(record, new SeededRandom(7));
    expect(Object.keys(event)).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'AWS Console Sign In via CloudTrail',
      source: 'aws.signin',
      account: '111122223333',
      time: '2024-06-10T08:15:32Z',
      region: 'us-east-1',
      resources: [],
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.detail).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('names each CloudTrail event type with its detail-type and derives the source from eventSource', () => {
    const cases: [Partial<CloudTrailRecord>, string, string][] = [
      [{ eventType: 'AwsApiCall', eventSource: 's3.amazonaws.com' }, 'AWS API Call via CloudTrail', 'aws.s3'],
      [{ eventType: 'AwsApiCall', eventSource: 'monitoring.amazonaws.com' }, 'AWS API Call via CloudTrail', 'aws.monitoring'],
      [{ eventType: 'AwsServiceEvent', eventSource: 'sso.amazonaws.com' }, 'AWS Service Event via CloudTrail', 'aws.sso'],
      [{ eventType: 'AwsConsoleAction', eventSource: 'signin.amazonaws.com' }, 'AWS Console Action via CloudTrail', 'aws.signin'],
      [{ eventType: 'AwsCloudTrailInsight', eventCategory: 'Insight' }, 'AWS Insight via CloudTrail', 'aws.cloudtrail'],
    ];
    for (const [overrides, detailType, source] of cases) {
      const event = cloudTrailRecordToEvent(apiCall(overrides), new SeededRandom(1));
      expect([event['detail-type'], event.source]).toEqual([detailType, source]);
    }
  });

  it('is deterministic for a given seed', () => {
    const a = cloudTrailRecordToEvent(rootConsoleLogin(), new SeededRandom(42));
    const b = cloudTrailRecordToEvent(rootConsoleLogin(), new SeededRandom(42));
    expect(a).toEqual(b);
  });

  it('is matched by the usual root-activity rule and not by an IAM-user sign-in', () => {
    const rule = parseEventPattern(
      JSON.stringify({ source: ['aws.signin'], 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } }),
    );
    expect(matchesPattern(rule, cloudTrailRecordToEvent(rootConsoleLogin(), new SeededRandom(1)))).toBe(true);
    const iamUser = rootConsoleLogin({ userIdentity: { type: 'IAMUser', userName: 'alice', accountId: '111122223333' } });
    expect(matchesPattern(rule, cloudTrailRecordToEvent(iamUser, new SeededRandom(1)))).toBe(false);
  });
});

describe('reachesDefaultBus', () => {
  const logging = { trailLogging: true };

  it('delivers nothing without a logging trail', () => {
    expect(reachesDefaultBus(apiCall({}), { trailLogging: false })).toEqual({ delivered: false, reason: 'no-logging-trail' });
  });

  it('delivers write management events and sign-ins to ENABLED rules', () => {
    for (const record of [apiCall({}), rootConsoleLogin()]) {
      const delivery = reachesDefaultBus(record, logging);
      expect(delivery).toEqual({ delivered: true, readOnlyManagement: false });
      expect(ruleReceives('ENABLED', delivery)).toBe(true);
      expect(ruleReceives('DISABLED', delivery)).toBe(false);
    }
  });

  it('offers read-only Get/List/Describe management events only to ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS rules', () => {
    for (const eventName of ['GetUser', 'ListUsers', 'DescribeInstances']) {
      const delivery = reachesDefaultBus(apiCall({ eventName, readOnly: true }), logging);
      expect(delivery).toEqual({ delivered: true, readOnlyManagement: true });
      expect(ruleReceives('ENABLED', delivery)).toBe(false);
      expect(ruleReceives('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', delivery)).toBe(true);
    }
  });

  it('always delivered read-only events named otherwise, and STS GetSessionToken / GetFederationToken', () => {
    const testPattern = apiCall({ eventSource: 'events.amazonaws.com', eventName: 'TestEventPattern', readOnly: true });
    expect(ruleReceives('ENABLED', reachesDefaultBus(testPattern, logging))).toBe(true);
    for (const eventName of ['GetSessionToken', 'GetFederationToken']) {
      const sts = apiCall({ eventSource: 'sts.amazonaws.com', eventName, readOnly: true });
      expect(ruleReceives('ENABLED', reachesDefaultBus(sts, logging))).toBe(true);
    }
  });

  it('delivers data events only when a trail logs them, read-only ones included', () => {
    const getObject = apiCall({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, eventCategory: 'Data', managementEvent: false });
    expect(reachesDefaultBus(getObject, logging)).toEqual({ delivered: false, reason: 'data-event-not-logged' });
    const delivery = reachesDefaultBus(getObject, { trailLogging: true, dataEventSelected: true });
    expect(ruleReceives('ENABLED', delivery)).toBe(true);
  });
});
