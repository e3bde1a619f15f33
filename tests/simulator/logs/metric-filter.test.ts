// Metric filter semantics: values, dimensions, default values and PutMetricFilter's checks.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html
import { describe, expect, it } from 'vitest';
import {
  compileMetricFilter,
  metricValuesFor,
  minuteObservations,
  toStatisticSet,
  type MetricTransformation,
} from '../../../simulator/logs/metric-filter';

const base = { metricName: 'm', metricNamespace: 'ns' };
const filter = (filterPattern: string, t: Partial<MetricTransformation> = {}) =>
  compileMetricFilter({ filterPattern, metricTransformations: [{ ...base, metricValue: '1', ...t }] });

const PROD = '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
const DIM_EVENT = JSON.stringify({ eventType: 'UpdateTrail', sourceIPAddress: '111.111.111.111' });

describe('metricValuesFor', () => {
  it('publishes the metric value for a matching event, nothing otherwise', () => {
    const f = filter('ERROR', { metricValue: '1', unit: 'Count' });
    expect(metricValuesFor(f, '[ERROR] boom')).toEqual([
      { metricNamespace: 'ns', metricName: 'm', value: 1, unit: 'Count', dimensions: {} },
    ]);
    expect(metricValuesFor(f, '[INFO] fine')).toEqual([]);
  });

  it('{ $.latency = * } with metricValue $.latency publishes 50', () => {
    const f = filter('{ $.latency = * }', { metricValue: '$.latency' });
    expect(metricValuesFor(f, '{"latency": 50, "requestType": "GET"}').map((o) => o.value)).toEqual([50]);
  });

  it('a space-delimited field as the value: $bytes and a positional $7', () => {
    expect(metricValuesFor(filter('[ip, server, username, timestamp, request, status_code, bytes]', { metricValue: '$bytes' }), PROD)[0]?.value).toBe(1534);
    expect(metricValuesFor(filter('[..., status_code=4*,]', { metricValue: '$7' }), PROD)[0]?.value).toBe(1534);
  });

  it('a value that is not a number publishes nothing', () => {
    expect(metricValuesFor(filter('[ip, server, ...]', { metricValue: '$server' }), PROD)).toEqual([]);
    expect(metricValuesFor(filter('{ $.a = * }', { metricValue: '$.a' }), '{"a":"x"}')).toEqual([]);
  });

  it('dimensions from a JSON event: "eventType" : $.eventType', () => {
    const f = filter('{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }', { dimensions: { eventType: '$.eventType' } });
    expect(metricValuesFor(f, DIM_EVENT)[0]?.dimensions).toEqual({ eventType: 'UpdateTrail' });
  });

  it('dimensions from a space-delimited event: "server" : $server', () => {
    const f = filter('[ip, server, username, timestamp, request, status_code, bytes > 1000]', { dimensions: { server: '$server' } });
    expect(metricValuesFor(f, PROD)[0]?.dimensions).toEqual({ server: 'Prod' });
  });
});

describe('minuteObservations: default value semantics', () => {
  const f = filter('ERROR', { metricValue: '1', defaultValue: 0 });
  it('two matching records in a minute publish 1 and 1 (sum 2)', () => {
    const obs = minuteObservations(f, ['ERROR a', 'ERROR b']);
    expect(toStatisticSet(obs.map((o) => o.value))).toEqual({ SampleCount: 2, Sum: 2, Minimum: 1, Maximum: 1 });
  });
  it('records but no match: the default value once', () => {
    expect(minuteObservations(f, ['ok a', 'ok b']).map((o) => o.value)).toEqual([0]);
  });
  it('no records ingested: nothing at all', () => {
    expect(minuteObservations(f, [])).toEqual([]);
  });
  it('no default value: nothing for a minute without matches', () => {
    expect(minuteObservations(filter('ERROR'), ['ok'])).toEqual([]);
  });
});

describe('compileMetricFilter checks', () => {
  it('dimensions only for JSON and space-delimited patterns', () => {
    expect(() => filter('?ERROR ?WARN', { dimensions: { ClusterName: 'c' } })).toThrow('The specified filter pattern does not support dimensions');
  });
  it('at most three dimensions', () => {
    const dimensions = { a: '$.a', b: '$.b', c: '$.c', d: '$.d' };
    expect(() => filter('{ $.a = * }', { dimensions })).toThrow(/Member must have length less than or equal to 3/);
  });
  it('no default value together with dimensions', () => {
    expect(() => filter('{ $.a = * }', { dimensions: { a: '$.a' }, defaultValue: 0 })).toThrow(/cannot have a default value/);
  });
  it('exactly one transformation, in AWS validation wording', () => {
    const t = { ...base, metricValue: '1' };
    expect(() => compileMetricFilter({ filterPattern: 'x', metricTransformations: [t, { ...t, metricName: 'metric2' }] })).toThrow(
      "1 validation error detected: Value '[MetricTransformation(metricName=m, metricNamespace=ns, metricValue=1, defaultValue=null, unit=null, dimensions=null), " +
        "MetricTransformation(metricName=metric2, metricNamespace=ns, metricValue=1, defaultValue=null, unit=null, dimensions=null)]' " +
        "at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  });
  it('pattern length and syntax', () => {
    expect(() => filter('x'.repeat(1025))).toThrow(/Member must have length less than or equal to 1024/);
    expect(() => filter('{ $.a = 1')).toThrow('Invalid metric filter pattern');
  });
  it('the error code is InvalidParameterException', () => {
    try {
      filter('?ERROR', { dimensions: { a: 'b' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'InvalidParameterException', httpStatus: 400 });
    }
  });
});
