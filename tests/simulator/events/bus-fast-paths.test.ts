// The default bus's shortcuts must not change what it does: the event's detail is the record itself (read as
// its JSON text reads), rule lists are kept between events, and ids are hashed as before.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, Json, JsonObject } from '../../../simulator/core/contract';
import { sha256 } from '../../../simulator/core/sha256';
import { DefaultBus, uuidFrom, type BusPorts } from '../../../simulator/events/bus';
import { EventsModel, type Rule } from '../../../simulator/events/model';
import { branchMatches, flattenEvent, matchesPattern, wantedPaths } from '../../../simulator/events/pattern-match';
import { parseEventPattern } from '../../../simulator/events/pattern';
import { rootConsoleLogin } from './cloudtrail-event-fixture';
import { ok } from '../support';
import { account, inbox, ROOT, TOPIC } from './bus-setup';

/** uuidFrom as first written (whole digest to hex through strings), kept as the reference. */
function referenceUuid(text: string): string {
  const h = [...sha256(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4] ?? '8'}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const rule = (name: string, pattern: object, targets: JsonObject[] = []): Rule => ({
  name, arn: `arn:aws:events:us-east-1:111122223333:rule/${name}`, eventPattern: JSON.stringify(pattern), scheduleExpression: null,
  state: 'ENABLED', description: '', targets,
});

/** A bus over `model` whose targets record the input they were given. */
function busOver(model: EventsModel) {
  const inputs: Array<{ target: string; input: string }> = [];
  const ports: BusPorts = {
    clock: { now: () => Date.parse('2024-06-10T08:16:00Z') } as BusPorts['clock'],
    emit: () => undefined,
    invoke: (target, input) => (inputs.push({ target: target.id, input }), { ok: true }),
  };
  const bus = new DefaultBus(model, ports);
  const offer = (record: CloudTrailRecord): string[] => {
    const routing: JsonObject = { trails: [{ code: 'LOGGED' }] };
    bus.offerRecord(record, routing);
    bus.drain();
    const eb = routing['eventBridge'] as { matchedRules: Array<{ ruleName: string }> };
    return eb.matchedRules.map((m) => m.ruleName);
  };
  return { offer, inputs };
}

describe('uuidFrom', () => {
  it('gives the ids the first implementation gave', () => {
    for (const text of ['', 'eventbridge:3fcfb586-3e9c-4d24-b2a0-5f3bfe4e1b2a', 'schedule:arn:aws:events:us-east-1:1:rule/r:0', '한국어 ✓', 'x'.repeat(200)]) {
      expect(uuidFrom(text)).toBe(referenceUuid(text));
    }
  });
});

describe('flattenEvent reads an object as its JSON text', () => {
  it('skips undefined members and turns undefined or non-finite numbers into null', () => {
    const event = { a: undefined, b: [1, undefined, Number.NaN], c: { d: Number.POSITIVE_INFINITY, e: 'x' }, f: null } as unknown as Json;
    const copy = JSON.parse(JSON.stringify(event)) as Json;
    expect([...flattenEvent(event)]).toEqual([...flattenEvent(copy)]);
    expect(flattenEvent(event).has('a')).toBe(false);
  });
});

describe('flattenEvent limited to the paths the rules test', () => {
  it('matches every pattern as the full walk does', () => {
    const patterns = [
      { detail: { eventName: ['ConsoleLogin'] } },
      { 'detail.eventName': ['ConsoleLogin'] },
      { detail: { 'userIdentity.type': ['Root'] } },
      { detail: { userIdentity: { type: [{ 'anything-but': 'IAMUser' }] } } },
      { detail: { errorCode: [{ exists: false }] }, source: ['aws.signin'] },
      { detail: { additionalEventData: { MFAUsed: [{ exists: true }] } } },
      { detail: { additionalEventData: [{ exists: true }] } },
      { detail: { list: { id: [2] } } },
      { detail: { 'a.b': { c: [1] } } },
      { $or: [{ detail: { eventName: [{ prefix: 'Get' }] } }, { detail: { responseElements: { ConsoleLogin: ['Success'] } } }] },
      { resources: [{ exists: false }] },
      { detail: { requestParameters: [null] } },
    ].map((p) => parseEventPattern(JSON.stringify(p)));
    const base = rootConsoleLogin();
    const events = [
      { source: 'aws.signin', resources: [], detail: base },
      { source: 'aws.signin', resources: ['r'], detail: { ...base, list: [{ id: 1 }, { id: 2 }], a: { b: { c: 1 } }, 'a.b': { c: 2 } } },
      { source: 'aws.s3', detail: { eventName: 'GetObject', errorCode: 'AccessDenied', userIdentity: { type: 'IAMUser' }, 'userIdentity.type': 'Root' } },
    ] as unknown as Json[];
    for (const event of events) {
      // One wanted set for all the patterns, as the bus builds it for a Region's rules.
      const fields = flattenEvent(event, wantedPaths(patterns));
      for (const p of patterns) expect(p.branches.some((b) => branchMatches(b, fields))).toBe(matchesPattern(p, event));
      // And one for each pattern alone.
      for (const p of patterns) {
        const own = flattenEvent(event, wantedPaths([p]));
        expect(p.branches.some((b) => branchMatches(b, own))).toBe(matchesPattern(p, event));
      }
    }
  });
});

describe('the bus with the record as the event detail', () => {
  it('matches a record with undefined members as its JSON text would, and shapes target input from a copy', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('absent', { detail: { errorCode: [{ exists: false }] } }, [{ Id: 'path', Arn: 'arn:aws:sns:us-east-1:111122223333:t', InputPath: '$.detail.errorCode' }]));
    model.putRule('us-east-1', rule('present', { detail: { errorCode: [{ exists: true }] } }));
    const { offer, inputs } = busOver(model);
    const record = { ...rootConsoleLogin(), errorCode: undefined } as unknown as CloudTrailRecord;
    expect(offer(record)).toEqual(['absent']);
    // AWS's event has no errorCode, so the InputPath selects nothing and the target is not given an input.
    expect(inputs).toEqual([]);
    // The record itself was not changed.
    expect('errorCode' in record).toBe(true);
  });

  it('gives a whole-event target the event JSON, detail equal to the record JSON', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('all', { source: ['aws.signin'] }, [{ Id: 'whole', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }]));
    const { offer, inputs } = busOver(model);
    const record = rootConsoleLogin();
    offer(record);
    const sent = JSON.parse(inputs[0]!.input) as { detail: Json; 'detail-type': string };
    expect(sent.detail).toEqual(JSON.parse(JSON.stringify(record)));
    expect(sent['detail-type']).toBe('AWS Console Sign In via CloudTrail');
  });

  it('sees rules put, replaced, disabled, deleted and restored between events', () => {
    const model = new EventsModel();
    const { offer } = busOver(model);
    const signin = { source: ['aws.signin'] };
    model.putRule('us-east-1', rule('b', signin));
    model.putRule('us-east-1', rule('a', signin));
    expect(offer(rootConsoleLogin())).toEqual(['a', 'b']);
    model.putRule('us-east-1', rule('a', { source: ['aws.s3'] }));
    expect(offer(rootConsoleLogin())).toEqual(['b']);
    model.setRuleState('us-east-1', 'b', 'DISABLED', 0);
    expect(offer(rootConsoleLogin())).toEqual([]);
    model.setRuleState('us-east-1', 'b', 'ENABLED', 0);
    model.putRule('us-east-1', rule('c', signin));
    model.deleteRule('us-east-1', 'a');
    expect(offer(rootConsoleLogin())).toEqual(['b', 'c']);
    const saved = model.snapshot();
    model.deleteRule('us-east-1', 'b');
    expect(offer(rootConsoleLogin())).toEqual(['c']);
    model.restore(saved);
    expect(offer(rootConsoleLogin())).toEqual(['b', 'c']);
  });
});

