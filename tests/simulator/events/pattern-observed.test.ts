import { describe, expect, it } from 'vitest';
import { AwsError, type Json } from '../../../simulator/core/contract';
import { matchesPattern, parseEventPattern, testEventPattern } from '../../../simulator/events/pattern';

// Outcomes AWS itself returned, as recorded in localstack's AWS-validated tests
// (tests/aws/services/events/test_events_patterns.py + .snapshot.json, recorded 2024-12-05), where the
// live service differs from, or goes beyond, the written documentation.

const matches = (pattern: unknown, event: unknown): boolean => matchesPattern(parseEventPattern(JSON.stringify(pattern)), event);

function reason(pattern: string): string {
  try {
    parseEventPattern(pattern);
  } catch (e) {
    expect(e).toBeInstanceOf(AwsError);
    expect((e as AwsError).code).toBe('InvalidEventPatternException');
    return (e as AwsError).message;
  }
  throw new Error(`pattern accepted: ${pattern}`);
}

describe('matching as the live service does it', () => {
  it('compares numbers by value: 300 matches 300.0 (number_comparison_float)', () => {
    expect(matchesPattern(parseEventPattern('{"detail":{"n":[300]}}'), JSON.parse('{"detail":{"n":300.0}}'))).toBe(true);
    expect(matchesPattern(parseEventPattern('{"detail":{"n":[3.0e2]}}'), { detail: { n: 300 } })).toBe(true);
    expect(matches({ detail: { n: [300] } }, { detail: { n: '300' } })).toBe(false);
  });

  it('treats a dotted key and nesting as the same field (dot_joining_event / dot_joining_pattern)', () => {
    expect(matches({ detail: { state: { status: ['running'] } } }, { detail: { 'state.status': 'running' } })).toBe(true);
    expect(matches({ detail: { 'state.status': ['running'] } }, { detail: { state: { status: 'running' } } })).toBe(true);
    expect(matches({ detail: { 'state.status': ['running'] } }, { detail: { state: { status: 'stopped' } } })).toBe(false);
  });

  it('never parses a detail sent as a JSON string (nested_json_NEG)', () => {
    expect(matches({ detail: { key: ['value'] } }, { detail: '{"key": "value"}' })).toBe(false);
  });

  it('keys are case-sensitive (key_case_sensitive_NEG)', () => {
    expect(matches({ detail: { Key: ['v'] } }, { detail: { key: 'v' } })).toBe(false);
  });

  it('exists does not match an intermediate node (exists_dynamodb_NEG)', () => {
    const event = { dynamodb: { id: { S: 'test1234' }, presentKey: { S: 'test123' } } };
    expect(matches({ dynamodb: { presentKey: [{ exists: true }] } }, event)).toBe(false);
    expect(matches({ dynamodb: { presentKey: { S: [{ exists: true }] } } }, event)).toBe(true);
  });

  it('exists false holds when a parent object is missing (content_exists_false, or-exists-parent)', () => {
    const event = { detail: { level1: { level2: 'l2 value' } } };
    expect(matches({ detail: { level1: { 'level2:': { level3: { level4: [{ exists: false }] } } } } }, event)).toBe(true);
  });

  it('an empty event array matches neither null nor exists:true (arrays_empty_null_NEG, exists_list_empty_NEG)', () => {
    expect(matches({ detail: { list: [null] } }, { detail: { list: [] } })).toBe(false);
    expect(matches({ detail: { list: [{ exists: true }] } }, { detail: { list: [] } })).toBe(false);
  });

  it('flattens arrays of objects (list_within_dict)', () => {
    const event = { detail: { automations: [{ id: 'a' }, { other: 'b' }] } };
    expect(matches({ detail: { automations: { id: [{ exists: true }] } } }, event)).toBe(true);
  });

  it('anything-but never matches a missing field but matches null (*_missing_NEG, *_null)', () => {
    const forms: Json[] = [
      { 'anything-but': 'x' },
      { 'anything-but': ['x', 'y'] },
      { 'anything-but': { prefix: 'x' } },
      { 'anything-but': { prefix: ['x', 'y'] } },
      { 'anything-but': { suffix: 'x' } },
      { 'anything-but': { 'equals-ignore-case': 'x' } },
      { 'anything-but': { 'equals-ignore-case': ['x', 'y'] } },
      { 'anything-but': { wildcard: 'x*' } },
      { 'anything-but': { wildcard: ['x*', 'y*'] } },
    ];
    for (const form of forms) {
      expect(matches({ detail: { f: [form] } }, { detail: { other: 1 } }), JSON.stringify(form)).toBe(false);
      expect(matches({ detail: { f: [form] } }, { detail: { f: null } }), JSON.stringify(form)).toBe(true);
    }
  });

  it('anything-but prefix matches a number (content_anything_prefix_int_value)', () => {
    expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, { detail: { state: 123 } })).toBe(true);
  });

  it('several matchers in one list are OR-ed (operator_multiple_list)', () => {
    const pattern = { detail: { f: [{ exists: true }, { prefix: 'IGNORED' }] } };
    expect(matches(pattern, { detail: { f: 'anything' } })).toBe(true);
    const orAbsent = { detail: { f: [{ 'anything-but': ['roses'] }, { exists: false }] } };
    expect(matches(orAbsent, { detail: {} })).toBe(true);
    expect(matches(orAbsent, { detail: { f: 'roses' } })).toBe(false);
  });

  it('DynamoDB stream images: numeric OR anything-but on a string number (or-numeric-anything-but)', () => {
    const event = { dynamodb: { NewImage: { id: { S: 'id_value_1' }, numericFilter: { N: '42' } } } };
    const pattern = { dynamodb: { NewImage: { numericFilter: { N: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] } } } };
    expect(matches(pattern, event)).toBe(true);
    const absent = { dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } } };
    expect(matches(absent, { dynamodb: { NewImage: { purchased: { N: '789' } } } })).toBe(true);
  });

  it('duplicate keys: the last one wins (test_event_pattern_with_multi_key)', () => {
    const text = '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}';
    expect(matchesPattern(parseEventPattern(text), { detail: { location: 'eu-central-1' } })).toBe(true);
  });

  it('wildcard * spans slashes, and escapes stand for literal characters', () => {
    expect(matches({ f: [{ wildcard: '/Users/*/doc.txt' }] }, { f: '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt' })).toBe(true);
    expect(matchesPattern(parseEventPattern('{"f":[{"wildcard":"a\\\\*b"}]}'), { f: 'a*b' })).toBe(true);
    expect(matchesPattern(parseEventPattern('{"f":[{"wildcard":"a\\\\*b"}]}'), { f: 'axxb' })).toBe(false);
    expect(matches({ f: [{ wildcard: '' }] }, { f: '' })).toBe(true);
    expect(matches({ f: [{ wildcard: '' }] }, { f: 'x' })).toBe(false);
  });

  it('prefix "" matches any string but not a number', () => {
    expect(matches({ f: [{ prefix: '' }] }, { f: 'abc' })).toBe(true);
    expect(matches({ f: [{ prefix: '' }] }, { f: 1 })).toBe(false);
  });

  it('numeric never matches a string or null (numeric-string_NEG, numeric-null_NEG)', () => {
    expect(matches({ f: [{ numeric: ['>', 0] }] }, { f: '5' })).toBe(false);
    expect(matches({ f: [{ numeric: ['>', 0] }] }, { f: null })).toBe(false);
  });
});

