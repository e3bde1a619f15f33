// Metric filters on the account: the API, ingestion into CloudWatch metrics, FilterLogEvents, snapshots.
import { describe, expect, it } from 'vitest';
import { Account } from '../../../simulator/account';
import type { SimEvent } from '../../../simulator/core/events';
import type { Json, JsonObject } from '../../../simulator/core/contract';
import { newAccount, ok, onlyRecord, recordingCloudTrail, rootConsole, START } from '../support';

const MINUTE = 60_000;
const R = 'us-east-1';

function groupWithStream(acct: Account, group = 'app', stream = 's1') {
  const c = rootConsole(acct);
  ok(acct.call('logs:CreateLogGroup', { logGroupName: group }, c));
  ok(acct.call('logs:CreateLogStream', { logGroupName: group, logStreamName: stream }, c));
  return c;
}

function put(acct: Account, c: { as: string; region: string; via: 'console' }, events: { timestamp: number; message: string }[], stream = 's1', group = 'app') {
  return ok(acct.call('logs:PutLogEvents', { logGroupName: group, logStreamName: stream, logEvents: events }, c));
}

/** One-minute datapoints of a metric as CloudWatch stores them: [minute, SampleCount, Sum]. */
function minutes(acct: Account, namespace: string, name: string, dims: { Name: string; Value: string }[] = []): [number, number, number][] {
  const series = acct.cloudwatch.model.metricsIn(R).aggregate({ Namespace: namespace, MetricName: name, Dimensions: dims }, undefined, START - 86_400_000, START + 86_400_000, MINUTE);
  return series.flatMap((s) => s.buckets.map((b): [number, number, number] => [b.timestamp - START, b.count, b.sum]));
}

const latencyFilter = (extra: JsonObject = {}) => ({
  logGroupName: 'app', filterName: 'latency', filterPattern: '{ $.latency = * }',
  metricTransformations: [{ metricName: 'Latency', metricNamespace: 'App', metricValue: '$.latency', unit: 'Milliseconds', ...extra }],
});

