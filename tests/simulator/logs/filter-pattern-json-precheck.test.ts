// The text precheck of JSON patterns rules messages out before any parse; it must never change an answer.
// A message holding a `\u` escape skips the precheck, so adding one (in a member no pattern reads) gives
// the full evaluation to compare against.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import { LogMessage } from '../../../simulator/logs/log-message';
import { compileJsonPrecheck } from '../../../simulator/logs/filter-pattern-json-precheck';
import { MetricFilterRuntime } from '../../../simulator/logs/filters-runtime';
import { LogsModel, type StoredMetricFilter } from '../../../simulator/logs/model';
import type { JsonExpr } from '../../../simulator/logs/filter-pattern-types';

/** The same JSON object with one more member spelled with a `\u` escape: the precheck stands aside. */
function withoutPrecheck(message: string): string {
  const end = message.lastIndexOf('}');
  const body = message.slice(0, end).trimEnd();
  const sep = body.endsWith('{') ? '' : ',';
  return `${body}${sep}"zz":"\\u0041"${message.slice(end)}`;
}

function exprOf(pattern: string): JsonExpr {
  const p = parseFilterPattern(pattern);
  if (p.kind !== 'json') throw new Error('not a JSON pattern');
  return p.expr;
}

/** Written as the number `1.0e2`, not as JSON.stringify would (`100`): patterns see the number's text. */
const ODD_NUMBER = 'ODD_NUMBER';
const scalar = fc.constantFrom<unknown>('DeleteTrail', 'Delete', 'Trail', 'DeleteTrails', 'x/y', 'a"b', '1', '12', '', 1, 12, 100, 1.5, ODD_NUMBER, true, false, null);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('eventName', 'n', 'a'), scalar, { maxKeys: 2 }));
const record = fc.dictionary(fc.constantFrom('eventName', 'eventSource', 'n', 'a', 'b'), value, { minKeys: 1, maxKeys: 5 });
const selector = fc.constantFrom('$.eventName', '$.n', '$.a', '$.a[0]', '$.a[*]', '$.b.eventName', '$.b.n');
const literal = fc.constantFrom('"DeleteTrail"', 'DeleteTrail', '"Delete*"', 'Delete*', '*Trail', '"*ete*"', '*', '1*', '12', '"1"', '1', '""', '"x/y"', '*.5', 'Inf*');
const condition = fc.oneof(
  fc.tuple(selector, fc.constantFrom('=', '!='), literal).map(([s, op, v]) => `${s} ${op} ${v}`),
  selector.map((s) => `${s} IS NULL`),
  selector.map((s) => `${s} NOT EXISTS`),
);
const pattern = fc.tuple(condition, fc.constantFrom('&&', '||'), condition, fc.boolean()).map(([a, op, b, two]) => (two ? `{ (${a}) ${op} (${b}) }` : `{ ${a} }`));
/** How the message is written: compact, indented, or with capital letters as `\u` escapes. */
const spelling = fc.constantFrom('compact', 'spaced', 'escaped');

