// The metric filter story as a `sim` script: the same steps a learner's script file would hold.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../simulator/cli/script';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const as = { as: 'root', region: 'ap-northeast-2', via: 'console' };

const script = {
  seed: 3,
  start: '2026-11-01T00:00:00Z',
  steps: [
    { call: 'logs:CreateLogGroup', params: { logGroupName: 'web' }, ...as },
    { call: 'logs:CreateLogStream', params: { logGroupName: 'web', logStreamName: 'access' }, ...as },
    {
      call: 'logs:PutMetricFilter', ...as,
      params: {
        logGroupName: 'web', filterName: 'server-errors', filterPattern: '[ip, id, user, timestamp, request, status_code = 5*, bytes]',
        metricTransformations: [{ metricName: 'ServerErrors', metricNamespace: 'Web', metricValue: '1', defaultValue: 0 }],
      },
    },
    { advance: 'PT1M' },
    {
      call: 'logs:PutLogEvents', ...as,
      params: {
        logGroupName: 'web', logStreamName: 'access',
        logEvents: [
          { timestamp: T0 + 60_000, message: '10.0.0.1 - - [01/Nov/2026:00:01:00 +0000] "GET /a HTTP/1.1" 200 512' },
          { timestamp: T0 + 61_000, message: '10.0.0.2 - - [01/Nov/2026:00:01:01 +0000] "GET /b HTTP/1.1" 503 0' },
          { timestamp: T0 + 62_000, message: '10.0.0.3 - - [01/Nov/2026:00:01:02 +0000] "GET /c HTTP/1.1" 500 0' },
        ],
      },
    },
    { call: 'logs:FilterLogEvents', params: { logGroupName: 'web', filterPattern: '[..., status_code = 5*, bytes]' }, ...as },
    { advance: 'PT5M' },
    {
      call: 'cloudwatch:GetMetricStatistics', ...as,
      params: { Namespace: 'Web', MetricName: 'ServerErrors', StartTime: '2026-11-01T00:00:00Z', EndTime: '2026-11-01T00:10:00Z', Period: 60, Statistics: ['Sum', 'SampleCount'] },
    },
  ],
};

describe('metric filters in a sim script', () => {
  it('a filter counts 5xx lines into a metric that GetMetricStatistics reads back', () => {
    const { results } = runScript(JSON.stringify(script));
    expect(results.map((r) => ('error' in r ? r.error : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    const response = (i: number) => {
      const r = results[i];
      return r && 'response' in r ? r.response : undefined;
    };
    const found = response(4)?.['events'] as { message: string }[];
    expect(found.map((e) => e.message.split(' ')[0])).toEqual(['10.0.0.2', '10.0.0.3']);
    const datapoints = response(5)?.['Datapoints'] as { Sum: number; SampleCount: number; Timestamp: unknown }[];
    expect(datapoints.map((d) => [d.Sum, d.SampleCount])).toEqual([[2, 2]]);
    expect(JSON.stringify(runScript(JSON.stringify(script)))).toBe(JSON.stringify(runScript(JSON.stringify(script))));
  });
});
