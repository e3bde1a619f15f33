// The metric filter runtime's bookkeeping between batches: filters run in name order as the group's filters
// change, published minutes are remembered three hours (the list copied only when one ages out), and a default
// value is published once per minute with events but no match (the only case that looks the minute up).
import { describe, expect, it } from 'vitest';
import type { MetricDatumInput } from '../../../simulator/cloudwatch/metric-types';
import { MetricFilterRuntime } from '../../../simulator/logs/filters-runtime';
import { LogsModel, type LogGroup, type StoredMetricFilter } from '../../../simulator/logs/model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function filter(name: string, eventName: string, defaultValue?: number): StoredMetricFilter {
  return {
    filterName: name, filterPattern: `{ $.eventName = "${eventName}" }`, creationTime: 0, publishedMinutes: [],
    metricTransformations: [{ metricName: `${name}-metric`, metricNamespace: 'T', metricValue: '1', ...(defaultValue !== undefined ? { defaultValue } : {}) }],
  };
}

function setup() {
  const group: LogGroup = new LogsModel().newGroup('g', 0);
  const puts: Array<[string, MetricDatumInput]> = [];
  const runtime = new MetricFilterRuntime({ putMetric: (_r, _ns, d) => puts.push([d.MetricName, d]), emit: () => undefined });
  const run = (now: number, events: Array<[number, string]>) =>
    runtime.process({ region: 'us-east-1', group, streamName: 's', now, events: events.map(([timestamp, eventName]) => ({ timestamp, message: JSON.stringify({ eventName }), ingestionTime: now })) });
  return { group, puts, run };
}

describe('metric filter runtime', () => {
  it('runs filters in name order, seeing filters added, replaced and deleted between batches', () => {
    const { group, puts, run } = setup();
    group.metricFilters['b'] = filter('b', 'X');
    group.metricFilters['a'] = filter('a', 'X');
    run(MINUTE, [[0, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['a-metric', 'b-metric']);
    puts.length = 0;
    run(2 * MINUTE, [[MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['a-metric', 'b-metric']);
    // Added (first in name order, last in the record), replaced under the same name, then deleted.
    group.metricFilters['0'] = filter('0', 'X');
    puts.length = 0;
    run(3 * MINUTE, [[2 * MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['0-metric', 'a-metric', 'b-metric']);
    group.metricFilters['a'] = { ...filter('a', 'Y'), metricTransformations: [{ metricName: 'a2-metric', metricNamespace: 'T', metricValue: '1' }] };
    puts.length = 0;
    run(4 * MINUTE, [[3 * MINUTE, 'Y'], [3 * MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['0-metric', 'a2-metric', 'b-metric']);
    delete group.metricFilters['0'];
    puts.length = 0;
    run(5 * MINUTE, [[4 * MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['b-metric']);
    // One deleted and one added between two batches: as many filters as before, not the same ones.
    delete group.metricFilters['b'];
    group.metricFilters['c'] = filter('c', 'X');
    puts.length = 0;
    run(6 * MINUTE, [[5 * MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['c-metric']);
    // The same filters again after a delete and re-add (another insertion order): still in name order.
    const a = group.metricFilters['a']!;
    delete group.metricFilters['a'];
    group.metricFilters['a'] = a;
    group.metricFilters['a'] = { ...a, filterPattern: '{ $.eventName = "X" }' };
    puts.length = 0;
    run(7 * MINUTE, [[6 * MINUTE, 'X']]);
    expect(puts.map(([n]) => n)).toEqual(['a2-metric', 'c-metric']);
  });

  it('remembers published minutes for three hours, in the order published, forgetting older ones', () => {
    const { group, run } = setup();
    const f = (group.metricFilters['a'] = filter('a', 'X'));
    run(10 * MINUTE, [[5 * MINUTE, 'X'], [7 * MINUTE, 'X'], [9 * MINUTE, 'Other']]);
    expect(f.publishedMinutes).toEqual([5 * MINUTE, 7 * MINUTE]);
    // A late batch for an earlier minute is remembered after the later ones.
    run(11 * MINUTE, [[3 * MINUTE, 'X']]);
    expect(f.publishedMinutes).toEqual([5 * MINUTE, 7 * MINUTE, 3 * MINUTE]);
    // At 3 h 6 min only minutes from 6 min on are kept; the list is not otherwise reordered.
    run(3 * HOUR + 6 * MINUTE, [[3 * HOUR + 5 * MINUTE, 'X']]);
    expect(f.publishedMinutes).toEqual([7 * MINUTE, 3 * HOUR + 5 * MINUTE]);
    const kept = f.publishedMinutes;
    // A batch with nothing to forget leaves the list as it is.
    run(3 * HOUR + 7 * MINUTE, [[3 * HOUR + 6 * MINUTE, 'Other']]);
    expect(f.publishedMinutes).toEqual(kept);
    // A list grown from outside (an aged minute the runtime did not add) or replaced, as a restored snapshot
    // does, is read afresh.
    f.publishedMinutes.push(6 * MINUTE);
    run(3 * HOUR + 7 * MINUTE, [[3 * HOUR + 6 * MINUTE, 'X']]);
    expect(f.publishedMinutes).toEqual([7 * MINUTE, 3 * HOUR + 5 * MINUTE, 3 * HOUR + 6 * MINUTE]);
    f.publishedMinutes = [3 * HOUR + 5 * MINUTE, MINUTE];
    run(3 * HOUR + 8 * MINUTE, [[3 * HOUR + 7 * MINUTE, 'Other']]);
    expect(f.publishedMinutes).toEqual([3 * HOUR + 5 * MINUTE]);
  });

  it('publishes a default value once per minute with events but no match, and none after a match', () => {
    const { group, puts, run } = setup();
    const f = (group.metricFilters['a'] = filter('a', 'X', 0));
    run(10 * MINUTE, [[5 * MINUTE, 'Other'], [6 * MINUTE, 'X']]);
    expect(puts.map(([, d]) => [d.Timestamp, d.Value])).toEqual([[5 * MINUTE, 0], [6 * MINUTE, 1]]);
    puts.length = 0;
    // Minute 5 already has its default, minute 6 its match: more unmatched events there publish nothing.
    run(11 * MINUTE, [[5 * MINUTE, 'Other'], [6 * MINUTE, 'Other'], [8 * MINUTE, 'Other']]);
    expect(puts.map(([, d]) => [d.Timestamp, d.Value])).toEqual([[8 * MINUTE, 0]]);
    expect(f.publishedMinutes).toEqual([5 * MINUTE, 6 * MINUTE, 8 * MINUTE]);
    // Without a default value, unmatched minutes are not remembered.
    const g = (group.metricFilters['b'] = filter('b', 'X'));
    run(12 * MINUTE, [[11 * MINUTE, 'Other']]);
    expect(g.publishedMinutes).toEqual([]);
  });
});
