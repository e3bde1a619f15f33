// A batch's counted filters ask each shape once for their whole list (BatchShapes.countsByPattern, with
// FilterVerdicts.matchingOf remembering the answer per shape and list). Checked against matchCounts, one
// pattern at a time on a fresh verdict cache, as the list changes, and past the shape table's capacity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchShapes } from '../../../simulator/logs/batch-shapes';
import { parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import type { FilterPattern } from '../../../simulator/logs/filter-pattern-types';
import { FilterVerdicts, MAX_SHAPES } from '../../../simulator/logs/filter-verdicts';
import { LogMessage } from '../../../simulator/logs/log-message';

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;
const NAMES = ['GetUser', 'DeleteTrail', 'PutObject', 'ListBuckets'];

const message = fc.record({
  kind: fc.constantFrom('record', 'record', 'record', 'uncut', 'text'),
  eventName: fc.constantFrom(...NAMES),
  region: fc.constantFrom('us-east-1', 'eu-west-1'),
  id: fc.nat(50),
  minute: fc.nat(3),
});

function textOf(m: { kind: string; eventName: string; region: string; id: number }): string {
  if (m.kind === 'text') return `${m.eventName} at ${m.region}`;
  if (m.kind === 'uncut') return JSON.stringify({ eventName: m.eventName, awsRegion: m.region });
  return JSON.stringify({ eventVersion: '1.11', eventTime: `2026-01-01T00:0${m.id % 10}:00Z`, eventName: m.eventName, awsRegion: m.region, requestID: uuid(m.id), eventID: uuid(m.id + 100) });
}

/** Shape-following patterns (the only kind counted). */
const PATTERNS: FilterPattern[] = [
  ...NAMES.map((n) => parseFilterPattern(`{ ($.eventName = "${n}") && ($.awsRegion = "*") }`)),
  parseFilterPattern('{ $.awsRegion = "eu-*" }'),
  parseFilterPattern('{ $.eventName = "Nothing" }'),
  parseFilterPattern('{ ($.eventName = "GetUser") || ($.eventName = "PutObject") }'),
];

function direct(messages: string[], minuteOf: number[], patterns: readonly FilterPattern[]): (number[] | undefined)[] {
  return patterns.map((p) => {
    const verdicts = new FilterVerdicts();
    const ms = messages.map((t) => new LogMessage(t));
    const counts = new BatchShapes(verdicts, ms, minuteOf, 4).matchCounts(verdicts, p, 4);
    return counts.some((c) => c > 0) ? counts : undefined;
  });
}

describe('counts of every counted filter at once', () => {
  it('equal matchCounts pattern by pattern, batch after batch, while the list of patterns changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(message, { minLength: 1, maxLength: 25 }), fc.subarray(PATTERNS, { minLength: 1 })), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (batches, sameList) => {
          const verdicts = new FilterVerdicts();
          let list: readonly FilterPattern[] | undefined;
          for (const [batch, patterns] of batches) {
            // The same array while the filters stay the same, as the runtime keeps it; a new one when they change.
            if (!sameList || list === undefined) list = patterns;
            const texts = batch.map(textOf);
            const minuteOf = batch.map((m) => m.minute);
            const shapes = new BatchShapes(verdicts, texts.map((t) => new LogMessage(t)), minuteOf, 4);
            expect(shapes.countsByPattern(verdicts, list, 4)).toEqual(direct(texts, minuteOf, list));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stay right for shapes the table has forgotten and met again', () => {
    const verdicts = new FilterVerdicts();
    const list = PATTERNS;
    // More shapes than the table keeps (a distinct member per shape), then the first ones again.
    const texts = Array.from({ length: MAX_SHAPES + 40 }, (_, i) => JSON.stringify({ eventTime: '2026-01-01T00:00:00Z', eventName: NAMES[i % NAMES.length], awsRegion: i % 3 ? 'us-east-1' : 'eu-west-1', [`k${i}`]: 1, requestID: uuid(i) }));
    const again = [...texts.slice(0, 60), ...texts.slice(0, 60).map((t) => t.replace(/"requestID":"[^"]+"/, `"requestID":"${uuid(9999)}"`))];
    for (const batch of [texts, again]) {
      const minuteOf = batch.map((_, i) => i % 4);
      const shapes = new BatchShapes(verdicts, batch.map((t) => new LogMessage(t)), minuteOf, 4);
      expect(shapes.countsByPattern(verdicts, list, 4)).toEqual(direct(batch, minuteOf, list));
    }
  });

  it('a shape answers a list it was asked before from memory, and works a new list out afresh', () => {
    const verdicts = new FilterVerdicts();
    const m = new LogMessage(textOf({ kind: 'record', eventName: 'GetUser', region: 'eu-west-1', id: 1 }));
    const first = verdicts.matchingOf(m, PATTERNS);
    expect(first).toEqual([0, 4, 6]);
    const other = new LogMessage(textOf({ kind: 'record', eventName: 'GetUser', region: 'eu-west-1', id: 2 }));
    expect(verdicts.matchingOf(other, PATTERNS)).toBe(first);
    expect(verdicts.matchingOf(other, [PATTERNS[5]!, PATTERNS[4]!])).toEqual([1]);
    expect(verdicts.matchingOf(new LogMessage('GetUser at eu-west-1'), PATTERNS)).toBeUndefined();
  });
});
