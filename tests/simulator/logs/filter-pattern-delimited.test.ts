// Space-delimited patterns: the documentation's examples and its extracted-field listings.
import { describe, expect, it } from 'vitest';
import { matchesFilterPattern, matchLogEvent, parseFilterPattern } from '../../../simulator/logs/filter-pattern';
import { splitDelimitedMessage } from '../../../simulator/logs/filter-pattern-delimited';

const PROD = '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
const APACHE = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
];
const SERVICE = [
  'INFO 09/25/2014 12:00:00 GET /service/resource/67 1200',
  'INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310',
];

const yes = (p: string, m: string) => expect(matchesFilterPattern(p, m), `${p} ~ ${m}`).toBe(true);
const no = (p: string, m: string) => expect(matchesFilterPattern(p, m), `${p} !~ ${m}`).toBe(false);

describe('splitting a space-delimited event', () => {
  it('[] and "" enclose one field each, without their delimiters', () => {
    expect(splitDelimitedMessage(PROD)).toEqual([
      '127.0.0.1', 'Prod', 'frank', '10/Oct/2000:13:25:15 -0700', 'GET /index.html HTTP/1.0', '404', '1534',
    ]);
  });
});

describe('space-delimited patterns (current documentation)', () => {
  it('the seven-field example with regex, wildcard and condition', () => {
    yes('[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]', PROD);
    no('[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]', PROD.replace('404', '200'));
    no('[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request, status_code, bytes]', PROD.replace('127.0.0.1', '127.0.0.0'));
  });
  it('ellipsis stands for the unnamed leading fields', () => {
    yes('[..., request =*.html*, status_code = 4*, bytes]', PROD);
  });
  it('|| between conditions on one field', () => {
    const p = '[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]';
    yes(p, PROD);
    yes(p, PROD.replace(' 404 ', ' 410 '));
    no(p, PROD.replace(' 404 ', ' 403 '));
  });
  it('numeric condition (dimension example)', () => {
    yes('[ip, server, username, timestamp, request, status_code, bytes > 1000]', PROD);
    no('[ip, server, username, timestamp, request, status_code, bytes > 2000]', PROD);
  });
  it('first word ERROR or WARNING, and neither', () => {
    const lines = ['ERROR message', 'WARNING message', 'INFO message'];
    expect(lines.map((l) => matchesFilterPattern('[w1=ERROR, w2]', l))).toEqual([true, false, false]);
    expect(lines.map((l) => matchesFilterPattern('[w1=ERROR || w1=WARNING, w2]', l))).toEqual([true, true, false]);
    expect(lines.map((l) => matchesFilterPattern('[w1!=ERROR && w1!=WARNING, w2]', l))).toEqual([false, false, true]);
    expect(lines.map((l) => matchesFilterPattern('[w1=ERROR || w1=%WARN%, w2]', l))).toEqual([true, true, false]);
  });
  it('without ... the number of fields must equal the number of slots (2021 page)', () => {
    yes('[w1=ERROR, w2]', 'ERROR message');
    no('[w1=ERROR, w2]', 'ERROR WARN message');
    yes('[w1=ERROR, ...]', 'ERROR WARN message');
  });
  it('regex on the URL: top level and child resources', () => {
    const top = '[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]';
    const child = '[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]';
    expect(SERVICE.map((l) => matchesFilterPattern(top, l))).toEqual([true, false]);
    expect(SERVICE.map((l) => matchesFilterPattern(child, l))).toEqual([false, true]);
  });
  it('2021 page condition examples on the Apache lines', () => {
    expect(APACHE.map((l) => matchesFilterPattern('[ip, user, username, timestamp, request, status_code = 200, bytes]', l))).toEqual([true, false, true]);
    expect(APACHE.map((l) => matchesFilterPattern('[ip, user, ..., status_code, bytes > 5000]', l))).toEqual([false, true, false]);
    expect(APACHE.map((l) => matchesFilterPattern('[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]', l))).toEqual([false, false, false]);
    yes('[ip, user, ...]', APACHE[0] ?? '');
  });
  it('a numeric condition on a non-numeric field does not match', () => {
    no('[ip, user, username, timestamp, request, status_code, bytes > 1000]', PROD.replace('1534', '-'));
    yes('[ip, user, username, timestamp, request, status_code, bytes != 1000]', PROD.replace('1534', '-'));
  });
});

describe('extracted fields', () => {
  it('named fields as $name (dimension example)', () => {
    expect(matchLogEvent(parseFilterPattern('[ip, server, username, timestamp, request, status_code, bytes > 1000]'), PROD).fields).toEqual({
      $bytes: '1534',
      $status_code: '404',
      $request: 'GET /index.html HTTP/1.0',
      $timestamp: '10/Oct/2000:13:25:15 -0700',
      $username: 'frank',
      $server: 'Prod',
      $ip: '127.0.0.1',
    });
  });
  it('fields under ... and blank slots are numbered by position', () => {
    const r = matchLogEvent(parseFilterPattern('[..., request=*.html*, status_code=4*,]'), PROD.replace('Prod', '-'));
    expect(r.fields).toEqual({
      $1: '127.0.0.1', $2: '-', $3: 'frank', $4: '10/Oct/2000:13:25:15 -0700',
      $request: 'GET /index.html HTTP/1.0', $status_code: '404', $7: '1534',
    });
  });
  it('an ellipsis in the middle', () => {
    const r = matchLogEvent(parseFilterPattern('[ip, user, ..., status_code, bytes]'), APACHE[1] ?? '');
    expect(r.fields).toMatchObject({ $ip: '127.0.0.1', $user: '-', $3: 'frank', $status_code: '500', $bytes: '5324' });
  });
});

describe('space-delimited syntax errors', () => {
  it.each([
    '[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]',
    '[ip, user',
    '[a = ]',
    '[a > x]',
    '[a == 1]',
    '[a = b:c]',
    '[a = %x% && a = %y% && a = %z%]',
  ])('%s', (p) => expect(() => parseFilterPattern(p)).toThrow('Invalid metric filter pattern'));
});
