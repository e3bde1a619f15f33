// What the bus remembers or reuses to make an event's id and source (event-id.ts's byte arrays, cloudtrail-event.ts's
// sources) must give what making them afresh gives, whatever order texts and records come in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../simulator/core/sha256';
import { eventBridgeSource } from '../../../simulator/events/cloudtrail-event';
import { uuidFrom } from '../../../simulator/events/event-id';
import { rootConsoleLogin } from './cloudtrail-event-fixture';

/** The id made from a fresh encoding of the whole text, every time. */
function freshUuid(text: string): string {
  const h = [...sha256(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4] ?? '8'}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

describe('uuidFrom with reused byte arrays', () => {
  it('gives the fresh id for texts of equal and unequal lengths, ASCII or not, in any order', () => {
    // Texts of one length follow each other (the array is reused), non-ASCII ones stop part-way through it,
    // and long ones are not kept at all.
    const text = fc.oneof(
      fc.string({ minLength: 30, maxLength: 30 }),
      fc.string({ minLength: 30, maxLength: 30, unit: 'binary' }),
      fc.string({ maxLength: 140, unit: 'grapheme-ascii' }),
      fc.constantFrom('', 'eventbridge:3fcfb586-3e9c-4d24-b2a0-5f3bfe4e1b2a', 'eventbridge:한국어-3e9c-4d24-b2a0-5f3bfe4e1b2a', 'x'.repeat(129)),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (texts) => {
        for (const t of [...texts, ...texts]) expect(uuidFrom(t)).toBe(freshUuid(t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('eventBridgeSource remembered per eventSource', () => {
  it('gives aws.<service> for any eventSource, asked once or again, and aws.cloudtrail without one', () => {
    const source = fc.oneof(fc.constantFrom('s3.amazonaws.com', 'iam.amazonaws.com', 'monitoring.amazonaws.com', 'x.amazonaws.com.amazonaws.com', 'amazonaws.com', 'sim'), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 10 }), (sources) => {
        for (const s of [...sources, ...sources]) {
          const want = s === '' ? 'aws.cloudtrail' : `aws.${s.replace(/\.amazonaws\.com$/, '')}`;
          expect(eventBridgeSource(rootConsoleLogin({ eventSource: s }))).toBe(want);
        }
      }),
      { numRuns: 200 },
    );
    expect(eventBridgeSource(rootConsoleLogin({ eventSource: 's3.amazonaws.com', eventType: 'AwsCloudTrailInsight' }))).toBe('aws.cloudtrail');
  });

  it('keeps giving exact sources past its size bound', () => {
    for (let i = 0; i < 600; i++) {
      const s = `svc${i % 300}.amazonaws.com`;
      expect(eventBridgeSource(rootConsoleLogin({ eventSource: s }))).toBe(`aws.svc${i % 300}`);
    }
  });
});
