import { describe, expect, it } from 'vitest';
import type { ActionDef, Channel, CloudTrailRecord, HandlerContext, Json, JsonObject, Principal, UserIdentity } from '../../../simulator/core/contract';
import { SimClock } from '../../../simulator/core/clock';
import { SeededRandom } from '../../../simulator/core/random';
import { buildRecord, type RecordInput } from '../../../simulator/core/record';
import { recordText } from '../../../simulator/core/record-text';
import { apiDef } from '../../../simulator/core/service';

const record = (eventName: string): CloudTrailRecord => ({ eventVersion: '1.08', eventName, awsRegion: 'us-east-1' }) as unknown as CloudTrailRecord;

describe('recordText', () => {
  it('is JSON.stringify of the record, for each record in turn and again after another', () => {
    const a = record('CreateSubnet');
    const b = record('PutObject');
    expect(recordText(a)).toBe(JSON.stringify(a));
    expect(recordText(b)).toBe(JSON.stringify(b));
    expect(recordText(a)).toBe(JSON.stringify(a));
  });
});

// buildRecord's records are written from remembered runs of members; these shapes are drawn to reach every
// member present and absent, strings JSON must escape, values JSON leaves out, and the runs' memos reused,
// remade and overflowing.
const rnd = new SeededRandom(2026);
const pick = <T>(xs: readonly T[]): T => xs[rnd.int(0, xs.length)]!;
const maybe = <T>(v: T): T | undefined => (rnd.next() < 0.5 ? v : undefined);

const ODD = ['plain', 'say "hi"', 'back\\slash', 'line\nbreak\ttab', 'nul\u0000byte', 'lone \ud800 high', 'lone \udc00 low', '😀 pair', '한국어', '\u2028\u2029', '</script>', ''];
const oddString = () => pick(ODD) + (rnd.next() < 0.3 ? String(rnd.int(0, 5)) : '');

function oddValue(depth: number): Json | undefined {
  switch (rnd.int(0, depth > 2 ? 5 : 8)) {
    case 0: return oddString();
    case 1: return pick([0, -0, 1.5, 1e21, -7, Number.NaN, Number.POSITIVE_INFINITY]);
    case 2: return pick([true, false]);
    case 3: return null;
    case 4: return undefined;
    case 5: return Array.from({ length: rnd.int(0, 4) }, () => oddValue(depth + 1) as Json);
    default: return oddObject(depth + 1);
  }
}
function oddObject(depth = 0): JsonObject {
  const o: Record<string, Json | undefined> = {};
  for (let i = rnd.int(0, 4); i > 0; i--) o[pick(['name', 'Host', '2', '10', 'a"b', 'x-amz-id-2', oddString()])] = oddValue(depth);
  return o as JsonObject;
}