function write(obj: unknown, how: string): string {
  const odd = (t: string) => t.replaceAll(`"${ODD_NUMBER}"`, '1.0e2');
  if (how === 'spaced') return odd(JSON.stringify(obj, null, 1).replace(/":/g, '" :'));
  const text = odd(JSON.stringify(obj));
  // Capitals appear only inside strings (never in true/false/null or numbers), so escaping them is safe.
  return how === 'escaped' ? text.replace(/[A-Z]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

describe('JSON pattern precheck', () => {
  it('never changes a match or the values it extracts', () => {
    fc.assert(
      fc.property(pattern, record, spelling, (p, obj, how) => {
        const parsed = parseFilterPattern(p);
        const message = write(obj, how);
        expect(matchLogEvent(parsed, message)).toEqual(matchLogEvent(parsed, withoutPrecheck(message)));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches values written with escapes or spaces, and numbers by their text', () => {
    const cases: [string, string][] = [
      ['{ $.eventName = "DeleteTrail" }', '{"eventName":"\\u0044eleteTrail"}'],
      ['{ $.eventName = "DeleteTrail" }', '{ "eventName" :\n "DeleteTrail" }'],
      ['{ $.eventName = *Trail }', '{"eventName":"Delete\\"Trail"}'],
      ['{ $.n = 1* }', '{"n":1.0e2}'],
      ['{ $.n = Inf* }', '{"n":1e999}'],
      ['{ $.a[1] = "x" }', '{"a":["y","x"]}'],
    ];
    for (const [p, m] of cases) expect(matchLogEvent(parseFilterPattern(p), m).matched, `${p} on ${m}`).toBe(true);
  });

  it('passes when the text is only elsewhere in the message, and lets evaluation decide', () => {
    const m = new LogMessage('{"eventName":"GetUser","requestParameters":{"eventName":"DeleteTrail"},"note":"DeleteTrail"}');
    const check = compileJsonPrecheck(exprOf('{ $.eventName = "DeleteTrail" }'));
    expect(check?.(m)).toBe(true);
    expect(matchLogEvent(parseFilterPattern('{ $.eventName = "DeleteTrail" }'), m).matched).toBe(false);
  });

  it('rules out a message without the value and offers nothing for conditions it cannot test', () => {
    const m = new LogMessage('{"eventName":"GetUser","eventSource":"iam.amazonaws.com"}');
    expect(compileJsonPrecheck(exprOf('{ ($.eventName = "DeleteTrail") && ($.awsRegion = "*") }'))?.(m)).toBe(false);
    expect(compileJsonPrecheck(exprOf('{ ($.eventName = "DeleteTrail") || ($.eventSource = "iam.*") }'))?.(m)).toBe(true);
    for (const p of ['{ $.eventName != "X" }', '{ $.x IS NULL }', '{ $.x NOT EXISTS }', '{ $.n = 12 }', '{ $.n = 1* }', '{ $.eventName = %Get% }', '{ ($.a = "Q") || ($.b NOT EXISTS) }']) {
      expect(compileJsonPrecheck(exprOf(p)), p).toBeUndefined();
    }
  });
});

describe('metric filters at ingestion', () => {
  function filter(i: number, pattern: string): StoredMetricFilter {
    return { filterName: `f${String(i).padStart(2, '0')}`, filterPattern: pattern, metricTransformations: [{ metricName: `m${i}`, metricNamespace: 'T', metricValue: '1' }], creationTime: 0, publishedMinutes: [] };
  }

  it('parse a message at most once however many filters read it, and not at all when none can match', () => {
    const names = ['DeleteTrail', 'StopLogging', 'GetUser', 'ListBuckets', 'CreateUser'];
    const model = new LogsModel();
    const group = model.newGroup('g', 0);
    for (let i = 0; i < 20; i++) {
      const f = filter(i, `{ ($.eventName = "${names[i % names.length]!}") && ($.awsRegion = "*") && ($.userIdentity.type = "Root" || $.errorCode NOT EXISTS) }`);
      group.metricFilters[f.filterName] = f;
    }
    const puts: string[] = [];
    const runtime = new MetricFilterRuntime({ putMetric: (_r, _ns, d) => puts.push(d.MetricName), emit: () => undefined });
    const record = (eventName: string) => JSON.stringify({ eventName, awsRegion: 'us-east-1', userIdentity: { type: 'Root' } });
    const events = ['GetUser', 'DescribeVpcs', 'DeleteTrail', 'DescribeVpcs'].map((n, i) => ({ timestamp: 60_000 + i, message: record(n), ingestionTime: 120_000 }));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      runtime.process({ region: 'us-east-1', group, streamName: 's', events, now: 120_000 });
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
    // GetUser: filters 2, 7, 12, 17; DeleteTrail: 0, 5, 10, 15.
    expect(puts.sort()).toEqual(['m0', 'm10', 'm12', 'm15', 'm17', 'm2', 'm5', 'm7']);
  });
});