describe('the scheduler with its due time kept between minutes', () => {
  it('follows EnableRule, a changed ScheduleExpression and DeleteRule at once', () => {
    const { acct } = account({ trail: false });
    ok(acct.call('events:PutRule', { Name: 'tick', ScheduleExpression: 'rate(10 minutes)' }, ROOT));
    ok(acct.call('events:PutTargets', { Rule: 'tick', Targets: [{ Id: 't', Arn: TOPIC }] }, ROOT));
    ok(acct.call('events:DisableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT5M');
    expect(inbox(acct)).toHaveLength(0);
    ok(acct.call('events:EnableRule', { Name: 'tick' }, ROOT));
    acct.advance('PT6M');
    expect(inbox(acct)).toHaveLength(1);
    // A new expression restarts the schedule from the PutRule.
    ok(acct.call('events:PutRule', { Name: 'tick', ScheduleExpression: 'rate(1 minute)' }, ROOT));
    acct.advance('PT3M');
    expect(inbox(acct)).toHaveLength(4);
    ok(acct.call('events:RemoveTargets', { Rule: 'tick', Ids: ['t'] }, ROOT));
    ok(acct.call('events:DeleteRule', { Name: 'tick' }, ROOT));
    acct.advance('PT10M');
    expect(inbox(acct)).toHaveLength(4);
  });
});
