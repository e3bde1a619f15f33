// What the bus keeps between records instead of working it out again must give what working it out gives: the
// routing's Korean sentence, the Region's rule table after rules change, and where a target's ARN points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busReasonKo, writeBusReasonKo, type BusCode } from '../../../simulator/events/bus-reasons';
import { ok } from '../support';
import { account, ROOT, ruleToTopic, TOPIC } from './bus-setup';

const CODES: BusCode[] = ['DELIVERED', 'DELIVERED_READ_ONLY', 'NO_LOGGING_TRAIL', 'DATA_EVENT_NOT_LOGGED'];

describe('busReasonKo, sentences kept', () => {
  it('gives the sentence written afresh, in any order and asked again', () => {
    const question = fc.record({
      code: fc.constantFrom(...CODES),
      region: fc.constantFrom('us-east-1', 'ap-northeast-2', 'eu-west-1', ''),
      eventName: fc.constantFrom('ListBuckets', 'GetUser', 'Publish', 'DeleteBucket', ''),
      // Past the kept counts (32) and odd counts are written afresh.
      matched: fc.oneof(fc.nat({ max: 40 }), fc.constantFrom(-1, 1.5, Number.NaN)),
    });
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 40 }), (qs) => {
        for (const q of qs) {
          const record = { awsRegion: q.region, eventName: q.eventName };
          expect(busReasonKo(q.code, record, q.matched)).toBe(writeBusReasonKo(q.code, record, q.matched));
          // The same question with equal strings that are other objects.
          const copy = { awsRegion: [...q.region].join(''), eventName: [...q.eventName].join('') };
          expect(busReasonKo(q.code, copy, q.matched)).toBe(writeBusReasonKo(q.code, record, q.matched));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes records whose Region or event name is not a string as it always did', () => {
    const odd = { awsRegion: undefined, eventName: 7 } as unknown as { awsRegion: string; eventName: string };
    for (const code of CODES) expect(busReasonKo(code, odd, 2)).toBe(writeBusReasonKo(code, odd, 2));
    expect(busReasonKo('DELIVERED', { awsRegion: 'us-east-1', eventName: 'X' }, 2)).toBe('CloudTrail이 이 이벤트를 us-east-1 리전의 기본 이벤트 버스로 보냈습니다. 규칙 2개와 일치했습니다.');
  });
});

/** The names of the rules a call's record matched, from its routing. */
function matchedBy(r: { routing: unknown[] }): string[] {
  const bus = (r.routing[0] as { eventBridge?: { matchedRules?: { ruleName: string }[] } }).eventBridge;
  return (bus?.matchedRules ?? []).map((m) => m.ruleName);
}

describe('the Region rule table kept between records', () => {
  it('follows rules put, deleted and disabled in either Region while records alternate between them', () => {
    const { acct } = account({ topic: false });
    const pattern = JSON.stringify({ source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } });
    const east = { ...ROOT, region: 'us-east-1' };
    const west = { ...ROOT, region: 'eu-west-1' };
    const vpc = (ctx: typeof ROOT) => matchedBy(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ctx));
    ok(acct.call('events:PutRule', { Name: 'east-vpcs', EventPattern: pattern }, east));
    expect(vpc(east)).toEqual(['east-vpcs']);
    expect(vpc(west)).toEqual([]);
    ok(acct.call('events:PutRule', { Name: 'west-vpcs', EventPattern: pattern }, west));
    expect(vpc(east)).toEqual(['east-vpcs']);
    expect(vpc(east)).toEqual(['east-vpcs']);
    expect(vpc(west)).toEqual(['west-vpcs']);
    // A change in the Region the last record was in, and one in the other Region.
    ok(acct.call('events:DisableRule', { Name: 'west-vpcs' }, west));
    expect(vpc(west)).toEqual([]);
    ok(acct.call('events:PutRule', { Name: 'east-more', EventPattern: pattern }, east));
    expect(vpc(west)).toEqual([]);
    expect(vpc(east)).toEqual(['east-more', 'east-vpcs']);
    ok(acct.call('events:DeleteRule', { Name: 'east-vpcs' }, east));
    expect(vpc(east)).toEqual(['east-more']);
    ok(acct.call('events:EnableRule', { Name: 'west-vpcs' }, west));
    expect(vpc(west)).toEqual(['west-vpcs']);
  });
});

describe('target ARNs read once', () => {
  it('sends each target where its ARN points, and refuses a Region outside the account every time', () => {
    const { acct, seen } = account();
    ruleToTopic(acct, 'vpcs', { source: ['aws.ec2'], detail: { eventName: ['CreateVpc'] } });
    const elsewhere = 'arn:aws:sns:sa-east-1:123456789012:alerts';
    const otherRegion = 'arn:aws:sns:eu-west-1:123456789012:alerts';
    ok(acct.call('events:PutTargets', { Rule: 'vpcs', Targets: [{ Id: 'inbox', Arn: TOPIC }, { Id: 'far', Arn: elsewhere }, { Id: 'west', Arn: otherRegion }] }, ROOT));
    for (let i = 0; i < 3; i++) ok(acct.call('ec2:CreateVpc', { CidrBlock: '10.0.0.0/16' }, ROOT));
    const targets = seen.flatMap((e) => (e.type === 'target.invoked' ? [`${e.targetId} ${e.ok} ${e.errorCode ?? ''}`] : []));
    // The topic in eu-west-1 does not exist: SNS answers there, in that Region.
    expect(targets).toEqual(Array.from({ length: 3 }, () => ['inbox true ', 'far false Sim.InvalidRegion', 'west false NotFound']).flat());
    const publishes = seen.flatMap((e) => (e.type === 'record.written' && e.record.eventName === 'Publish' ? [e.record.awsRegion] : []));
    expect(publishes).toEqual(['us-east-1', 'eu-west-1', 'us-east-1', 'eu-west-1', 'us-east-1', 'eu-west-1']);
  });
});
