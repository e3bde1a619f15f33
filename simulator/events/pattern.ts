import { AwsError, type Json } from '../core/contract';
import { compileObject, PatternReason } from './pattern-compile';
import { JsonSyntaxError, parseJsonLikeJackson, parseRootObject } from './pattern-json';
import { matchesPattern } from './pattern-match';
import type { EventPattern } from './pattern-types';

export type { EventPattern } from './pattern-types';
export { matchesPattern } from './pattern-match';

const INVALID = 'InvalidEventPatternException';
const PREFIX = 'Event pattern is not valid. Reason: ';

/**
 * Validates and compiles an event pattern as PutRule and TestEventPattern do, throwing
 * InvalidEventPatternException with AWS's "Event pattern is not valid. Reason: …" text. JSON syntax
 * errors carry Jackson's location suffix as AWS returns it; rule errors give the reason alone (AWS adds a
 * Jackson location there too, which is not reproduced).
 */
export function parseEventPattern(json: string): EventPattern {
  let root: { [key: string]: Json };
  try {
    root = parseRootObject(json);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new AwsError(INVALID, PREFIX + e.message);
    throw e;
  }
  try {
    return { source: json, branches: compileObject(root, [], [new Map()], false) };
  } catch (e) {
    if (e instanceof PatternReason) throw new AwsError(INVALID, PREFIX + e.message);
    throw e;
  }
}

// The API reference lists `resources` as mandatory too, but AWS accepts an event without it (validated
// test test_event_pattern_source sends none and gets Result true), so it is not required here.
const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

function nullParams(params: { EventPattern?: string | undefined; Event?: string | undefined }): void {
  const missing = [
    params.EventPattern === undefined ? 'eventPattern' : undefined,
    params.Event === undefined ? 'event' : undefined,
  ].filter((m): m is string => m !== undefined);
  if (missing.length === 0) return;
  const count = missing.length === 1 ? '1 validation error detected' : `${missing.length} validation errors detected`;
  const details = missing.map((m) => `Value null at '${m}' failed to satisfy constraint: Member must not be null`);
  throw new AwsError('ValidationException', `${count}: ${details.join('; ')}`);
}

/** TestEventPattern: the pattern is validated first, then the event ("Parameter Event is not valid."). */
export function testEventPattern(params: { EventPattern?: string; Event?: string }): { Result: boolean } {
  nullParams(params);
  const pattern = parseEventPattern(params.EventPattern as string);
  let event: Json | undefined;
  try {
    event = parseJsonLikeJackson(params.Event as string);
  } catch {
    event = undefined;
  }
  const isObject = typeof event === 'object' && event !== null && !Array.isArray(event);
  if (!isObject || REQUIRED_EVENT_FIELDS.some((f) => !(f in (event as object)))) {
    throw new AwsError('ValidationException', 'Parameter Event is not valid.');
  }
  return { Result: matchesPattern(pattern, event as Json) };
}
