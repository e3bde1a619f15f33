// What the default bus makes only when needed must be what it used to make at once: the event's JSON text spliced
// around the record's text, the event id hashed when a rule matches or the routing is read, and target ARNs
// read without splitting them.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, JsonObject } from '../../../simulator/core/contract';
import { recordText } from '../../../simulator/core/record-text';
import { DefaultBus, eventIdFor, type BusPorts } from '../../../simulator/events/bus';
import { arnPart } from '../../../simulator/events/bus-wiring';
import { cloudTrailEventText, cloudTrailEventView, reachesDefaultBus } from '../../../simulator/events/cloudtrail-event';
import { EventsModel, type Rule } from '../../../simulator/events/model';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

const rule = (name: string, pattern: object, targets: JsonObject[] = []): Rule => ({
  name, arn: `arn:aws:events:us-east-1:111122223333:rule/${name}`, eventPattern: JSON.stringify(pattern), scheduleExpression: null,
  state: 'ENABLED', description: '', targets,
});
const whole = (id: string): JsonObject => ({ Id: id, Arn: 'arn:aws:sns:us-east-1:111122223333:t' });

/** Records whose JSON needs escapes, non-ASCII text, lone surrogates and members JSON leaves out or rewrites. */
function unusualRecords(): CloudTrailRecord[] {
  const base = rootConsoleLogin();
  return [
    base,
    { ...base, eventID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', userAgent: 'quote " backslash \\ tab \t newline \n nul \u0000 del \u007f' },
    { ...base, eventID: 'bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee', userAgent: '한국어 ✓ 🚀 \u2028\u2029 lone \ud800 and \udfff' },
    { ...base, eventID: 'cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee', errorCode: undefined, additionalEventData: { n: Number.NaN, inf: Number.POSITIVE_INFINITY, list: [undefined, -0] } } as unknown as CloudTrailRecord,
    { ...base, eventID: 'dddddddd-bbbb-4ccc-8ddd-eeeeeeeeeeee', awsRegion: 'ap-northeast-2', eventTime: '2026-11-01T00:00:00Z', recipientAccountId: '"odd"\\account' },
  ];
}

describe('cloudTrailEventText', () => {
  it('is JSON.stringify(event) for the event of a record, whatever the record holds', () => {
    for (const record of unusualRecords()) {
      const event = cloudTrailEventView(record, eventIdFor(record));
      expect(cloudTrailEventText(event, JSON.stringify(record))).toBe(JSON.stringify(event));
    }
  });

  it('writes every UTF-16 code unit in the envelope as JSON.stringify does', () => {
    const record = rootConsoleLogin();
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const event = { ...cloudTrailEventView(record, `id${ch}`), region: `a${ch}b`, time: ch, detail: {} };
      const text = cloudTrailEventText(event, '{}');
      if (text !== JSON.stringify(event)) expect(text, `code unit ${c}`).toBe(JSON.stringify(event));
    }
    // Surrogates in pairs are written as they are by both.
    const paired = { ...cloudTrailEventView(record, '🚀'), source: 'x🚀y\ud83d', detail: {} };
    expect(cloudTrailEventText(paired, '{}')).toBe(JSON.stringify(paired));
  });

  it('falls back to JSON.stringify where an envelope member is not a string', () => {
    const record = { ...rootConsoleLogin(), recipientAccountId: undefined } as unknown as CloudTrailRecord;
    const event = cloudTrailEventView(record, 'id');
    const text = cloudTrailEventText(event, JSON.stringify(record));
    expect(text).toBe(JSON.stringify(event));
    expect(text).not.toContain('"account"');
  });
});

/** A bus over `model` whose targets keep the input they were given and whose emits are kept. */
function busOver(model: EventsModel) {
  const inputs: Array<{ target: string; input: string; eventId: string }> = [];
  const matched: string[] = [];
  const ports: BusPorts = {
    clock: { now: () => Date.parse('2024-06-10T08:16:00Z') } as BusPorts['clock'],
    emit: (e) => (e.type === 'rule.matched' ? matched.push(e.eventId) : undefined),
    invoke: (target, input, _rule, event) => (inputs.push({ target: target.id, input, eventId: event.id }), { ok: true }),
  };
  const bus = new DefaultBus(model, ports);
  /** Offers `record` as a logged record; `before` runs between CloudTrail's part and the bus's. */
  const offer = (record: CloudTrailRecord, before?: () => void): JsonObject => {
    const routing: JsonObject = { trails: [{ code: 'LOGGED' }] };
    bus.offerRecord(record, routing);
    before?.();
    bus.drain();
    return routing['eventBridge'] as JsonObject;
  };
  return { offer, inputs, matched };
}

