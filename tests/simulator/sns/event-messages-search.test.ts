// varyingValues finds each member's key from a letter past its opening quote and checks the rest back
// (event-messages.ts). It must pick exactly what the plain search picked: the reference below is the code it
// replaced (indexOf of the whole key, a regex test of the value), run on texts built to trip the new search —
// keys whose tail occurs first without its head, inside values, at the very start or end of the text, values
// holding the characters JSON escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { varyingValues } from '../../../simulator/sns/event-messages';

const EVENT_PREFIX = '{"version":"0","id":"';

/** The search as it was before (event-messages.ts at 70d9dbe), kept here as the oracle. */
function reference(text: string): string[] {
  const values: string[] = [];
  let end = 0;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
  const notCut = /[\\\u0000-\u001f\u2028\u2029]/;
  const take = (at: number, key: string): boolean => {
    if (at < end) return false;
    const start = at + key.length;
    const close = text.indexOf('"', start);
    if (close < 0) return false;
    const value = text.slice(start, close);
    if (notCut.test(value)) return false;
    values.push(value);
    end = close;
    return true;
  };
  if (!take(EVENT_PREFIX.length - 6, '"id":"')) return values;
  take(text.indexOf('"time":"', end), '"time":"');
  const eventTimeAt = text.indexOf('"eventTime":"', end);
  if (eventTimeAt < 0) return values;
  const caller = text.slice(end, eventTimeAt);
  const base = end;
  const keyAt = caller.indexOf('"accessKeyId":"');
  if (keyAt >= 0) take(base + keyAt, '"accessKeyId":"');
  const createdAt = caller.indexOf('"creationDate":"', Math.max(0, end - base));
  if (createdAt >= 0) take(base + createdAt, '"creationDate":"');
  if (!take(eventTimeAt, '"eventTime":"')) return values;
  if (text.startsWith('","eventSource":"s3.amazonaws.com"', end)) take(text.indexOf('"x-amz-id-2":"', end), '"x-amz-id-2":"');
  take(text.indexOf('"requestID":"', end), '"requestID":"');
  if (take(text.indexOf('"eventID":"', end), '"eventID":"')) take(text.indexOf('"sharedEventID":"', end), '"sharedEventID":"');
  return values;
}

/** Pieces a text is made of: whole keys, their tails without a head, look-alike heads, values with and
 *  without escapes, and JSON punctuation. */
const PIECES = [
  '"time":"', 'me":"', '"eventTime":"', 'Time":"', 'xTime":"', '"accessKeyId":"', 'KeyId":"', '"creationDate":"', 'Date":"',
  '","eventSource":"s3.amazonaws.com"', '"x-amz-id-2":"', 'x-amz-id-2":"', '"requestID":"', 'questID":"', '"xrequestID":"', '"eventID":"',
  'ventID":"', '"preventID":"', '"sharedEventID":"', 'EventID":"', '"sharedxEventID":"', '"', '","', ':', ',', '{', '}',
  '2026-01-01T00:00:00Z', 'a1b2c3d4-0000-4000-8000-000000000001', 'AKIAEXAMPLE', 'back\\slash', 'line\u2028sep', 'tab\tin', 'é', '😀', '',
];

const textArb = fc
  .tuple(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.boolean())
  .map(([id, pieces, prefixed]) => (prefixed ? `${EVENT_PREFIX}${id}"` : id) + pieces.join(''));

describe('varyingValues', () => {
  it('picks what the plain search picked, on texts made to trip a tail search', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect([...varyingValues(text)]).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a tail met first without its head, and a key that ends the text', () => {
    const text = `${EVENT_PREFIX}i1","time":"t1","detail":{"userIdentity":{"xaccessKeyId":"no","accessKeyId":"AK"},"eventTime":"t2",` +
      `"note":"questID\\":\\"","xrequestID":"no","requestID":"R","preventID":"no","eventID":"E","sharedEventID":"S"}}`;
    expect([...varyingValues(text)]).toEqual(['i1', 't1', 'AK', 't2', 'R', 'E', 'S']);
    expect([...varyingValues(text)]).toEqual(reference(text));
    expect([...varyingValues(`${EVENT_PREFIX}i1","eventTime":"t","requestID":"`)]).toEqual(reference(`${EVENT_PREFIX}i1","eventTime":"t","requestID":"`));
  });
});
