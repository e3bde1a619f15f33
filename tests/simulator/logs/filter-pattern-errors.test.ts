// Patterns the service rejects. Sources: the syntax page's rules, and rejections reported from the
// live API (quoted in issue threads and notes; cited per case).
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../simulator/core/contract';
import { FilterPatternError, parseFilterPattern } from '../../../simulator/logs/filter-pattern';

function rejection(pattern: string): FilterPatternError {
  try {
    parseFilterPattern(pattern);
  } catch (e) {
    if (e instanceof FilterPatternError) return e;
    throw e;
  }
  throw new Error(`accepted: ${pattern}`);
}

describe('the error itself', () => {
  it('is InvalidParameterException "Invalid metric filter pattern", HTTP 400', () => {
    const e = rejection('{ status = "401" }'); // aws/aws-cdk#15047: a selector without $.
    expect(e).toBeInstanceOf(AwsError);
    expect(e.code).toBe('InvalidParameterException');
    expect(e.message).toBe('Invalid metric filter pattern');
    expect(e.httpStatus).toBe(400);
  });
});

describe('reasons reported by the live service', () => {
  it.each([
    ['?Status: timeout', "Invalid character(s) in term ':'"],
    ['{ $.message = "error-response", $.path = "/authenticate" }', "Invalid character(s) in term ','"],
    ['PlayerSpawnedInWorld (reason: JoinMultiplayer', "Invalid character(s) in term '('"],
    ['level\\":\\"error', "Invalid character(s) in term '\\'"],
    ['`ERROR', "Invalid character(s) in term '`'"],
    ['{ $."sc-status" = 5* }', `Invalid character(s) in term '$."'`],
    ['{ $.a = 1 ', "If a filter pattern starts with '{' it must end with '}'"],
  ])('%s', (pattern, detail) => {
    expect(rejection(pattern).detail).toBe(detail);
  });
});

describe('other invalid patterns', () => {
  it.each([
    // a leading space makes it a term pattern full of invalid characters (live TestMetricFilter)
    ' {$.ThisFlag IS TRUE} ',
    // single-quoted strings (hashicorp/terraform-provider-aws#2945)
    "{$.userIdentity.type = 'Root' && $.userIdentity.invokedBy NOT EXISTS}",
    '{ $.someInt >= "123" }',
    '{ $.eventType < UpdateTrail }',
    '{ }',
    '{ $ = 1 }',
    '{ $.a = 1 && }',
    '{ ($.a = 1 }',
    '{ $.a = 1 ) }',
    '{ $.a }',
    '{ $.a IS MAYBE }',
    '{ $.a[x] = 1 }',
    '{ $.a.*.b[*] = 1 }',
    '{ $.*.a = 1 || $.b[*] = 1 || $.c.* = 1 || $.d[*] = 1 }',
    '{ $.a = %x% || $.b = %y% || $.c = %z% }',
    '{ $.a = "unterminated }',
    '"unterminated',
    'ERROR-CODE',
    '?',
    '%unterminated',
    '%a% %b%',
  ])('%s', (pattern) => {
    expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
  });
});

describe('valid edge cases', () => {
  it.each([
    'filterPattern0',
    '{ $.SomeOtherObject NOT EXISTS         }',
    '{ $.someFloat      <=     100.0 }',
    '{ $.*.a = 1 || $.b[*] = 1 || $.c.* = 1 }',
    '{ $.detail-type = "x" }',
    '{\n  ($.eventSource = config.amazonaws.com) &&\n  ($.eventName=StopConfigurationRecorder)\n}',
    '[]',
    '[,]',
    '"ERROR" - "Exiting"',
  ])('%s', (pattern) => {
    expect(() => parseFilterPattern(pattern)).not.toThrow();
  });
});