describe('the whole event handed to targets', () => {
  it('is the JSON text of the event, spliced or not, for every kind of record', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('all', { source: ['aws.signin'] }, [whole('a'), whole('b')]));
    model.putRule('ap-northeast-2', rule('seoul', { source: ['aws.signin'] }, [whole('s')]));
    const { offer, inputs } = busOver(model);
    const records = unusualRecords();
    for (const [i, record] of records.entries()) {
      // CloudTrail has usually just made the record's text; sometimes another record's (a nested call), or none.
      offer(record, i % 3 === 0 ? () => recordText(record) : i % 3 === 1 ? () => recordText(rootConsoleLogin({ eventID: `other-${i}` })) : undefined);
    }
    const expected = records.flatMap((r) => {
      const text = JSON.stringify(cloudTrailEventView(r, eventIdFor(r)));
      return r.awsRegion === 'us-east-1' ? [text, text] : [text];
    });
    expect(inputs.map((x) => x.input)).toEqual(expected);
  });
});

describe('the event id', () => {
  it('is the same in the routing, the emitted events and the target input, whether or not a rule matched', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('s3-only', { source: ['aws.s3'] }));
    model.putRule('us-east-1', rule('signin', { source: ['aws.signin'], detail: { eventName: ['ConsoleLogin'] } }, [whole('w')]));
    const { offer, inputs, matched } = busOver(model);
    const hit = rootConsoleLogin();
    const miss = rootConsoleLogin({ eventID: '99999999-2222-4333-8444-555555555555', eventName: 'ConsoleLogout' });
    const hitRouting = offer(hit);
    const missRouting = offer(miss);
    expect(matched).toEqual([eventIdFor(hit)]);
    expect(inputs.map((x) => x.eventId)).toEqual([eventIdFor(hit)]);
    expect((JSON.parse(inputs[0]!.input) as { id: string }).id).toBe(eventIdFor(hit));
    expect(hitRouting['eventId']).toBe(eventIdFor(hit));
    expect(missRouting['eventId']).toBe(eventIdFor(miss));
    // Read twice, the same.
    expect(missRouting['eventId']).toBe(eventIdFor(miss));
  });

  it('reads like a plain member: keys, JSON text, spreads and structured clones', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('s3-only', { source: ['aws.s3'] }));
    const { offer } = busOver(model);
    const record = rootConsoleLogin();
    const routing = offer(record);
    const plain = {
      region: 'us-east-1', delivered: true, code: 'DELIVERED', reasonKo: routing['reasonKo'], matchedRules: [], eventId: eventIdFor(record),
      detailType: 'AWS Console Sign In via CloudTrail',
    };
    expect(Object.keys(routing)).toEqual(Object.keys(plain));
    expect(JSON.stringify(routing)).toBe(JSON.stringify(plain));
    expect(JSON.stringify({ ...routing })).toBe(JSON.stringify(plain));
    expect(JSON.stringify(structuredClone(routing))).toBe(JSON.stringify(plain));
    expect(JSON.stringify(Object.entries(routing))).toBe(JSON.stringify(Object.entries(plain)));
  });

  it('is known before matching when a pattern tests it', () => {
    const model = new EventsModel();
    const record = rootConsoleLogin();
    model.putRule('us-east-1', rule('this-id', { id: [eventIdFor(record)] }, [whole('w')]));
    model.putRule('us-east-1', rule('no-id', { id: [{ exists: false }] }));
    model.putRule('us-east-1', rule('empty-id', { id: [''] }));
    const { offer, inputs, matched } = busOver(model);
    const routing = offer(record);
    expect((routing['matchedRules'] as Array<{ ruleName: string }>).map((m) => m.ruleName)).toEqual(['this-id']);
    expect(matched).toEqual([eventIdFor(record)]);
    expect((JSON.parse(inputs[0]!.input) as { id: string }).id).toBe(eventIdFor(record));
    const other = rootConsoleLogin({ eventID: '99999999-2222-4333-8444-555555555555' });
    expect(offer(other)['matchedRules']).toEqual([]);
    expect(offer(other)['eventId']).toBe(eventIdFor(other));
  });
});

describe('read-only events always delivered', () => {
  it('are STS GetSessionToken and GetFederationToken only, not the same names from another source', () => {
    const logging = { trailLogging: true };
    const readOnly = (eventSource: string, eventName: string) =>
      reachesDefaultBus(rootConsoleLogin({ eventSource, eventName, eventType: 'AwsApiCall', eventCategory: 'Management', readOnly: true }), logging);
    expect(readOnly('sts.amazonaws.com', 'GetSessionToken')).toEqual({ delivered: true, readOnlyManagement: false });
    expect(readOnly('sts.amazonaws.com', 'GetFederationToken')).toEqual({ delivered: true, readOnlyManagement: false });
    expect(readOnly('sts.amazonaws.com', 'GetCallerIdentity')).toEqual({ delivered: true, readOnlyManagement: true });
    expect(readOnly('iam.amazonaws.com', 'GetSessionToken')).toEqual({ delivered: true, readOnlyManagement: true });
  });
});

describe('arnPart', () => {
  it("is arn.split(':')[index] ?? ''", () => {
    const arns = ['arn:aws:sns:us-east-1:111122223333:t', 'arn:aws:lambda:eu-west-1:111122223333:function:f:1', 'arn:aws:sns', '', ':::', 'no-colons', 'arn:aws:sns::111122223333:'];
    for (const arn of arns) for (let i = 0; i < 8; i++) expect(arnPart(arn, i), `${arn} ${i}`).toBe(arn.split(':')[i] ?? '');
  });
});
