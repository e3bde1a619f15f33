// Metric filter verdicts remembered per message shape must be the verdicts a fresh evaluation gives, for
// every message, including ones built to break the shape argument (escaped quotes before a cut key, cut
// names deeper in the record, selectors that reach a cut value, text that is not JSON).
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import { FilterVerdicts, MAX_SHAPES, verdictFollowsShape } from '../../../simulator/logs/filter-verdicts';
import { fixedObservations, compileMetricFilter, metricValuesFor } from '../../../simulator/logs/metric-filter';
import { LogMessage } from '../../../simulator/logs/log-message';
import { ShapeTable, shapeCuts } from '../../../simulator/logs/message-shape';
import { MetricFilterRuntime } from '../../../simulator/logs/filters-runtime';

/** The text's parts around its cut values (cuts: start and end of each value, in order). */
function partsBetween(t: string, cuts: ArrayLike<number>): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(t.slice(from, cuts[i]));
    from = cuts[i + 1]!;
  }
  parts.push(t.slice(from));
  return parts;
}
import { LogsModel, type StoredMetricFilter } from '../../../simulator/logs/model';

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;

/** Values a cut member may hold: usual ones, and ones that look like other JSON (quotes are never cut). */
const cutValue = fc.constantFrom('2026-01-01T00:00:00Z', uuid(1), uuid(2), 'DeleteTrail', 'GetUser', '', 'true', '1', '12', 'x:y', '*', 'a"b', 'a\\b', 'tab\there', '로그');
/** Other values, including ones a pattern compares against. */
const plain = fc.constantFrom<unknown>('DeleteTrail', 'GetUser', 'us-east-1', 'Root', '', 1, 12, true, false, null);

/** What stays the same across a caller's records of one call; `odd` adds members a naive text cut would misread. */
const base = fc.record({
  eventName: plain, awsRegion: plain, x: fc.option(cutValue, { nil: undefined }), shared: fc.boolean(),
  odd: fc.constantFrom('none', 'nestedCut', 'escapedKey', 'arrayOfCut', 'cutObject'),
});
/** What differs from record to record. */
const fill = fc.record({ eventTime: cutValue, requestID: cutValue, eventID: cutValue, sharedEventID: cutValue, x: cutValue });

function write(b: typeof base extends fc.Arbitrary<infer B> ? B : never, f: typeof fill extends fc.Arbitrary<infer F> ? F : never, how: string): string {
  const obj: Record<string, unknown> = { eventVersion: '1.11', eventTime: f.eventTime, eventName: b.eventName, awsRegion: b.awsRegion };
  const x = b.x ?? f.x;
  if (b.odd === 'nestedCut') obj['requestParameters'] = { eventID: x, eventName: f.eventTime };
  // A key whose text ends in `\"eventID` (the string `a"eventID`): its value must not be cut as eventID's.
  if (b.odd === 'escapedKey') obj['a"eventID'] = x;
  if (b.odd === 'arrayOfCut') obj['a'] = [f.eventID, { requestID: f.requestID }];
  if (b.odd === 'cutObject') obj['additionalEventData'] = { 'x-amz-id-2': x };
  obj['requestID'] = f.requestID;
  obj['eventID'] = f.eventID;
  if (b.shared) obj['sharedEventID'] = f.sharedEventID;
  const text = JSON.stringify(obj);
  if (how === 'broken') return text.slice(0, -1);
  if (how === 'spaced') return JSON.stringify(obj, null, 1);
  return text;
}

const selector = fc.constantFrom(
  '$.eventName', '$.awsRegion', '$.eventTime', '$.eventID', '$.requestID', '$.sharedEventID', '$.requestParameters.eventID', '$.requestParameters.eventName',
  '$.a[0]', '$.a[1].requestID', '$.a[*]', '$.*', '$.a["eventID"]', '$.additionalEventData', '$.additionalEventData.x-amz-id-2', '$.x',
);
const literal = fc.constantFrom('"DeleteTrail"', 'DeleteTrail', 'Delete*', '*Trail', '*', '"GetUser"', '1', '12', '1*', '"2026*"', '*ccc*', '""', '%Get%');
const condition = fc.oneof(
  fc.tuple(selector, fc.constantFrom('=', '!='), literal).map(([s, op, v]) => `${s} ${op} ${v}`),
  selector.map((s) => `${s} IS NULL`),
  selector.map((s) => `${s} IS TRUE`),
  selector.map((s) => `${s} NOT EXISTS`),
);
const pattern = fc.tuple(condition, fc.constantFrom('&&', '||'), condition, fc.boolean()).map(([a, op, b, two]) => (two ? `{ (${a}) ${op} (${b}) }` : `{ ${a} }`));