describe('metric filter API', () => {
  it('PutMetricFilter / DescribeMetricFilters / DeleteMetricFilter are recorded management calls with AWS errors', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    const putR = acct.call('logs:PutMetricFilter', latencyFilter(), c);
    ok(putR);
    const rec = onlyRecord(putR);
    expect(rec).toMatchObject({ eventSource: 'logs.amazonaws.com', eventName: 'PutMetricFilter', readOnly: false, managementEvent: true });
    expect(rec.requestParameters).toMatchObject({ logGroupName: 'app', filterName: 'latency', filterPattern: '{ $.latency = * }' });

    const described = acct.call('logs:DescribeMetricFilters', { logGroupName: 'app' }, c);
    expect(ok(described)['metricFilters']).toEqual([{
      filterName: 'latency', filterPattern: '{ $.latency = * }', creationTime: START,
      metricTransformations: [{ metricName: 'Latency', metricNamespace: 'App', metricValue: '$.latency', unit: 'Milliseconds' }],
      logGroupName: 'app', applyOnTransformedLogs: false,
    }]);
    // "Only request elements are logged" for Describe* calls.
    expect(onlyRecord(described).responseElements).toBeNull();
    const groups = ok(acct.call('logs:DescribeLogGroups', {}, c))['logGroups'] as JsonObject[];
    expect(groups[0]?.['metricFilterCount']).toBe(1);

    const bad = acct.call('logs:PutMetricFilter', { ...latencyFilter(), filterPattern: '{ $.latency = }' }, c);
    expect(bad.ok ? '' : bad.error).toEqual({ code: 'InvalidParameterException', message: 'Invalid metric filter pattern' });
    expect(bad.records[0]?.errorCode).toBe('InvalidParameterException');
    const noGroup = acct.call('logs:PutMetricFilter', { ...latencyFilter(), logGroupName: 'nope' }, c);
    expect(noGroup.ok ? '' : noGroup.error).toEqual({ code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    const badUnit = acct.call('logs:PutMetricFilter', latencyFilter({ unit: 'Furlongs' }), c);
    expect(badUnit.ok ? '' : badUnit.error.code).toBe('InvalidParameterException');
    const dimsWithDefault = acct.call('logs:PutMetricFilter', latencyFilter({ defaultValue: 0, dimensions: { Type: '$.requestType' } }), c);
    expect(dimsWithDefault.ok ? '' : dimsWithDefault.error.code).toBe('InvalidParameterException');

    // 100 filters per log group; replacing an existing one is not a new filter.
    for (let i = 1; i < 100; i++) ok(acct.call('logs:PutMetricFilter', { ...latencyFilter(), filterName: `f${String(i).padStart(3, '0')}` }, c));
    const over = acct.call('logs:PutMetricFilter', { ...latencyFilter(), filterName: 'one-too-many' }, c);
    expect(over.ok ? '' : over.error).toEqual({ code: 'LimitExceededException', message: 'Resource limit exceeded.' });
    ok(acct.call('logs:PutMetricFilter', latencyFilter({ defaultValue: 0 }), c));

    const page1 = ok(acct.call('logs:DescribeMetricFilters', { logGroupName: 'app', limit: 50 }, c));
    const page2 = ok(acct.call('logs:DescribeMetricFilters', { logGroupName: 'app', limit: 50, nextToken: page1['nextToken'] ?? '' }, c));
    const names = [...(page1['metricFilters'] as JsonObject[]), ...(page2['metricFilters'] as JsonObject[])].map((f) => f['filterName']);
    expect(names).toHaveLength(100);
    expect(new Set(names).size).toBe(100);
    expect(page2['nextToken']).toBeUndefined();

    const noGroupPrefix = acct.call('logs:DescribeMetricFilters', { filterNamePrefix: 'f' }, c);
    expect(noGroupPrefix.ok ? '' : noGroupPrefix.error.code).toBe('InvalidParameterException');
    const nameOnly = acct.call('logs:DescribeMetricFilters', { metricName: 'Latency' }, c);
    expect(nameOnly.ok ? '' : nameOnly.error.code).toBe('InvalidParameterException');
    const byMetric = ok(acct.call('logs:DescribeMetricFilters', { metricName: 'Latency', metricNamespace: 'App', limit: 5 }, c));
    expect((byMetric['metricFilters'] as JsonObject[]).map((f) => f['filterName'])).toEqual(['f001', 'f002', 'f003', 'f004', 'f005']);
    ok(acct.call('logs:DeleteMetricFilter', { logGroupName: 'app', filterName: 'latency' }, c));
    const again = acct.call('logs:DeleteMetricFilter', { logGroupName: 'app', filterName: 'latency' }, c);
    expect(again.ok ? '' : again.error.code).toBe('ResourceNotFoundException');
    const left = ok(acct.call('logs:DescribeMetricFilters', { logGroupName: 'app', filterNamePrefix: 'lat' }, c));
    expect(left['metricFilters']).toEqual([]);
  });

  it('at most five filters with regular expressions per log group', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    const regexFilter = (i: number) => ({
      logGroupName: 'app', filterName: `re${i}`, filterPattern: `%ERROR-${i}[0-9]+%`,
      metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1' }],
    });
    for (let i = 1; i <= 5; i++) ok(acct.call('logs:PutMetricFilter', regexFilter(i), c));
    const sixth = acct.call('logs:PutMetricFilter', regexFilter(6), c);
    expect(sixth.ok ? '' : sixth.error.code).toBe('LimitExceededException');
    // Replacing one of the five is not a sixth.
    ok(acct.call('logs:PutMetricFilter', { ...regexFilter(6), filterName: 're1' }, c));
    ok(acct.call('logs:PutMetricFilter', { ...regexFilter(7), filterPattern: 'ERROR' }, c));
  });

  it('TestMetricFilter through the API answers matches with extracted values, counting events from 1', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const r = acct.call('logs:TestMetricFilter', {
      filterPattern: '[ip, user, username, timestamp, request, status_code = 4*, bytes]',
      logEventMessages: [
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326',
        '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /index.html HTTP/1.0" 200 1024',
      ],
    }, c);
    const matches = ok(r)['matches'] as JsonObject[];
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ eventNumber: 1, extractedValues: { $status_code: '404', $bytes: '2326', $user: '-', $username: 'frank' } });
    expect(onlyRecord(r)).toMatchObject({ eventName: 'TestMetricFilter', readOnly: true });
    const bad = acct.call('logs:TestMetricFilter', { filterPattern: '{ $.a = ', logEventMessages: ['x'] }, c);
    expect(bad.ok ? '' : bad.error).toEqual({ code: 'InvalidParameterException', message: 'Invalid metric filter pattern' });
  });
});

