// Filters whose verdict follows the message shape and whose values are fixed publish a batch from counts per
// shape and minute (batch-shapes.ts). What they publish must be what asking every message gives: the same
// metric data in the same order, the same matched events, a default only for minutes without a match.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchShapes } from '../../../simulator/logs/batch-shapes';
import { FilterVerdicts } from '../../../simulator/logs/filter-verdicts';
import { MetricFilterRuntime } from '../../../simulator/logs/filters-runtime';
import { LogMessage } from '../../../simulator/logs/log-message';
import { compileMetricFilter, metricValuesFor, minuteObservations } from '../../../simulator/logs/metric-filter';
import { LogsModel, type StoredMetricFilter } from '../../../simulator/logs/model';
import { parseFilterPattern } from '../../../simulator/logs/filter-pattern';

const MINUTE = 60_000;
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;

/** A record in one of a few shapes (caller and call), or a message with nothing to cut, or not JSON at all. */
const message = fc.record({
  kind: fc.constantFrom('record', 'record', 'record', 'uncut', 'text'),
  eventName: fc.constantFrom('GetUser', 'DeleteTrail', 'PutObject'),
  region: fc.constantFrom('us-east-1', 'eu-west-1'),
  id: fc.nat(50),
  n: fc.nat(9),
});

function textOf(m: { kind: string; eventName: string; region: string; id: number; n: number }): string {
  if (m.kind === 'text') return `${m.eventName} at ${m.region} ${m.n}`;
  if (m.kind === 'uncut') return JSON.stringify({ eventName: m.eventName, awsRegion: m.region, n: m.n });
  return JSON.stringify({ eventVersion: '1.11', eventTime: `2026-01-01T00:0${m.n}:00Z`, eventName: m.eventName, awsRegion: m.region, n: m.n, requestID: uuid(m.id), eventID: uuid(m.id + 100) });
}

function stored(name: string, filterPattern: string, metricValue: string, defaultValue?: number): StoredMetricFilter {
  return { filterName: name, filterPattern, creationTime: 0, publishedMinutes: [], metricTransformations: [{ metricName: `${name}-m`, metricNamespace: 'T', metricValue, ...(defaultValue !== undefined ? { defaultValue } : {}) }] };
}

const FILTERS: StoredMetricFilter[] = [
  stored('counted', '{ ($.eventName = "GetUser") && ($.awsRegion = "*") }', '1'),
  stored('counted-default', '{ $.eventName = "DeleteTrail" }', '3', 0),
  stored('counted-never', '{ $.eventName = "Nothing" }', '1'),
  stored('counted-never-default', '{ $.eventName = "Nothing" }', '1', 7),
  stored('read', '{ $.eventName = "GetUser" }', '$.n', 0),
  stored('terms', 'GetUser', '1', 0),
  stored('by-time', '{ $.eventTime = "2026-01-01T00:01:00Z" }', '1'),
];

describe('batch shapes', () => {
  it('count per minute what asking every message gives', () => {
    const verdicts = new FilterVerdicts();
    const texts = ['GetUser', 'DeleteTrail', 'GetUser', 'GetUser', 'Nope'].map((eventName, i) => textOf({ kind: 'record', eventName, region: 'us-east-1', id: i, n: i }));
    texts.push('not json GetUser', JSON.stringify({ eventName: 'GetUser' }));
    const messages = texts.map((t) => new LogMessage(t));
    const minuteOf = [0, 0, 1, 2, 2, 1, 2];
    const shapes = new BatchShapes(verdicts, messages, minuteOf, 3);
    const pattern = parseFilterPattern('{ $.eventName = "GetUser" }');
    expect(shapes.matchCounts(verdicts, pattern, 3)).toEqual([1, 1, 2]);
    expect(shapes.matchCounts(verdicts, parseFilterPattern('{ $.eventName = "Nope" }'), 3)).toEqual([0, 0, 1]);
  });

  it('make the runtime publish exactly what each minute\'s messages observe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(message, fc.nat(4)), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), (batches, asTrail, repeated) => {
        const group = new LogsModel().newGroup('g', 0);
        for (const f of FILTERS) group.metricFilters[f.filterName] = structuredClone(f);
        const got: unknown[] = [];
        const put = (ns: string, d: unknown) => got.push(['put', ns, structuredClone(d)]);
        // With a sink storing counted matches in one step (CloudWatch's putRepeated), as `times` puts, each followed
        // by its event: the same log as one put and one event per match.
        const runtime = new MetricFilterRuntime({
          putMetric: (_r, ns, d) => put(ns, d),
          emit: (e) => got.push(['emit', structuredClone(e)]),
          ...(repeated ? { putMetricRepeated: (_r: string, ns: string, d: unknown, _at: number, times: number, each: () => void) => { for (let k = 0; k < times; k++) { put(ns, d); each(); } } } : {}),
        });
        const want: unknown[] = [];
        batches.forEach((batch, b) => {
          // Each batch in its own ten minutes, so no minute was published before (that bookkeeping has its own tests).
          const now = (b + 1) * 10 * MINUTE;
          const events = batch.map(([m, minute]) => ({ timestamp: now - 5 * MINUTE + minute * MINUTE + m.n, message: textOf(m), ingestionTime: now }));
          runtime.process({ region: 'r', group, streamName: 's', events, now, ...(asTrail ? { messages: events.map((e) => new LogMessage(e.message)) } : {}) });
          const minutes = [...new Set(events.map((e) => Math.floor(e.timestamp / MINUTE) * MINUTE))].sort((x, y) => x - y);
          for (const f of [...FILTERS].sort((x, y) => (x.filterName < y.filterName ? -1 : 1))) {
            const c = compileMetricFilter(f);
            for (const minute of minutes) {
              const texts = events.filter((e) => Math.floor(e.timestamp / MINUTE) * MINUTE === minute).map((e) => e.message);
              const matched = texts.flatMap((t) => metricValuesFor(c, t));
              for (const o of matched) {
                want.push(['put', o.metricNamespace, { MetricName: o.metricName, Timestamp: minute, Value: o.value }]);
                want.push(['emit', { type: 'metricFilter.matched', region: 'r', logGroupName: 'g', filterName: f.filterName, metricNamespace: o.metricNamespace, metricName: o.metricName, value: o.value, atMs: now }]);
              }
              // minuteObservations lists the matches, then the defaults of a minute without one.
              for (const o of minuteObservations(c, texts).slice(matched.length)) want.push(['put', o.metricNamespace, { MetricName: o.metricName, Timestamp: minute, Value: o.value }]);
            }
          }
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});
