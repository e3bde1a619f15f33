// TestMetricFilter against the API reference's request/response examples. Event numbers follow the
// AWS CLI example (1-based); the API reference samples show 0-based numbers, see the source note.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TestMetricFilter.html
import { describe, expect, it } from 'vitest';
import { testMetricFilter } from '../../../simulator/logs/metric-filter-test-run';

const APACHE = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
];
const APP = [
  '02 May 2014 00:34:12,525 [INFO] Starting the application',
  '02 May 2014 00:35:14,245 [DEBUG] Database connection established',
  '02 May 2014 00:34:14,663 [INFO] Executing SQL Query',
  '02 May 2014 00:34:16,142 [ERROR] Unhanded exception: InvalidQueryException',
  '02 May 2014 00:34:16,224 [ERROR] Terminating the application',
];
const numbers = (r: ReturnType<typeof testMetricFilter>) => r.matches.map((m) => m.eventNumber);

describe('TestMetricFilter', () => {
  it('the CLI example: ERROR over three messages', () => {
    const r = testMetricFilter({
      filterPattern: 'ERROR',
      logEventMessages: ['[ERROR] 400 BAD REQUEST', '[ERROR] 400 BAD REQUEST', '[INFO] 200 OK'],
    });
    expect(r).toEqual({
      matches: [
        { eventNumber: 1, eventMessage: '[ERROR] 400 BAD REQUEST', extractedValues: {} },
        { eventNumber: 2, eventMessage: '[ERROR] 400 BAD REQUEST', extractedValues: {} },
      ],
    });
  });

  it('all seven Apache fields named', () => {
    const r = testMetricFilter({ filterPattern: '[ip, identity, user_id, timestamp, request, status_code, size]', logEventMessages: APACHE });
    expect(r.matches).toHaveLength(3);
    expect(r.matches[1]?.extractedValues).toEqual({
      $status_code: '500', $identity: '-', $request: 'GET /apache_pb.gif HTTP/1.0', $size: '5324',
      $user_id: 'frank', $ip: '127.0.0.1', $timestamp: '10/Oct/2000:13:35:22 -0700',
    });
  });

  it('[..., size] numbers the unnamed fields', () => {
    const r = testMetricFilter({ filterPattern: '[..., size]', logEventMessages: APACHE });
    expect(r.matches[0]?.extractedValues).toEqual({
      $size: '1534', $6: '200', $4: '10/Oct/2000:13:25:15 -0700', $5: 'GET /apache_pb.gif HTTP/1.0', $2: '-', $3: 'frank', $1: '127.0.0.1',
    });
  });

  it('[] reports every field by position', () => {
    const r = testMetricFilter({ filterPattern: '[]', logEventMessages: APACHE });
    expect(r.matches[2]?.extractedValues).toEqual({
      $7: '4355', $6: '200', $4: '10/Oct/2000:13:50:35 -0700', $5: 'GET /apache_pb.gif HTTP/1.0', $2: '-', $3: 'frank', $1: '127.0.0.1',
    });
  });

  it('[..., status_code=200, size] keeps the successful requests', () => {
    const r = testMetricFilter({ filterPattern: '[..., status_code=200, size]', logEventMessages: APACHE });
    expect(numbers(r)).toEqual([1, 3]);
    expect(r.matches[0]?.extractedValues).toEqual({
      $status_code: '200', $size: '1534', $4: '10/Oct/2000:13:25:15 -0700', $5: 'GET /apache_pb.gif HTTP/1.0', $2: '-', $3: 'frank', $1: '127.0.0.1',
    });
  });

  it('4XX responses for HTML pages', () => {
    const r = testMetricFilter({
      filterPattern: '[..., request=*.html*, status_code=4*,]',
      logEventMessages: [
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
        '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /about-us/index.html HTTP/1.0" 200 5324',
        '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 404 4355',
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /products/index.html HTTP/1.0" 400 1534',
      ],
    });
    expect(numbers(r)).toEqual([1, 4]);
    expect(r.matches[1]?.extractedValues).toEqual({
      $status_code: '400', $request: 'GET /products/index.html HTTP/1.0', $7: '1534', $4: '10/Oct/2000:13:25:15 -0700', $2: '-', $3: 'frank', $1: '127.0.0.1',
    });
  });

  it('"[ERROR]" and "[ERROR]" Exception', () => {
    expect(numbers(testMetricFilter({ filterPattern: '"[ERROR]"', logEventMessages: APP }))).toEqual([4, 5]);
    const both = testMetricFilter({ filterPattern: '"[ERROR]" Exception', logEventMessages: APP });
    expect(both.matches).toEqual([{ eventNumber: 4, eventMessage: APP[3], extractedValues: {} }]);
  });

  it('rejects a bad pattern and a bad message count', () => {
    expect(() => testMetricFilter({ filterPattern: '{ $.a = ', logEventMessages: ['x'] })).toThrow('Invalid metric filter pattern');
    expect(() => testMetricFilter({ filterPattern: 'x', logEventMessages: [] })).toThrow(/at 'logEventMessages' failed to satisfy constraint/);
    expect(() => testMetricFilter({ filterPattern: 'x', logEventMessages: Array.from({ length: 51 }, () => 'm') })).toThrow(
      /Member must have length less than or equal to 50/,
    );
    expect(() => testMetricFilter({ filterPattern: 'x'.repeat(1025), logEventMessages: ['m'] })).toThrow(
      /at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024/,
    );
  });
});