describe('InvalidEventPatternException reasons AWS returned', () => {
  const cases: [string, string][] = [
    ['{"int": 42}', '"int" must be an object or an array'],
    ['{"string": "my-value"}', '"string" must be an object or an array'],
    ['{"resources": []}', 'Empty arrays are not allowed'],
    ['{"detail": {"equal": [{"NUMERIC": ["=", 5]}]}}', 'Unrecognized match type NUMERIC'],
    ['{"my_key": [{"EXISTS": true}]}', 'Unrecognized match type EXISTS'],
    ['{"detail": {"c-count": [{"numeric": [">", 0, ">", 0]}]}}', 'Bad numeric range operator: >'],
    ['{"detail": {"c-count": [{"numeric": [">", 0, "<"]}]}}', 'Value of < must be numeric'],
    ['{"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]}', 'Consecutive wildcard characters at pos 26'],
    ['{"detail-type": [{"equals-ignore-case": ["ec2 instance state-change notification"]}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"detail-type": [{"equals-ignore-case": {"prefix": "ec2"}}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"detail": {"sourceIPAddress": [{"cidr": "bad-type"}]}}', "Malformed CIDR, one '/' required"],
    ['{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/xx"}]}}', 'Malformed CIDR, mask bits must be an integer'],
    ['{"detail": {"sourceIPAddress": [{"cidr": "xx.11.xx/24"}]}}', 'Nonstandard IP address: xx.11.xx'],
    ['{"detail": {"sourceIPAddress": [{"cidr": "xxxx:db8:1234:1a00::/64"}]}}', 'Nonstandard IP address: xxxx:db8:1234:1a00::'],
    ['{"detail": {"sourceIPAddress": [{"cidr": ["bad-type"]}]}}', 'prefix match pattern must be a string'],
    ['{"detail": {"state": [{"anything-but": {"equals-ignore-case": 123}}]}}', 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'],
    ['{"detail": {"state": [{"anything-but": {"equals-ignore-case": [123, 456]}}]}}', 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'],
    ['{"EventBusArn": [{"wildcard": 123}]}', 'wildcard match pattern must be a string'],
    ['{"EventBusArn": [{"wildcard": ["arn:*"]}]}', 'wildcard match pattern must be a string'],
    ['{"detail": {"state": [{"anything-but": {"wildcard": [123, "*/dir/*"]}}]}}', 'wildcard match pattern must be a string'],
    ['{"detail": {"FilePath": [{"anything-but": {"wildcard": 123}}]}}', 'wildcard match pattern must be a string'],
    ['{"detail": {"FileName": [{"anything-but": {"suffix": [123, ".txt"]}}]}}', 'prefix/suffix match pattern must be a string'],
    ['{"detail": {"FileName": [{"anything-but": {"suffix": 123}}]}}', 'prefix/suffix match pattern must be a string'],
    ['{"detail": {"state": [{"anything-but": {"prefix": [123, "test"]}}]}}', 'prefix/suffix match pattern must be a string'],
    ['{"detail": {"state": [{"anything-but": {"prefix": 123}}]}}', 'prefix/suffix match pattern must be a string'],
    ['{"time": [{"prefix": ["2022-07-13"]}]}', 'prefix match pattern must be a string'],
    ['{"time": [{"prefix": 123}]}', 'prefix match pattern must be a string'],
    ['{"FileName": [{"suffix": 123}]}', 'suffix match pattern must be a string'],
    ['{"FileName": [{"suffix": [".png"]}]}', 'suffix match pattern must be a string'],
    ['{"detail": {"FileName": [{"anything-but": {"prefix": {"equals-ignore-case": "file"}}}]}}', 'Value of anything-but must be an array or single string/number value.'],
    ['{"detail": {"FileName": [{"anything-but": {"suffix": {"equals-ignore-case": ".png"}}}]}}', 'Value of anything-but must be an array or single string/number value.'],
  ];
  for (const [pattern, expected] of cases) {
    it(expected + ' ← ' + pattern, () => {
      expect(reason(pattern)).toBe(`Event pattern is not valid. Reason: ${expected}`);
    });
  }

  it('reports JSON syntax errors in Jackson’s words with the source location', () => {
    expect(reason('this is valid json but not a dict')).toBe(
      "Event pattern is not valid. Reason: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"this is valid json but not a dict\"; line: 1, column: 5]",
    );
    expect(reason("{'bad': 'quotation'}")).toBe(
      "Event pattern is not valid. Reason: Unexpected character (''' (code 39)): was expecting double-quote to start field name\n at [Source: (String)\"{'bad': 'quotation'}\"; line: 1, column: 2]",
    );
    expect(reason('{"not": closed mark"')).toBe(
      "Event pattern is not valid. Reason: Unrecognized token 'closed': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"{\"not\": closed mark\"\"; line: 1, column: 15]",
    );
    expect(reason('["not", "a", "dict", "but valid json"]')).toBe(
      'Event pattern is not valid. Reason: Filter is not an object\n at [Source: (String)"["not", "a", "dict", "but valid json"]"; line: 1, column: 2]',
    );
  });
});

describe('TestEventPattern', () => {
  const event = (extra: Record<string, Json> = {}): string =>
    JSON.stringify({ id: '1', source: 'order', 'detail-type': 'Test', account: '123456789012', region: 'us-east-1', time: '2024-07-11T13:55:39Z', ...extra });

  it('answers true and false, and does not require resources (test_event_pattern_source)', () => {
    expect(testEventPattern({ EventPattern: '{"source":["order"],"detail-type":["Test"]}', Event: event() })).toEqual({ Result: true });
    expect(testEventPattern({ EventPattern: '{"source":["shipment"],"detail-type":["Test"]}', Event: event() })).toEqual({ Result: false });
  });

  it.each(['id', 'account', 'source', 'time', 'region', 'detail-type'])('rejects an event without %s', (field) => {
    const body = JSON.parse(event()) as Record<string, Json>;
    delete body[field];
    expect(() => testEventPattern({ EventPattern: '{"source":["order"]}', Event: JSON.stringify(body) })).toThrow(
      expect.objectContaining({ code: 'ValidationException', message: 'Parameter Event is not valid.' }),
    );
  });

  it('rejects an event that is not a JSON object (test_plain_string_payload)', () => {
    for (const bad of ['plain string', '"a string"', '[1]', '{"id": ']) {
      expect(() => testEventPattern({ EventPattern: '{"source":["order"]}', Event: bad })).toThrow('Parameter Event is not valid.');
    }
  });

  it('validates the pattern with InvalidEventPatternException', () => {
    expect(() => testEventPattern({ EventPattern: '{"source":"order"}', Event: event() })).toThrow(
      expect.objectContaining({ code: 'InvalidEventPatternException' }),
    );
  });

  it('rejects missing parameters the way the API does', () => {
    expect(() => testEventPattern({ Event: event() })).toThrow(
      "1 validation error detected: Value null at 'eventPattern' failed to satisfy constraint: Member must not be null",
    );
  });
});