describe('metric filters at ingestion', () => {
  it('publish each match at its minute, with dimensions, into the CloudWatch metric store, and tell the bus', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    ok(acct.call('logs:PutMetricFilter', {
      logGroupName: 'app', filterName: 'latency-by-type', filterPattern: '{ $.latency = * }',
      metricTransformations: [{ metricName: 'Latency', metricNamespace: 'App', metricValue: '$.latency', dimensions: { RequestType: '$.requestType' } }],
    }, c));
    const seen: SimEvent[] = [];
    acct.bus.on((e) => { if (e.type === 'metricFilter.matched') seen.push(e); });
    acct.advance('PT2M');
    put(acct, c, [
      { timestamp: START + 60_000, message: '{"latency":50,"requestType":"GET"}' },
      { timestamp: START + 61_000, message: '{"latency":70,"requestType":"GET"}' },
      { timestamp: START + 62_000, message: '{"latency":9,"requestType":"PUT"}' },
      { timestamp: START + 63_000, message: '{"status":"no latency here"}' },
      { timestamp: START + 120_000, message: '{"latency":"slow","requestType":"GET"}' },
    ]);
    expect(minutes(acct, 'App', 'Latency', [{ Name: 'RequestType', Value: 'GET' }])).toEqual([[MINUTE, 2, 120]]);
    expect(minutes(acct, 'App', 'Latency', [{ Name: 'RequestType', Value: 'PUT' }])).toEqual([[MINUTE, 1, 9]]);
    // Each dimension set is its own metric: nothing lands on the dimensionless one.
    expect(minutes(acct, 'App', 'Latency')).toEqual([]);
    expect(seen).toEqual([50, 70, 9].map((value) => ({
      type: 'metricFilter.matched', region: R, logGroupName: 'app', filterName: 'latency-by-type', metricNamespace: 'App', metricName: 'Latency', value, atMs: START + 120_000,
    })));
  });

  it('defaultValue: once per minute with events but no match, nothing for minutes without events', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    ok(acct.call('logs:PutMetricFilter', {
      logGroupName: 'app', filterName: 'errors', filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'ErrorCount', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
    }, c));
    acct.advance('PT10M');
    put(acct, c, [
      { timestamp: START + 1 * MINUTE, message: 'INFO ok' },
      { timestamp: START + 1 * MINUTE + 5, message: 'INFO still ok' },
      { timestamp: START + 2 * MINUTE, message: '[ERROR] disk full' },
      { timestamp: START + 2 * MINUTE + 1, message: '[ERROR] disk still full' },
      { timestamp: START + 4 * MINUTE, message: 'INFO recovered' },
    ]);
    // A second batch for minute 1 without a match adds no second default.
    put(acct, c, [{ timestamp: START + 1 * MINUTE + 30_000, message: 'INFO later' }]);
    expect(minutes(acct, 'App', 'ErrorCount')).toEqual([
      [1 * MINUTE, 1, 0],
      [2 * MINUTE, 2, 2],
      [4 * MINUTE, 1, 0],
    ]);
  });

  it('do not apply retroactively: events stored before the filter existed publish nothing', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    put(acct, c, [{ timestamp: START, message: '[ERROR] before the filter' }]);
    ok(acct.call('logs:PutMetricFilter', {
      logGroupName: 'app', filterName: 'errors', filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'ErrorCount', metricNamespace: 'App', metricValue: '1' }],
    }, c));
    expect(minutes(acct, 'App', 'ErrorCount')).toEqual([]);
    acct.advance('PT3M');
    put(acct, c, [{ timestamp: START + 3 * MINUTE, message: '[ERROR] after the filter' }]);
    expect(minutes(acct, 'App', 'ErrorCount')).toEqual([[3 * MINUTE, 1, 1]]);
  });

  it('Lambda execution logs run through the function group\'s filters', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    ok(acct.call('iam:CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: trust }, c));
    ok(acct.call('iam:AttachRolePolicy', { RoleName: 'fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole' }, c));
    ok(acct.call('lambda:CreateFunction', { FunctionName: 'hello', Runtime: 'python3.12', Role: 'arn:aws:iam::123456789012:role/fn-role', Handler: 'app.handler', Code: { ZipFile: btoa('PK fake') } }, c));
    ok(acct.call('lambda:Invoke', { FunctionName: 'hello' }, c));
    ok(acct.call('logs:PutMetricFilter', {
      logGroupName: '/aws/lambda/hello', filterName: 'billed', filterPattern: '[type=REPORT, ...]',
      metricTransformations: [{ metricName: 'Reports', metricNamespace: 'App', metricValue: '1' }],
    }, c));
    acct.advance('PT1M');
    ok(acct.call('lambda:Invoke', { FunctionName: 'hello' }, c));
    ok(acct.call('lambda:Invoke', { FunctionName: 'hello' }, c));
    expect(minutes(acct, 'App', 'Reports')).toEqual([[MINUTE, 2, 2]]);
  });

  it('snapshot/restore keeps filters: the restored account goes on publishing, byte-identically', () => {
    const build = () => {
      const { acct } = newAccount();
      const c = groupWithStream(acct);
      ok(acct.call('logs:PutMetricFilter', {
        logGroupName: 'app', filterName: 'errors', filterPattern: 'ERROR',
        metricTransformations: [{ metricName: 'ErrorCount', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
      }, c));
      put(acct, c, [{ timestamp: START, message: 'INFO hello' }]);
      return acct;
    };
    const a = build();
    const snap = a.snapshot();
    expect(JSON.stringify(snap)).toBe(JSON.stringify(build().snapshot()));
    const b = Account.restore(JSON.parse(JSON.stringify(snap)) as typeof snap, () => recordingCloudTrail().port);
    expect(b.logs.model.group(R, 'app').metricFilters['errors']?.publishedMinutes).toEqual([START]);
    const c = rootConsole(b);
    put(b, c, [{ timestamp: START + 5, message: 'INFO again, same minute: no second default' }, { timestamp: START + MINUTE, message: '[ERROR] boom' }]);
    expect(minutes(b, 'App', 'ErrorCount')).toEqual([[0, 1, 0], [MINUTE, 1, 1]]);
    expect(() => b.logs.restore({ version: 1, regions: { [R]: { app: { logGroupName: 'other' } } } })).toThrow(/malformed log group/);
    expect(() => b.logs.restore({ version: 3, regions: {} })).toThrow(/unsupported version/);
  });
});

describe('FilterLogEvents', () => {
  it('searches streams by JSON pattern and time range, interleaved in time order, page by page, unrecorded', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    ok(acct.call('logs:CreateLogStream', { logGroupName: 'app', logStreamName: 's2' }, c));
    put(acct, c, [
      { timestamp: START + 1000, message: '{"user":"alice","status":500}' },
      { timestamp: START + 3000, message: '{"user":"bob","status":200}' },
      { timestamp: START + 5000, message: '{"user":"carol","status":503}' },
    ]);
    put(acct, c, [
      { timestamp: START + 2000, message: '{"user":"dave","status":502}' },
      { timestamp: START + 4000, message: 'plain text 500' },
    ], 's2');
    const all = acct.call('logs:FilterLogEvents', { logGroupName: 'app', filterPattern: '{ $.status >= 500 }' }, c);
    expect(all.records).toEqual([]);
    const events = ok(all)['events'] as JsonObject[];
    expect(events.map((e) => [e['logStreamName'], e['timestamp']])).toEqual([['s1', START + 1000], ['s2', START + 2000], ['s1', START + 5000]]);
    expect(events[0]).toMatchObject({ message: '{"user":"alice","status":500}', ingestionTime: START });
    expect(typeof events[0]?.['eventId']).toBe('string');

    const ranged = ok(acct.call('logs:FilterLogEvents', { logGroupName: 'app', filterPattern: '{ $.status >= 500 }', startTime: START + 2000, endTime: START + 5000 }, c));
    expect((ranged['events'] as JsonObject[]).map((e) => e['timestamp'])).toEqual([START + 2000, START + 5000]);
    const onlyS2 = ok(acct.call('logs:FilterLogEvents', { logGroupName: 'app', logStreamNames: ['s2'] }, c));
    expect((onlyS2['events'] as JsonObject[]).map((e) => e['message'])).toEqual(['{"user":"dave","status":502}', 'plain text 500']);

    const seen: Json[] = [];
    let token: string | undefined;
    do {
      const page: JsonObject = ok(acct.call('logs:FilterLogEvents', { logGroupName: 'app', limit: 2, ...(token ? { nextToken: token } : {}) }, c));
      seen.push(...(page['events'] as JsonObject[]).map((e) => e['timestamp'] ?? null));
      token = page['nextToken'] as string | undefined;
    } while (token);
    expect(seen).toEqual([1000, 2000, 3000, 4000, 5000].map((t) => START + t));

    const both = acct.call('logs:FilterLogEvents', { logGroupName: 'app', logStreamNames: ['s1'], logStreamNamePrefix: 's' }, c);
    expect(both.ok ? '' : both.error.code).toBe('InvalidParameterException');
    const badPattern = acct.call('logs:FilterLogEvents', { logGroupName: 'app', filterPattern: '{ $.status >= 500' }, c);
    expect(badPattern.ok ? '' : badPattern.error).toEqual({ code: 'InvalidParameterException', message: "If a filter pattern starts with '{' it must end with '}'" });
    const viaArn = ok(acct.call('logs:FilterLogEvents', { logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:app', filterPattern: 'plain' }, c));
    expect((viaArn['events'] as JsonObject[]).map((e) => e['message'])).toEqual(['plain text 500']);
  });

  it('GetLogEvents pages with limit, startFromHead and forward/backward tokens (unrecorded)', () => {
    const { acct } = newAccount();
    const c = groupWithStream(acct);
    put(acct, c, [1, 2, 3, 4, 5].map((i) => ({ timestamp: START + i * 1000, message: `m${i}` })));
    const read = (extra: JsonObject) => {
      const r = acct.call('logs:GetLogEvents', { logGroupName: 'app', logStreamName: 's1', limit: 2, ...extra }, c);
      expect(r.records).toEqual([]);
      const res = ok(r);
      return { msgs: (res['events'] as JsonObject[]).map((e) => e['message']), f: String(res['nextForwardToken']), b: String(res['nextBackwardToken']) };
    };
    const head = read({ startFromHead: true });
    expect(head.msgs).toEqual(['m1', 'm2']);
    const next = read({ nextToken: head.f });
    expect(next.msgs).toEqual(['m3', 'm4']);
    const tail = read({});
    expect(tail.msgs).toEqual(['m4', 'm5']);
    expect(read({ nextToken: tail.b }).msgs).toEqual(['m2', 'm3']);
    expect(read({ nextToken: read({ nextToken: next.f }).f }).msgs).toEqual([]);
    const bad = acct.call('logs:GetLogEvents', { logGroupName: 'app', logStreamName: 's1', nextToken: 'nonsense' }, c);
    expect(bad.ok ? '' : bad.error.code).toBe('InvalidParameterException');
  });
});
