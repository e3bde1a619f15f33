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
});
