// A trail's delivery reaches ingestion processing as a TrailBatch (trail-batch.ts): its events are listed only
// when asked, from the texts and the stored order's timestamps. They must be the events stored, in stored order
// (by eventTime, ties and unreadable times as the sort leaves them), and the stream's tally, counted with the
// delivery's one ingestion time, must equal a recount of the stored events.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LogsModel, type IngestedBatch, type StoredMetricFilter } from '../../../simulator/logs/model';
import { StreamTallies } from '../../../simulator/logs/stream-tally';
import { TemplatedTexts } from '../../../simulator/core/templated-texts';
import { varyingValues } from '../../../simulator/logs/trail-record-fields';
import { TrailBatch } from '../../../simulator/logs/trail-batch';

const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*';
const iso = (s: number) => `2026-01-01T00:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z`;

function model(withFilter: boolean, seen: IngestedBatch[]): LogsModel {
  const m = new LogsModel();
  const group = m.newGroup('CloudTrail/logs', 0);
  m.groups('us-east-1')['CloudTrail/logs'] = group;
  if (withFilter) {
    const f: StoredMetricFilter = { filterName: 'f', filterPattern: '{ $.eventName = "GetUser" }', metricTransformations: [{ metricName: 'f', metricNamespace: 'T', metricValue: '1' }], creationTime: 0, publishedMinutes: [] };
    group.metricFilters['f'] = f;
  }
  m.onIngest = (batch) => {
    seen.push(batch);
  };
  return m;
}

describe('a trail delivery as ingestion receives it', () => {
  it('lists the stored events in stored order, its timestamps and messages matching them', () => {
    // A time of -1 writes an eventTime no one can read (NaN): the sort decides its place, as it always did.
    const row = fc.tuple(fc.integer({ min: -1, max: 400 }), fc.constantFrom('GetUser', 'ListBuckets', '로그'), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(row, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), (batches, archive, withFilter) => {
        const seen: IngestedBatch[] = [];
        const m = model(withFilter, seen);
        const texts = new TemplatedTexts();
        let now = 3_600_000;
        for (const rows of batches) {
          const records = rows.map(([s, name], i) => JSON.stringify({ eventVersion: '1.11', eventTime: s < 0 ? 'soon' : iso(s), eventName: name, eventID: `id-${s}-${i}` }));
          const ids = records.map((r) => texts.add(r, varyingValues(r)));
          // CloudTrail passes the times it knows; a record with `known` false leaves it to be read from the text.
          const eventMs = rows.map(([s, , known]) => (known && s >= 0 ? Date.parse(iso(s)) : NaN));
          const before = seen.length;
          const stream = () => Object.values(m.group('us-east-1', 'CloudTrail/logs').streams)[0]!;
          const from = seen.length > 0 ? stream().log.length : 0;
          // As the account does: an archived delivery's texts are read from the archive, not handed over.
          m.deliverTrailRecords(ARN, '123456789012', 'us-east-1', archive ? undefined : records, now, archive ? { texts, ids, eventMs } : undefined);
          expect(seen.length).toBe(before + 1);
          const batch = seen[seen.length - 1]!;
          expect(batch).toBeInstanceOf(TrailBatch);
          const stored = stream().events.slice(from);
          expect(batch.events).toEqual(stored);
          // Asked twice, the same list.
          expect(batch.events).toBe(batch.events);
          expect(batch.timestamps).toEqual(stored.map((e) => e.timestamp));
          if (batch.messages) expect(batch.messages.map((x) => x.text)).toEqual(stored.map((e) => e.message));
          // The old way: the records sorted by their time (stable), each ingested now.
          const times = records.map((r, i) => (Number.isFinite(eventMs[i]!) ? eventMs[i]! : Date.parse((JSON.parse(r) as { eventTime: string }).eventTime)));
          const order = records.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
          expect(batch.events).toEqual(order.map((i) => ({ timestamp: times[i]!, message: records[i]!, ingestionTime: now })));
          now += 300_000;
        }
        const s = Object.values(m.group('us-east-1', 'CloudTrail/logs').streams)[0]!;
        expect(m.tally(s)).toEqual(new StreamTallies().of(s));
      }),
      { numRuns: 200 },
    );
  });
});
