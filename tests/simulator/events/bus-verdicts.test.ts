// The bus's shortcuts for rule matching (bus-rules.ts, pattern-paths.ts) must give what the direct way gives:
// flattenEvent + matchesPattern for every rule; the routing summary keeps its shape when no event is built.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord, Json, JsonObject } from '../../../simulator/core/contract';
import { DefaultBus, eventIdFor, type BusPorts } from '../../../simulator/events/bus';
import { listKey, RegionRules, RuleSet, type RuleEntry } from '../../../simulator/events/bus-rules';
import type { Leaf } from '../../../simulator/events/pattern-types';
import type { EventBridgeEvent } from '../../../simulator/events/cloudtrail-event';
import { uuidFrom } from '../../../simulator/events/event-id';
import { EventsModel, type Rule } from '../../../simulator/events/model';
import { parseEventPattern } from '../../../simulator/events/pattern';
import { flattenEvent, matchesPattern } from '../../../simulator/events/pattern-match';
import { PathsReader } from '../../../simulator/events/pattern-paths';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

const rule = (name: string, pattern: object, state: Rule['state'] = 'ENABLED'): Rule => ({
  name, arn: `arn:aws:events:us-east-1:111122223333:rule/${name}`, eventPattern: JSON.stringify(pattern), scheduleExpression: null, state, description: '', targets: [],
});
const entries = (patterns: object[]): RuleEntry[] => patterns.map((p, i) => ({ rule: rule(`r${i}`, p), pattern: parseEventPattern(JSON.stringify(p)) }));
/** What the rules match the slow way: each pattern against the whole event. */
const direct = (list: RuleEntry[], event: unknown): string[] => list.filter((e) => matchesPattern(e.pattern, event)).map((e) => e.rule.name);
const names = (list: readonly RuleEntry[]): string[] => list.map((e) => e.rule.name);
const sorted = (m: Map<string, unknown[]>): Array<[string, string[]]> =>
  [...m].map(([k, v]): [string, string[]] => [k, v.map((x) => JSON.stringify(x)).sort()]).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('PathsReader', () => {
  it('gives each path the values flattenEvent gives it, for any JSON object and any of its paths', () => {
    // Keys with dots, empty keys and repeated names make `a.b` reachable several ways.
    const key = fc.constantFrom('a', 'b', 'a.b', 'b.a', '', 'c', 'a.b.c', '__proto__');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)), tie('obj'), tie('arr')),
      obj: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      arr: fc.array(tie('node'), { maxLength: 3 }),
    }));
    const path = fc.array(fc.constantFrom('a', 'b', 'c', ''), { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
    fc.assert(
      fc.property(value.obj, fc.array(path, { maxLength: 5 }), (event, paths) => {
        const full = flattenEvent(event as Json);
        const wanted = new Map([...full].filter(([p]) => paths.includes(p)));
        expect(sorted(new PathsReader(new Set(paths)).read(event as JsonObject))).toEqual(sorted(wanted));
      }),
      { numRuns: 400 },
    );
  });

  it('reads members named with dots as flattenEvent does, and an undefined array element as null', () => {
    const event = { a: { b: [1, undefined, { c: 2 }] }, 'a.b': { c: 3 }, x: { y: undefined }, n: [Number.NaN] } as unknown as JsonObject;
    const read = new PathsReader(['a.b', 'a.b.c', 'x.y', 'n']).read(event);
    expect(read.get('a.b')).toEqual([1, null]);
    expect([...(read.get('a.b.c') ?? [])].sort()).toEqual([2, 3]);
    expect(read.has('x.y')).toBe(false);
    expect(read.get('n')).toEqual([null]);
  });

  it('does not read a member no tested path goes through', () => {
    let reads = 0;
    const event = { get id() { reads += 1; return 'x'; }, detail: { eventName: 'GetUser' } } as unknown as JsonObject;
    new PathsReader(['detail.eventName']).read(event);
    expect(reads).toBe(0);
    expect(new PathsReader(['id']).read(event).get('id')).toEqual(['x']);
  });
});