function parsedOrUndefined(p: string) {
  try {
    return parseFilterPattern(p);
  } catch {
    return undefined;
  }
}

describe('filter verdicts per message shape', () => {
  it('give every message the verdict a fresh evaluation gives, across messages of shared shapes', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(base, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), fill, fc.constantFrom('compact', 'compact', 'compact', 'spaced', 'broken')), { minLength: 2, maxLength: 30 }),
        (patterns, bases, records) => {
          const parsed = patterns.map(parsedOrUndefined).filter((p) => p !== undefined);
          const verdicts = new FilterVerdicts();
          for (const [i, f, how] of records) {
            const text = write(bases[i % bases.length]!, f, how);
            const m = new LogMessage(text);
            for (const p of parsed) expect(verdicts.matches(p, m), `${JSON.stringify(p)} on ${text}`).toBe(matchLogEvent(p, text).matched);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('are shared only by patterns whose selectors cannot reach a cut value', () => {
    const follows = (p: string) => verdictFollowsShape(parseFilterPattern(p));
    expect(follows('{ ($.eventName = "DeleteTrail") && ($.awsRegion = "*") }')).toBe(true);
    expect(follows('{ $.a[0] = "x" }')).toBe(true);
    expect(follows('{ $.requestParameters.bucketName NOT EXISTS }')).toBe(true);
    for (const p of ['{ $.eventID = "x" }', '{ $.requestParameters.eventTime = * }', '{ $.a[*] = "x" }', '{ $.* = "x" }', '{ ($.eventName = "x") || ($.sharedEventID NOT EXISTS) }']) {
      expect(follows(p), p).toBe(false);
    }
    for (const p of ['DeleteTrail', '%Delete%', '[a, b]', '']) expect(follows(p), p).toBe(false);
  });

  it('parse one record per shape, and again for a record of a new shape', () => {
    const p = parseFilterPattern('{ ($.eventName = "GetUser") && ($.awsRegion = "*") }');
    const verdicts = new FilterVerdicts();
    const text = (i: number, user = 'admin') => JSON.stringify({ eventTime: `2026-01-01T00:00:0${i}Z`, eventName: 'GetUser', awsRegion: 'us-east-1', requestParameters: { userName: user }, requestID: uuid(i), eventID: uuid(100 + i) });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (let i = 0; i < 5; i++) expect(verdicts.matches(p, new LogMessage(text(i)))).toBe(true);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(verdicts.matches(p, new LogMessage(text(6, 'other')))).toBe(true);
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
    expect(verdicts.size).toBe(2);
  });

  it('keep at most MAX_SHAPES shapes, and still answer correctly after forgetting', () => {
    const p = parseFilterPattern('{ $.n = 3 }');
    const verdicts = new FilterVerdicts();
    const text = (n: number, id: number) => JSON.stringify({ n, eventID: uuid(id) });
    for (let n = 0; n < MAX_SHAPES + 10; n++) verdicts.matches(p, new LogMessage(text(n, n)));
    expect(verdicts.size).toBe(MAX_SHAPES);
    // A raw control character makes a text invalid JSON: a value holding one is never cut.
    expect(verdicts.matches(p, new LogMessage('{"n":3,"eventID":"a\tb"}'))).toBe(false);
    expect(verdicts.matches(p, new LogMessage(text(3, 99_999)))).toBe(true);
    expect(verdicts.matches(p, new LogMessage('{"n":3,"eventID":"a-b"}'))).toBe(true);
    expect(verdicts.matches(p, new LogMessage(text(4, 99_998)))).toBe(false);
  });
});

describe('shape cuts', () => {
  it('cut the first value of each varying member after the previous cut, in a record\'s order', () => {
    const values = (t: string) => {
      const cuts = shapeCuts(t) ?? [];
      const out: string[] = [];
      for (let i = 0; i < cuts.length; i += 2) out.push(t.slice(cuts[i], cuts[i + 1]));
      return out;
    };
    expect(values('{"eventTime":"2026-01-01T00:00:00Z","n":{"eventID":"e1"},"requestID":"r","eventID":"e2"}')).toEqual(['2026-01-01T00:00:00Z', 'r', 'e2']);
    expect(values('{"additionalEventData":{"x-amz-id-2":"a/b+c="},"requestID":"r","eventID":"e","sharedEventID":"s"}')).toEqual(['a/b+c=', 'r', 'e', 's']);
    // Out of order: requestID comes before eventTime, so only eventTime is cut.
    expect(values('{"requestID":"r","eventTime":"t"}')).toEqual(['t']);
  });

  it('leave values with escapes, keys after a backslash, spaced members and non-strings uncut', () => {
    expect(shapeCuts('{"eventID":"a\\"b"}')).toBeUndefined();
    expect(shapeCuts('{"eventID":"tab\\there"}')).toBeUndefined();
    expect(shapeCuts('{"x":"a\\"eventID":"b"}')).toBeUndefined();
    expect(shapeCuts('{"eventID" : "spaced"}')).toBeUndefined();
    expect(shapeCuts('{"eventID":12,"requestID":null}')).toBeUndefined();
    expect(shapeCuts('plain text eventID')).toBeUndefined();
  });

  it('skip an occurrence that cannot be cut and take the next one', () => {
    expect(shapeCuts('{"x":"a\\"eventID":"no","eventID":"yes"}')).toEqual([34, 37]);
  });
});

describe('shape table', () => {
  it('tells apart texts whose parts have the same lengths but differ, and forgets the oldest first', () => {
    let made = 0;
    const table = new ShapeTable<number>(2, () => made++);
    const a = '{"eventID":"1","n":"aa"}';
    const b = '{"eventID":"2","n":"bb"}';
    const a2 = '{"eventID":"33","n":"aa"}';
    expect(table.of(a, shapeCuts(a)!)).toBe(0);
    expect(table.of(b, shapeCuts(b)!)).toBe(1);
    expect(table.of(a2, shapeCuts(a2)!)).toBe(0);
    const c = '{"eventID":"1","n":"cc"}';
    expect(table.of(c, shapeCuts(c)!)).toBe(2);
    expect(table.size).toBe(2);
    expect(table.of(a, shapeCuts(a)!)).toBe(3);
  });

  it('keeps a new shape when forgetting the oldest empties the list of the same signature (found by the UTF-8 property test)', () => {
    let made = 0;
    const table = new ShapeTable<number>(1, () => made++);
    const a = '{"eventID":"1","n":"aa"}';
    const b = '{"eventID":"2","n":"bb"}';
    const c = '{"eventID":"3","m":"ccc"}';
    expect(table.of(a, shapeCuts(a)!)).toBe(0);
    // Same signature as a: a is forgotten, and b must be found again and forgettable in turn.
    expect(table.of(b, shapeCuts(b)!)).toBe(1);
    expect(table.of(b, shapeCuts(b)!)).toBe(1);
    expect(table.of(c, shapeCuts(c)!)).toBe(2);
    expect(table.size).toBe(1);
  });
});

describe('shape table recognition by length', () => {
  /** The texts a shape stands for: its parts with plain values (no quote, backslash or control character). */
  const shapeRegex = (parts: string[]) => new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^"\\\\\u0000-\u001f]*')}$`);

  it('recognizes a text only as a shape whose parts it is, with plain values between them', () => {
    let made = 0;
    const table = new ShapeTable<number>(10, () => made++);
    const a = '{"eventID":"ab","n":"x"}';
    expect(table.known(a)).toBeUndefined();
    expect(table.of(a, shapeCuts(a)!)).toBe(0);
    expect(table.known('{"eventID":"cd","n":"x"}')).toBe(0);
    // Same length, but a part differs, or the value is not plain, or the parts fall elsewhere.
    for (const t of ['{"eventID":"ab","n":"y"}', '{"eventID":"a\\","n":"x"}', '{"eventID":"a\t","n":"x"}', '{"eventID":"","n":"xab"}', '{"eventID":"abc","n":""}']) {
      expect(t.length).toBe(a.length);
      expect(table.known(t), t).toBeUndefined();
    }
  });

  it('gives a recognized text the value of a shape it splits into, whatever texts came before', () => {
    const text = fc.array(fc.constantFrom('{"eventID":"', '1', '22', '","n":"', 'a', 'bb', '"}', '","eventTime":"', '\\', '"'), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 60 }), (texts) => {
        let made = 0;
        const table = new ShapeTable<number>(4, () => made++);
        const partsOf: string[][] = [];
        for (const t of texts) {
          const known = table.known(t);
          if (known !== undefined) {
            expect(shapeRegex(partsOf[known]!).test(t), `${t} as ${JSON.stringify(partsOf[known])}`).toBe(true);
            continue;
          }
          const cuts = shapeCuts(t);
          if (!cuts) continue;
          const v = table.of(t, cuts);
          const parts = partsBetween(t, cuts);
          partsOf[v] ??= parts;
          expect(partsOf[v]).toEqual(parts);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('metric filters with shared verdicts', () => {
  it('publish what metricValuesFor gives, fixed values and values read from the record alike', () => {
    const filters: StoredMetricFilter[] = [
      { filterName: 'a', filterPattern: '{ $.eventName = "GetUser" }', metricTransformations: [{ metricName: 'fixed', metricNamespace: 'T', metricValue: '2', unit: 'Count' }], creationTime: 0, publishedMinutes: [] },
      { filterName: 'b', filterPattern: '{ $.eventName = "GetUser" }', metricTransformations: [{ metricName: 'read', metricNamespace: 'T', metricValue: '$.n', dimensions: { Who: '$.who' } }], creationTime: 0, publishedMinutes: [] },
    ];
    const model = new LogsModel();
    const group = model.newGroup('g', 0);
    for (const f of filters) group.metricFilters[f.filterName] = f;
    const got: unknown[] = [];
    const runtime = new MetricFilterRuntime({ putMetric: (_r, ns, d) => got.push([ns, d]), emit: () => undefined });
    const messages = [1, 2, 3].map((i) => JSON.stringify({ eventName: 'GetUser', n: i * 10, who: `u${i}`, eventID: uuid(i) }));
    runtime.process({ region: 'us-east-1', group, streamName: 's', events: messages.map((message, i) => ({ timestamp: 60_000 + i, message, ingestionTime: 120_000 })), now: 120_000 });
    const want: unknown[] = [];
    for (const f of filters) {
      const c = compileMetricFilter(f);
      for (const m of messages) {
        for (const o of metricValuesFor(c, m)) {
          want.push([o.metricNamespace, { MetricName: o.metricName, Timestamp: 60_000, Value: o.value, ...(Object.keys(o.dimensions).length ? { Dimensions: Object.entries(o.dimensions).map(([Name, Value]) => ({ Name, Value })) } : {}), ...(o.unit ? { Unit: o.unit } : {}) }]);
        }
      }
    }
    expect(got).toEqual(want);
    expect(got).toHaveLength(6);
    expect(fixedObservations(compileMetricFilter(filters[0]!))).toEqual(metricValuesFor(compileMetricFilter(filters[0]!), messages[0]!));
    expect(fixedObservations(compileMetricFilter(filters[1]!))).toBeUndefined();
  });
});

describe('shape table signatures', () => {
  it('give one value per distinct shape, whatever the cuts, as a table keyed by the parts themselves', () => {
    const text = fc.array(fc.constantFrom('{"eventID":"', '1', '22', '","n":"', 'a', 'bb', '"}', '","eventTime":"'), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 60 }), (texts) => {
        let made = 0;
        const table = new ShapeTable<number>(1000, () => made++);
        const byParts = new Map<string, number>();
        for (const t of texts) {
          const cuts = shapeCuts(t);
          if (!cuts) continue;
          const parts = partsBetween(t, cuts);
          const key = JSON.stringify(parts);
          const v = table.of(t, cuts);
          if (!byParts.has(key)) byParts.set(key, v);
          expect(v).toBe(byParts.get(key));
        }
        expect(table.size).toBe(byParts.size);
      }),
    );
  });
});
