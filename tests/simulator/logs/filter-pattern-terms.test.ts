// Unstructured and regex patterns, each example from AWS's filter pattern syntax pages.
// Current page: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
// 2021 page: awsdocs/amazon-cloudwatch-logs-user-guide doc_source/FilterAndPatternSyntax.md
import { describe, expect, it } from 'vitest';
import { matchesFilterPattern, parseFilterPattern, patternUsesRegex } from '../../../simulator/logs/filter-pattern';

const E400 = '[ERROR 400] BAD REQUEST';
const E401 = '[ERROR 401] UNAUTHORIZED REQUEST';
const E419 = '[ERROR 419] MISSING ARGUMENTS';
const E420 = '[ERROR 420] INVALID ARGUMENTS';
const E500 = '[ERROR 500] INTERNAL SERVER ERROR';

function expectMatches(pattern: string, yes: string[], no: string[]): void {
  for (const m of yes) expect(matchesFilterPattern(pattern, m), `${pattern} ~ ${m}`).toBe(true);
  for (const m of no) expect(matchesFilterPattern(pattern, m), `${pattern} !~ ${m}`).toBe(false);
}

describe('unstructured terms (current documentation)', () => {
  it('single term', () => expectMatches('ERROR', [E400, E401, E419, E420], ['[INFO 200] SUCCESSFUL REQUEST']));
  it('multiple terms must all appear', () => expectMatches('ERROR ARGUMENTS', [E419, E420], [E400, E401]));
  it('optional terms: any one suffices', () =>
    expectMatches('?ERROR ?ARGUMENTS', [E400, E401, E419, E420], ['[INFO 200] SUCCESSFUL REQUEST']));
  it('? terms are ignored when combined with other terms', () =>
    expectMatches(
      '?ERROR ?ARGUMENTS REQUEST',
      ['[INFO] REQUEST FAILED', '[WARN] UNAUTHORIZED REQUEST', '[ERROR] 400 BAD REQUEST'],
      [E419, '[WARNING 404] PAGE NOT FOUND'],
    ));
  it('? terms are ignored next to an exclusion too', () =>
    expectMatches('?ERROR -ARGUMENTS', ['[INFO 200] SUCCESSFUL REQUEST', E400], [E419]));
  it('exact phrase', () => expectMatches('"INTERNAL SERVER ERROR"', [E500], [E400, 'INTERNAL ERROR SERVER']));
  it('include and exclude', () => expectMatches('ERROR -ARGUMENTS', [E400, E401], [E419, E420]));
  it('" " matches everything', () => expectMatches('" "', [E400, 'x', ''], []));
});

describe('unstructured terms (2021 documentation)', () => {
  it('"" and the empty pattern match everything', () => {
    expect(parseFilterPattern('""')).toEqual({ kind: 'all' });
    expect(parseFilterPattern('')).toEqual({ kind: 'all' });
    expectMatches('""', ['anything'], []);
  });
  it('terms are case-sensitive substrings', () =>
    expectMatches('ERROR', ['[ERROR] A fatal exception has occurred', 'Exiting with ERRORCODE: -1'], ['error: lower case']));
  it('"ERROR" - "Exiting" drops the Exiting line', () =>
    expectMatches('"ERROR" - "Exiting"', ['[ERROR] A fatal exception has occurred'], ['Exiting with ERRORCODE: -1']));
  it('ERROR Exception', () =>
    expectMatches('ERROR Exception', ['[ERROR] Caught IllegalArgumentException', '[ERROR] Unhandled Exception'], ['[ERROR] caught it']));
  it('OR examples over three lines', () => {
    const [l1, l2, l3] = ['ERROR WARN message', 'ERROR message', 'WARN message'];
    expectMatches('ERROR', [l1, l2], [l3]);
    expectMatches('?ERROR ?WARN', [l1, l2, l3], ['INFO message']);
    expectMatches('ERROR WARN', [l1], [l2, l3]);
    expectMatches('ERROR -WARN', [l2], [l1, l3]);
  });
  it('an optional quoted phrase', () =>
    expectMatches('?"clean up" ?xyz', ['map clean up', 'xyz', 'xyz will do clean up'], ['abc xy yz xz', 'map is cleaned up']));
});

describe('regex patterns', () => {
  it('%AUTHORIZED% searches anywhere', () =>
    expectMatches('%AUTHORIZED%', [E401, '[SUCCESS 200] AUTHORIZED REQUEST'], [E400]));
  it('anchors', () => {
    expectMatches('%^[hc]at%', ['hat trick', 'cat'], ['a hat']);
    expectMatches('%[hc]at$%', ['a hat', 'the cat'], ['hats']);
  });
  it('?, character classes, counted repetition', () => {
    expectMatches('%colou?r%', ['color', 'colour'], ['colr']);
    expectMatches('%[abcx-z]%', ['a', 'y'], ['d']);
    expectMatches('%a{3,5}%', ['aaa', 'aaaaa'], ['aa']);
    expectMatches('%a{,2}b%', ['b', 'aab'], []);
  });
  it('alternation', () => {
    expectMatches('%gra|ey%', ['gray', 'grey'], ['gry']);
    expectMatches('%^starting|^initializing|^shutting down%', ['starting up', 'initializing db', 'shutting down now'], [
      'skipping initializing step',
    ]);
  });
  it('escapes, IP addresses and the unescaped-dot pitfall', () => {
    expectMatches('%\\[.\\]%', ['[a]', '[7]', '[ ]'], ['[ab]']);
    expectMatches('%10\\.10\\.0\\.1%', ['10.10.0.1'], ['10010,051']);
    expectMatches('%10.10.0.1%', ['10010,051'], []);
  });
  it('*, +, . and the \\d \\s \\w \\x classes', () => {
    expectMatches('%ab*c%', ['ac', 'abc', 'abbbc'], ['adc']);
    expectMatches('%ab+c%', ['abc', 'abbc'], ['ac']);
    expectMatches('%.at%', ['hat', '#at', ' at'], ['at']);
    expectMatches('%\\d%', ['a1'], ['ab']);
    expectMatches('%\\s%', ['a b'], ['ab']);
    expectMatches('%\\W%', ['a-b'], ['ab_9']);
    expectMatches('%\\x3A%', ['key:value'], ['key=value']);
  });
  it('rejects characters outside the documented set', () => {
    expect(() => parseFilterPattern('%something!%')).toThrow('Invalid metric filter pattern');
    expect(() => parseFilterPattern('%(ab)+%')).toThrow('Invalid metric filter pattern');
    expect(() => parseFilterPattern('%한글%')).toThrow('Invalid metric filter pattern');
  });
});

describe('patternUsesRegex', () => {
  it.each([
    ['%AUTHORIZED%', true],
    ['{ $.eventType = %Trail% }', true],
    ['[w1=ERROR || w1=%WARN%, w2]', true],
    ['{ $.eventType = "%" }', false],
    ['ERROR', false],
    ['[w1=ERROR, w2]', false],
  ])('%s → %s', (p, expected) => expect(patternUsesRegex(parseFilterPattern(p))).toBe(expected));
});