const DEFS: ActionDef[] = [
  apiDef('s3:ListBuckets', { readOnly: true, summaryKo: '' }),
  apiDef('s3:PutObject', { readOnly: false, category: 'Data', summaryKo: '' }),
  apiDef('iam:GetUser', { readOnly: true, globalService: true, summaryKo: '' }),
  apiDef('ec2:DescribeVpcs', { readOnly: true, summaryKo: '' }),
  { ...apiDef('iam:GetUser', { readOnly: false, summaryKo: '' }), api: 'signin:ConsoleLogin', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventType: 'AwsConsoleSignIn', apiCall: false },
];
const sharedIdentities: UserIdentity[] = [
  { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
  { type: 'IAMUser', principalId: 'AIDA', arn: 'arn:aws:iam::123456789012:user/"q"', accountId: '123456789012', userName: '"q"\n' },
];
function principal(): Principal {
  if (rnd.next() < 0.2) {
    const name = pick(['events.amazonaws.com', 'lambda.amazonaws.com']);
    return { kind: 'service', arn: name, userName: name, identity: { type: 'AWSService', invokedBy: name } };
  }
  const n = rnd.int(0, 6);
  const identity = rnd.next() < 0.7 ? pick(sharedIdentities) : { type: 'IAMUser' as const, arn: `arn:aws:iam::123456789012:user/u${n}`, userName: oddString() };
  return { kind: 'user', arn: `arn:aws:iam::123456789012:user/u${n}`, userName: `u${n}`, identity };
}
const clock = new SimClock(Date.parse('2026-01-01T00:00:00Z'));
function input(): RecordInput {
  const channel = pick<Channel>(['console', 'cli', 'sdk', 'service']);
  const p = principal();
  const ctx: HandlerContext = {
    accountId: pick(['123456789012', '210987654321']), region: 'us-east-1', clock, random: rnd, principal: p.kind === 'service' ? p : p,
    channel: p.kind === 'service' ? 'service' : channel, requestId: pick([rnd.uuid(), oddString()]),
  };
  const requestParameters = pick([null, oddObject(), { Host: pick(['b.s3.us-east-1.amazonaws.com', 'c.s3.eu-west-1.amazonaws.com']), bucketName: oddString() }]);
  const i: RecordInput = {
    def: pick(DEFS), ctx, awsRegion: rnd.next() < 0.05 ? `r-${rnd.int(0, 400)}` : pick(['us-east-1', 'eu-west-1', 'ap-northeast-2', 'we"ird']),
    requestParameters, responseElements: pick([null, oddObject()]), eventId: pick([rnd.uuid(), oddString()]),
  };
  const extra = maybe(oddObject());
  if (extra) i.additionalEventData = extra;
  const resources = maybe(pick([[], [{ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${oddString()}` }], [{ accountId: '123456789012', type: 'AWS::IAM::User', ARN: 'x' }]]));
  if (resources) i.resources = resources;
  const error = maybe(pick([{ code: 'NoSuchBucket', message: oddString() }, { message: 'no code "here"' }, { code: '', message: '' }]));
  if (error) i.error = error;
  if (rnd.next() < 0.1) i.userIdentity = { type: 'AWSAccount', accountId: oddString() };
  return i;
}

describe('recordText of records buildRecord makes', () => {
  it('is JSON.stringify of the record over thousands of shapes, with the memos reused and remade', () => {
    for (let n = 0; n < 6000; n++) {
      if (n % 50 === 0) clock.set(clock.now() + rnd.int(0, 2) * 60_000);
      const rec = buildRecord(input());
      expect(recordText(rec)).toBe(JSON.stringify(rec));
      expect(recordText(rec)).toBe(JSON.stringify(rec));
    }
  });

  it('a record built before another is stringified whole and still exact', () => {
    for (let n = 0; n < 300; n++) {
      const a = buildRecord(input());
      const b = buildRecord(input());
      expect(recordText(a)).toBe(JSON.stringify(a));
      expect(recordText(b)).toBe(JSON.stringify(b));
      expect(recordText(a)).toBe(JSON.stringify(a));
    }
  });

  it('an equal identity in a new object, or a record with a different eventVersion, is not mistaken for a kept one', () => {
    const def = DEFS[3]!;
    const ctxFor = (identity: UserIdentity): HandlerContext => ({
      accountId: '123456789012', region: 'us-east-1', clock, random: rnd, channel: 'cli', requestId: 'r',
      principal: { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice', userName: 'alice', identity },
    });
    const texts = new Set<string>();
    for (const userName of ['alice', 'bob', 'alice']) {
      const rec = buildRecord({ def, ctx: ctxFor({ type: 'IAMUser', userName }), awsRegion: 'us-east-1', requestParameters: null, responseElements: null, eventId: 'e' });
      expect(recordText(rec)).toBe(JSON.stringify(rec));
      texts.add(recordText(rec));
    }
    expect(texts.size).toBe(2);
    // toJSON is handed the member's name, as JSON.stringify of the whole record hands it.
    const named = { toJSON: (key: string) => `${key}!` } as unknown as JsonObject;
    const withToJson = buildRecord({ def, ctx: ctxFor(sharedIdentities[1]!), awsRegion: 'us-east-1', requestParameters: named, responseElements: named, additionalEventData: named, eventId: 'e' });
    expect(recordText(withToJson)).toBe(JSON.stringify(withToJson));
    expect(recordText(withToJson)).toContain('"requestParameters":"requestParameters!"');
    const hand = { ...buildRecord({ def, ctx: ctxFor(sharedIdentities[0]!), awsRegion: 'us-east-1', requestParameters: null, responseElements: null, eventId: 'e' }), eventVersion: '1.08' };
    expect(recordText(hand)).toBe(JSON.stringify(hand));
  });

  it('a record whose members ask for its text while it is written, or cannot be written, leaves later texts exact', () => {
    const def = DEFS[1]!;
    const ctx: HandlerContext = {
      accountId: '123456789012', region: 'us-east-1', clock, random: rnd, channel: 'cli', requestId: 'r',
      principal: { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice', userName: 'alice', identity: sharedIdentities[1]! },
    };
    const made = (requestParameters: JsonObject) => buildRecord({ def, ctx, awsRegion: 'us-east-1', requestParameters, responseElements: { ok: 'yes' }, eventId: 'e' });
    let asked = false;
    let seen = '';
    const params = {
      a: 'x'.repeat(40),
      get b() {
        if (!asked) {
          asked = true;
          seen = recordText(rec);
        }
        return ['inner', 1];
      },
      c: { d: null },
    } as unknown as JsonObject;
    const rec = made(params);
    const text = recordText(rec);
    expect(asked).toBe(true);
    expect(text).toBe(JSON.stringify(rec));
    expect(seen).toBe(JSON.stringify(rec));
    const refused = made({ n: 1n } as unknown as JsonObject);
    expect(() => recordText(refused)).toThrow(TypeError);
    const after = made({ bucketName: 'b', list: [1, 2, 3] });
    expect(recordText(after)).toBe(JSON.stringify(after));
  });
});
