import { describe, expect, it } from 'vitest';
import type { ActionDef, Channel, HandlerContext, Principal } from '../../../simulator/core/contract';
import { endpointHost, sourceIpFor, tlsFor, userAgentFor } from '../../../simulator/core/channel';
import { SimClock } from '../../../simulator/core/clock';
import { SeededRandom } from '../../../simulator/core/random';
import { buildRecord, serviceOf } from '../../../simulator/core/record';
import { apiDef } from '../../../simulator/core/service';

const DEFS: ActionDef[] = [
  apiDef('s3:ListBuckets', { readOnly: true, summaryKo: '' }),
  apiDef('iam:GetUser', { readOnly: true, globalService: true, summaryKo: '' }),
  apiDef('ec2:DescribeSecurityGroups', { readOnly: true, summaryKo: '' }),
  apiDef('cloudwatch:PutMetricAlarm', { readOnly: false, summaryKo: '' }),
];
const user: Principal = { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice', userName: 'alice', identity: { type: 'IAMUser' } };
const service: Principal = { kind: 'service', arn: 'events.amazonaws.com', userName: 'events.amazonaws.com', identity: { type: 'AWSService', invokedBy: 'events.amazonaws.com' } };

function ctx(channel: Channel, principal: Principal): HandlerContext {
  return { accountId: '123456789012', region: 'us-east-1', clock: new SimClock(0), random: new SeededRandom(1), principal, channel, requestId: 'r' };
}

describe('buildRecord with kept per-action, per-caller and per-host parts', () => {
  it('userAgent, sourceIPAddress and tlsDetails are what the channel rules give, call after call', () => {
    for (let round = 0; round < 3; round++) {
      for (const def of DEFS) {
        for (const channel of ['console', 'cli', 'sdk', 'service'] as Channel[]) {
          const principal = channel === 'service' ? service : { ...user, arn: `arn:aws:iam::123456789012:user/u${round}` };
          for (const region of ['us-east-1', 'eu-west-1']) {
            const rec = buildRecord({ def, ctx: ctx(channel, principal), awsRegion: region, requestParameters: null, responseElements: null, eventId: 'e' });
            const svc = def.api.split(':')[0]!;
            expect(serviceOf(def)).toBe(svc);
            expect(rec.userAgent).toBe(userAgentFor(channel, svc, def.eventName, channel === 'service' ? principal.arn : undefined));
            expect(rec.sourceIPAddress).toBe(channel === 'service' ? principal.arn : sourceIpFor(principal.arn));
            expect(rec.tlsDetails).toEqual(channel === 'service' ? undefined : tlsFor(channel, endpointHost(svc, region)));
          }
        }
      }
    }
  });

  it('an S3 request names its own Host in tlsDetails, for more hosts and callers than are kept at once', () => {
    const def = DEFS[0]!;
    for (let i = 0; i < 2500; i++) {
      const host = `bucket-${i % 1300}.s3.us-east-1.amazonaws.com`;
      const principal = { ...user, arn: `arn:aws:iam::123456789012:user/p${i % 1100}` };
      const channel: Channel = i % 2 ? 'cli' : 'sdk';
      const rec = buildRecord({ def, ctx: ctx(channel, principal), awsRegion: 'us-east-1', requestParameters: { Host: host }, responseElements: null, eventId: 'e' });
      expect(rec.tlsDetails).toEqual({ tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host });
      expect(rec.sourceIPAddress).toBe(sourceIpFor(principal.arn));
    }
  });

  it('console sign-in keeps the browser agent and no request id, tlsDetails or console flag', () => {
    const def: ActionDef = { ...apiDef('iam:GetUser', { readOnly: false, summaryKo: '' }), api: 'signin:ConsoleLogin', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn', apiCall: false };
    const rec = buildRecord({ def, ctx: ctx('console', user), awsRegion: 'us-east-1', requestParameters: null, responseElements: null, eventId: 'e' });
    expect(rec.userAgent).toMatch(/^Mozilla\/5\.0/);
    expect(rec.requestID).toBeUndefined();
    expect(rec.tlsDetails).toBeUndefined();
    expect(rec.sessionCredentialFromConsole).toBeUndefined();
    expect(serviceOf(def)).toBe('signin');
  });

  it('a record is a plain object with only the members it has, in CloudTrail\'s order, whatever its shape', () => {
    const ORDER = [
      'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage',
      'requestParameters', 'responseElements', 'additionalEventData', 'requestID', 'eventID', 'readOnly', 'resources', 'eventType', 'managementEvent',
      'recipientAccountId', 'eventCategory', 'tlsDetails', 'sessionCredentialFromConsole',
    ];
    const signIn: ActionDef = { ...apiDef('iam:GetUser', { readOnly: false, summaryKo: '' }), api: 'signin:ConsoleLogin', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn', apiCall: false };
    const errors = [undefined, { message: 'm' }, { code: 'C', message: 'm' }];
    const shapes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const def = i % 7 === 0 ? signIn : DEFS[i % DEFS.length]!;
      const channel = (['console', 'cli', 'sdk', 'service'] as Channel[])[i % 4]!;
      const rec = buildRecord({
        def, ctx: ctx(channel, channel === 'service' ? service : user), awsRegion: 'us-east-1', requestParameters: i % 3 ? { Host: 'h.example' } : null,
        responseElements: i % 5 ? null : { ok: true }, additionalEventData: i % 2 ? { x: 1 } : undefined, resources: [[], undefined, [{ type: 'AWS::S3::Bucket', ARN: 'a' }]][i % 3],
        error: errors[i % 3], userIdentity: i % 11 ? undefined : { type: 'Unknown' }, eventId: `e${i}`,
      });
      expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
      const keys = Object.keys(rec);
      expect(keys).toEqual(ORDER.filter((k) => keys.includes(k)));
      expect(Object.values(rec)).not.toContain(undefined);
      // The same members copied into a literal give the same text (what every writer of records relies on).
      expect(JSON.stringify(rec)).toBe(JSON.stringify(Object.fromEntries(Object.entries(rec))));
      shapes.add(keys.join());
    }
    expect(shapes.size).toBeGreaterThanOrEqual(15);
  });
});
