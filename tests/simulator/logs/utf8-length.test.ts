// storedBytes counts every event's UTF-8 length. A trail's records are counted from what the metric filters'
// shape lookup learned while reading them (the shape's parts plus the cut values), not by encoding them:
// that count must be TextEncoder's for every text, non-ASCII and lone surrogates included, and the running
// tally must still equal a recount when processing itself writes to the stream.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Length, utf8LengthOf } from '../../../simulator/core/utf8-length';
import { ShapeTable, shapeCuts } from '../../../simulator/logs/message-shape';
import { FilterVerdicts } from '../../../simulator/logs/filter-verdicts';
import { parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import { LogMessage } from '../../../simulator/logs/log-message';
import { MetricFilterRuntime } from '../../../simulator/logs/filters-runtime';
import { LogsModel, type StoredMetricFilter } from '../../../simulator/logs/model';
import { TemplatedTexts } from '../../../simulator/core/templated-texts';
import { varyingValues } from '../../../simulator/logs/trail-record-fields';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s).length;
/** Pieces of text: ASCII, 2-, 3- and 4-byte characters, lone surrogates of both kinds, and JSON around values. */
const piece = fc.constantFrom('{"eventID":"', '","n":"', '","eventTime":"', '"}', 'a', '22', 'é', '로그', '😀', '\ud83d', '\ude00', '\\', '"');

describe('utf8LengthOf', () => {
  it('counts a range as TextEncoder counts it, and ranges cut between pairs add up to the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), (s, at) => {
        expect(utf8LengthOf(s, 0, s.length)).toBe(bytes(s));
        expect(utf8Length(s)).toBe(bytes(s));
        // A cut at a quote (as shapes cut) never falls inside a surrogate pair.
        const t = `${s}"${s}`;
        const cut = s.length + (at % 2);
        expect(utf8LengthOf(t, 0, cut) + utf8LengthOf(t, cut, t.length)).toBe(bytes(t));
      }),
    );
  });
});

describe('a shape lookup knows the text\'s UTF-8 length', () => {
  it('after known (when it answers) and after of, whatever texts came before', () => {
    const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), (texts) => {
        const table = new ShapeTable<number>(3, () => 0);
        for (const t of texts) {
          if (table.known(t) !== undefined) {
            expect(table.lastUtf8Length, JSON.stringify(t)).toBe(bytes(t));
            continue;
          }
          expect(table.lastUtf8Length).toBeNaN();
          const cuts = shapeCuts(t);
          if (!cuts) continue;
          table.of(t, cuts);
          expect(table.lastUtf8Length, JSON.stringify(t)).toBe(bytes(t));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is kept on the message a filter asked about, and a message never asked counts its own', () => {
    const verdicts = new FilterVerdicts();
    const pattern = parseFilterPattern('{ $.eventName = "GetUser" }');
    const value = fc.constantFrom('2026-01-01T00:00:00Z', 'abc', '로그', '😀', '\ud83d', 'é', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, fc.constantFrom('GetUser', '로그', 'x')), { minLength: 1, maxLength: 20 }), (rows) => {
        for (const [time, id, name] of rows) {
          const text = JSON.stringify({ eventTime: time, eventName: name, eventID: id });
          const asked = new LogMessage(text);
          verdicts.matches(pattern, asked, true);
          expect(asked.utf8Length(), text).toBe(bytes(text));
          expect(new LogMessage(text).utf8Length()).toBe(bytes(text));
        }
      }),
    );
  });
});

describe('storedBytes of a trail stream with metric filters', () => {
  const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*';
  const iso = (s: number) => `2026-01-01T00:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z`;
  const record = (s: number, name: string, id: string, note: string) =>
    JSON.stringify({ eventVersion: '1.11', eventTime: iso(s), eventName: name, requestParameters: { note }, requestID: id, eventID: `${id}-${s}` });
  const row = fc.tuple(fc.nat(3599), fc.constantFrom('GetUser', 'ListBuckets', '로그'), fc.constantFrom('r1', '로그', '😀', '\ud83d', 'é'), fc.constantFrom('', '메모 😀', 'plain'));
  const filter = (name: string, pattern: string): StoredMetricFilter => ({
    filterName: name, filterPattern: pattern, metricTransformations: [{ metricName: name, metricNamespace: 'T', metricValue: '1' }], creationTime: 0, publishedMinutes: [],
  });

  /** A model whose metric filters run at ingestion; `nested` also reads storedBytes and writes to the trail's
   *  stream from there, before the batch being processed is counted. */
  function modelWithFilters(nested: boolean): LogsModel {
    const model = new LogsModel();
    const group = model.newGroup('CloudTrail/logs', 0);
    model.groups('us-east-1')['CloudTrail/logs'] = group;
    for (const f of [filter('a', '{ $.eventName = "GetUser" }'), filter('b', '{ $.eventName = "로그" }'), filter('c', 'GetUser')]) group.metricFilters[f.filterName] = f;
    const runtime = new MetricFilterRuntime({ putMetric: () => undefined, emit: () => undefined });
    let depth = 0;
    model.onIngest = (batch) => {
      runtime.process(batch);
      if (nested && depth === 0 && batch.streamName.includes('_CloudTrail_')) {
        depth++;
        // Someone reading the stream's figures mid-processing (it then counts the batch from storage).
        model.storedBytes(batch.group);
        model.append('us-east-1', 'CloudTrail/logs', batch.streamName, [{ timestamp: 5, message: '중첩 write' }], batch.now);
        depth--;
      }
    };
    return model;
  }

  it('equals a recount of every stored message, delivered in or out of order, archived or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), (batches, archive, nested) => {
        const model = modelWithFilters(nested);
        const archiveTexts = new TemplatedTexts();
        for (const rows of batches) {
          const records = rows.map(([s, name, id, note]) => record(s, name, id, note));
          const ids = records.map((r) => archiveTexts.add(r, varyingValues(r)));
          model.deliverTrailRecords(ARN, '123456789012', 'us-east-1', archive ? undefined : records, 3_600_000, archive ? { texts: archiveTexts, ids } : undefined);
        }
        const group = model.group('us-east-1', 'CloudTrail/logs');
        const stored = Object.values(group.streams).flatMap((s) => s.events.map((e) => e.message));
        expect(model.storedBytes(group)).toBe(stored.reduce((n, m) => n + bytes(m) + 26, 0));
      }),
      { numRuns: 150 },
    );
  });
});
