// JSON patterns: the documentation's examples against its example events, plus observations of the
// live TestMetricFilter recorded in public test suites.
import { describe, expect, it } from 'vitest';
import { matchesFilterPattern, matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';

// The current page's example event, on one line as the page asks.
const EVENT = JSON.stringify({
  eventType: 'UpdateTrail',
  sourceIPAddress: '111.111.111.111',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  SomeObject: null,
  'cluster.name': 'c',
  ThisFlag: true,
});

const COMPOUND = JSON.stringify({
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [
    { id: 2, email: 'John.Doe@example.com' },
    { id: 3, email: 'Jane.Doe@example.com' },
  ],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
});

const yes = (p: string, m: string) => expect(matchesFilterPattern(p, m), p).toBe(true);
const no = (p: string, m: string) => expect(matchesFilterPattern(p, m), p).toBe(false);

describe('JSON selectors from the documentation', () => {
  it('string, wildcard, array element and object list', () => {
    yes('{ $.eventType = "UpdateTrail" }', EVENT);
    yes('{ $.sourceIPAddress != 123.123.* }', EVENT);
    no('{ $.sourceIPAddress != 111.111.* }', EVENT);
    yes('{ $.arrayKey[0] = "value" }', EVENT);
    no('{ $.arrayKey[1] = "value" }', EVENT);
    yes('{ $.objectList[1].id = 2 }', EVENT);
    no('{ $.objectList[1].number = 2 }', EVENT);
    no('{ $.ThisFlag[0] = "value" }', EVENT);
  });
  it('regex values and wildcard selectors', () => {
    yes('{ $.eventType = %Trail% }', EVENT);
    no('{ $.eventType = %^Trail% }', EVENT);
    yes('{ $.arrayKey[*] = %val.{2}% }', EVENT);
    yes('{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }', EVENT);
    no('{ $.* = %222\\.% }', EVENT);
  });
  it("bracket notation for a key with a period: $.['cluster.name']", () => {
    yes("{ $.['cluster.name'] = \"c\" }", EVENT);
    no('{ $.cluster.name = "c" }', EVENT);
  });
  it('IS NULL, NOT EXISTS, IS TRUE, IS FALSE', () => {
    yes('{ $.SomeObject IS NULL }', EVENT);
    no('{ $.eventType IS NULL }', EVENT);
    no('{ $.Missing IS NULL }', EVENT);
    yes('{ $.SomeOtherObject NOT EXISTS }', EVENT);
    no('{ $.SomeObject NOT EXISTS }', EVENT);
    yes('{ $.ThisFlag IS TRUE }', EVENT);
    no('{ $.ThisFlag IS FALSE }', EVENT);
  });
  it('IS NOT and EXISTS are not supported', () => {
    expect(() => parseFilterPattern('{ $.SomeObject IS NOT NULL }')).toThrow('Invalid metric filter pattern');
    expect(() => parseFilterPattern('{ $.SomeObject EXISTS }')).toThrow('Invalid metric filter pattern');
  });
  it('compound expressions: () > && > ||', () => {
    yes('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', COMPOUND);
    yes('{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }', COMPOUND);
    no('{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }', COMPOUND);
    no('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', COMPOUND);
    yes('{ $.coordinates[0][1] = 1 }', COMPOUND);
  });
  it('OR over two events (2021 page)', () => {
    yes('{$.foo = bar}', '{"foo": "bar"}');
    no('{$.foo = bar}', '{"foo": "baz"}');
    yes('{$.foo = bar || $.foo = baz }', '{"foo": "baz"}');
  });
  it('a selector on an array or object never matches, even with !=', () => {
    no('{$.users = 1}', '{"users": [1, 2, 3]}');
    no('{$.users != 1}', '{"users": [1, 2, 3]}');
    no('{$.user != "x"}', COMPOUND);
  });
  it('numeric comparisons', () => {
    const m = '{"latency": 500, "numbers": [0.001], "errorCode": 400, "bandwidth": 80}';
    yes('{ $.latency >= 500 }', m);
    no('{ $.latency > 500 }', m);
    yes('{ $.numbers[0] < 10e3 }', m);
    yes('{ $.numbers[0] = 1e-3 }', m);
    yes('{ $.errorCode = 400}', m);
    yes('{ $.errorCode != 500 }', m);
    no('{ $.latency > +1000 }', m);
    yes('{ $.bandwidth > 75 }', m);
  });
});

describe('JSON values as the live service compares them', () => {
  const data = '{"eventType":"UpdateTrail","someInt":123,"someFloat":12.34,"someObject":{},"someArray":[]}';
  it('numbers match numbers, and wildcards match a number by its text', () => {
    for (const p of ['= 123', '= 123.0', '= *', '= 1*', '= 12*', '= *23', '!= 3*', '!= *321', '!= 111', '> 1', '<= 1000']) {
      yes(`{ $.someInt ${p} }`, data);
    }
    for (const p of ['= 12.*', '= *.34', '!= 43.21', '> 1.0']) yes(`{ $.someFloat ${p} }`, data);
  });
  it('a quoted string does not match a number; a missing field matches no comparison', () => {
    no('{ $.someInt = "123" }', data);
    no('{ $.notExisted = "UpdateTrail" }', data);
    no('{ $.notExisted != "UpdateTrail" }', data);
  });
  it('an inner * is literal', () => {
    no('{ $.eventType = Up*Trail }', data);
    yes('{ $.eventType = Update* }', data);
    yes('{ $.eventType = *Trail }', data);
  });
  it('ordering operators need a number', () => {
    for (const p of ['> "UpdateTrail"', '>= UpdateTrail', '< "1"', '<= *']) {
      expect(() => parseFilterPattern(`{ $.eventType ${p} }`), p).toThrow('Invalid metric filter pattern');
    }
  });
  it('a message that is not one JSON object never matches', () => {
    no('{ $.a = 1 }', 'INFO {"a": 1}');
    no('{ $.a = 1 }', '[1]');
    no('{ $.a = * }', 'not json at all');
  });
  it('unquoted dotted values parse (the CIS KMS/S3/Config patterns need it)', () => {
    yes('{($.eventSource=kms.amazonaws.com) && ($.eventName=DisableKey)}', '{"eventSource":"kms.amazonaws.com","eventName":"DisableKey"}');
  });
  it('extracts the values its conditions looked at', () => {
    const r = matchLogEvent(parseFilterPattern('{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }'), EVENT);
    expect(r).toEqual({ matched: true, fields: { '$.eventType': 'UpdateTrail', '$.sourceIPAddress': '111.111.111.111' } });
  });
});