describe('RuleSet verdicts', () => {
  const patterns = [
    { 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['DeleteBucket'] } },
    { detail: { eventName: [{ prefix: 'Dele' }], readOnly: [false] } },
    { detail: { eventSource: [{ suffix: '.amazonaws.com' }], eventName: ['GetUser'] } },
    { detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } },
    { detail: { n: [0] } },
    { detail: { n: [{ exists: false }] } },
    { detail: { flag: [null] } },
    { detail: { flag: ['1'] } },
    { detail: { flag: [1] } },
    { detail: { list: [{ 'anything-but': ['x'] }] } },
    { $or: [{ detail: { eventName: ['ConsoleLogin'] } }, { detail: { 'userIdentity.type': ['Root'] } }] },
    { detail: { long: [{ prefix: 'y' }] } },
  ];
  const details: Json[] = [
    { eventName: 'DeleteBucket', readOnly: false, eventSource: 's3.amazonaws.com' },
    { eventName: 'DeleteUser', readOnly: true },
    { eventName: 'GetUser', eventSource: 'iam.amazonaws.com' },
    { n: 0 }, { n: -0 }, { n: 3 }, { n: 5.5 }, { n: '3' }, { n: null }, { n: [] }, { n: {} },
    { flag: null }, { flag: '1' }, { flag: 1 }, { flag: true }, { flag: [null, 1] },
    { list: ['x'] }, { list: ['x', 'y'] }, { list: [] },
    { userIdentity: { type: 'Root' } }, { 'userIdentity.type': 'Root' }, { eventName: 'ConsoleLogin' },
    { long: 'y'.repeat(5000) }, { long: 'z'.repeat(5000) },
  ];
  const event = (detail: Json, type = 'AWS API Call via CloudTrail'): EventBridgeEvent =>
    ({ version: '0', id: 'i', 'detail-type': type, source: 'aws.s3', account: '1', time: 't', region: 'us-east-1', resources: [], detail }) as EventBridgeEvent;

  it('gives every rule the verdict matchesPattern gives, the first time and from the cache', () => {
    const list = entries(patterns);
    const set = new RuleSet(list);
    for (let round = 0; round < 2; round++) {
      for (const d of details) {
        for (const type of ['AWS API Call via CloudTrail', 'Other']) {
          const e = event(d, type);
          expect(names(set.matching(e)), JSON.stringify({ d, type, round })).toEqual(direct(list, e));
        }
      }
    }
  });

  it('agrees with matchesPattern for random events, rules and repeats', () => {
    const key = fc.constantFrom('a', 'b', 'a.b', '');
    const leafValue = fc.oneof(fc.constantFrom('x', 'xy', 'X', '', '1', '10.0.0.1'), fc.constantFrom(0, -0, 1, 2.5, -3), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leafValue, tie('obj'), tie('arr')),
      obj: fc.dictionary(key, tie('node'), { maxKeys: 3 }),
      arr: fc.array(tie('node'), { maxLength: 3 }),
    }));
    const matcher = fc.oneof(
      leafValue,
      fc.constantFrom({ prefix: 'x' }, { suffix: 'y' }, { 'equals-ignore-case': 'x' }, { wildcard: 'x*' }, { exists: true }, { exists: false }),
      fc.constantFrom({ numeric: ['>', 0] }, { numeric: ['<=', 0] }, { 'anything-but': ['x', 'y'] }, { 'anything-but': [1, 0] }, { 'anything-but': { prefix: 'x' } }, { cidr: '10.0.0.0/8' }),
    );
    const pattern = fc.dictionary(fc.constantFrom('a', 'b', 'a.b'), fc.array(matcher, { minLength: 1, maxLength: 2 }), { minKeys: 1, maxKeys: 2 });
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(value.obj, { minLength: 1, maxLength: 6 }), (ps, events) => {
        let list: RuleEntry[];
        try {
          list = entries(ps);
        } catch {
          return; // a combination PutRule would refuse (e.g. exists with another matcher on one field)
        }
        const set = new RuleSet(list);
        for (const e of [...events, ...events]) expect(names(set.matching(e as unknown as EventBridgeEvent))).toEqual(direct(list, e));
      }),
      { numRuns: 300 },
    );
  });

  it('keys value lists apart exactly when their JSON differs (listKey), 0 and -0 alike', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('s1:a', 'n1;', '|', 'z', 't', 'f', '-', ''), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const lists = fc.array(fc.array(leaf, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    // Whole keys: the lists of several paths one after another, as keyOf joins them.
    const whole = (ls: Leaf[][]) => ls.map(listKey).join('');
    fc.assert(
      fc.property(lists, lists, (a, b) => {
        expect(whole(a) === whole(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 2000 },
    );
    expect(listKey([0])).toBe(listKey([-0]));
    expect(listKey(['1'])).not.toBe(listKey([1]));
    expect(whole([['a'], ['b']])).not.toBe(whole([['a', 'b']]));
  });

  it('keeps giving exact verdicts past its size bound', () => {
    const list = entries([{ detail: { n: [{ numeric: ['>=', 1500] }] } }, { detail: { n: [7] } }]);
    const set = new RuleSet(list);
    for (let n = 0; n < 3000; n++) {
      const e = event({ n: n % 2100 });
      expect(names(set.matching(e))).toEqual(direct(list, e));
    }
  });

  it('splits rules by what they receive: disabled ones nothing, read-only management events only the ALL state', () => {
    const rules = [rule('a', { source: ['aws.s3'] }), rule('b', { source: ['aws.s3'] }, 'DISABLED'), rule('c', { source: ['aws.s3'] }, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'), { ...rule('d', {}), eventPattern: null }];
    const table = new RegionRules(rules, (r) => (r.eventPattern === null ? undefined : parseEventPattern(r.eventPattern)));
    expect(names(table.receiving(false).entries)).toEqual(['a', 'c']);
    expect(names(table.receiving(true).entries)).toEqual(['c']);
  });
});

describe('target input made once per event', () => {
  it('gives each target the JSON of its own event when events, input kinds and scheduled events alternate', () => {
    const model = new EventsModel();
    const withTargets = (name: string, targets: JsonObject[]): Rule => ({ ...rule(name, { source: ['aws.signin'] }), targets });
    model.putRule('us-east-1', withTargets('a', [{ Id: 'whole', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }, { Id: 'path', Arn: 'arn:aws:sns:us-east-1:111122223333:t', InputPath: '$.id' }]));
    model.putRule('us-east-1', withTargets('b', [{ Id: 'whole2', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }]));
    const tick: Rule = { ...rule('tick', {}), eventPattern: null, scheduleExpression: 'rate(1 minute)', targets: [{ Id: 'sched', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }] };
    const inputs: Array<{ target: string; input: string; id: string }> = [];
    const ports: BusPorts = {
      clock: { now: () => 0 } as BusPorts['clock'],
      emit: () => undefined,
      invoke: (target, input, _rule, event) => (inputs.push({ target: target.id, input, id: event.id }), { ok: true }),
    };
    const bus = new DefaultBus(model, ports);
    const records = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'].map((eventID) => rootConsoleLogin({ eventID }));
    for (const record of [records[0]!, records[1]!, records[0]!]) {
      bus.offerRecord(record, { trails: [{ code: 'LOGGED' }] });
      bus.drain();
      bus.fireScheduled(tick, 60_000);
    }
    expect(inputs.map((i) => i.target)).toEqual(['whole', 'path', 'whole2', 'sched', 'whole', 'path', 'whole2', 'sched', 'whole', 'path', 'whole2', 'sched']);
    for (const { target, input, id } of inputs) {
      if (target === 'path') expect(JSON.parse(input)).toBe(id);
      else expect((JSON.parse(input) as { id: string }).id).toBe(id);
    }
    expect(new Set(inputs.filter((i) => i.target === 'whole').map((i) => i.id)).size).toBe(2);
  });
});

describe('the routing summary', () => {
  it('keeps its members, their order and the event id whether or not an event was built for rules', () => {
    const model = new EventsModel();
    model.putRule('us-east-1', rule('signin', { source: ['aws.signin'] }));
    const matched: string[] = [];
    const ports: BusPorts = {
      clock: { now: () => 0 } as BusPorts['clock'],
      emit: (e) => (e.type === 'rule.matched' ? matched.push(e.eventId) : undefined),
      invoke: () => ({ ok: true }),
    };
    const bus = new DefaultBus(model, ports);
    const offer = (record: CloudTrailRecord, code = 'LOGGED'): JsonObject => {
      const routing: JsonObject = { trails: [{ code }] };
      bus.offerRecord(record, routing);
      bus.drain();
      return JSON.parse(JSON.stringify(routing['eventBridge'])) as JsonObject;
    };
    const login = rootConsoleLogin();
    const hit = offer(login);
    expect(Object.keys(hit)).toEqual(['region', 'delivered', 'code', 'reasonKo', 'matchedRules', 'eventId', 'detailType']);
    expect(hit['eventId']).toBe(uuidFrom(`eventbridge:${login.eventID}`));
    expect(matched).toEqual([eventIdFor(login)]);
    // A read-only event no rule receives: no event is built, the summary is the same shape.
    const readOnly = rootConsoleLogin({ eventID: '11111111-2222-4333-8444-555555555555', eventSource: 'iam.amazonaws.com', eventName: 'GetUser', eventType: 'AwsApiCall', eventCategory: 'Management', readOnly: true });
    const miss = offer(readOnly);
    expect(miss).toMatchObject({ delivered: true, code: 'DELIVERED_READ_ONLY', matchedRules: [], eventId: eventIdFor(readOnly), detailType: 'AWS API Call via CloudTrail' });
    expect(Object.keys(miss)).toEqual(Object.keys(hit));
    // Not delivered: no id, no detail-type.
    expect(Object.keys(offer(login, 'NOT_LOGGING'))).toEqual(['region', 'delivered', 'code', 'reasonKo', 'matchedRules']);
  });
});
