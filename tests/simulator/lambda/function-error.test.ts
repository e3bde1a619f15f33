import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const zip = btoa('PK\u0003\u0004 zip bytes');

function setup(runtime = 'nodejs20.x', extra: Record<string, number> = {}) {
  const { acct } = newAccount();
  const c = rootConsole(acct);
  ok(acct.call('iam:CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: lambdaTrust }, c));
  ok(acct.call('iam:AttachRolePolicy', { RoleName: 'fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole' }, c));
  ok(acct.call('lambda:CreateFunction', { FunctionName: 'orders', Runtime: runtime, Role: 'arn:aws:iam::123456789012:role/fn-role', Handler: 'index.handler', Code: { ZipFile: zip }, ...extra }, c));
  return { acct, c };
}

const logLines = (acct: ReturnType<typeof setup>['acct']) =>
  Object.values(acct.logs.model.group('us-east-1', '/aws/lambda/orders').streams).flatMap((s) => s.events.map((e) => e.message));

describe('Lambda Invoke follows sim:SetFunctionBehavior', () => {
  it('Outcome Error: 200 with FunctionError Unhandled and the runtime error document, logged, and counted in Errors', () => {
    const { acct, c } = setup();
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Error' }, c));
    const r = acct.call('lambda:Invoke', { FunctionName: 'orders' }, c);
    const res = ok(r);
    expect(res['StatusCode']).toBe(200);
    expect(res['FunctionError']).toBe('Unhandled');
    expect(res['ExecutedVersion']).toBe('$LATEST');
    const payload = JSON.parse(res['Payload'] as string) as Record<string, unknown>;
    expect(payload['errorType']).toBe('Error');
    expect(payload['errorMessage']).toBe('Function failed (sim:SetFunctionBehavior Outcome Error)');
    // A function error is not an API error: the record has no errorCode.
    const rec = onlyRecord(r);
    expect(rec.errorCode).toBeUndefined();
    const lines = logLines(acct);
    expect(lines[1]).toMatch(new RegExp(`^2026-11-01T00:00:00\\.000Z\\t${rec.requestID}\\tERROR\\tInvoke Error \\t\\{"errorType":"Error"`));
    // Asynchronous invocations are accepted (202) whatever the function then does.
    expect(ok(acct.call('lambda:Invoke', { FunctionName: 'orders', InvocationType: 'Event' }, c))).toEqual({ StatusCode: 202 });
    acct.advance('PT1M');
    const errors = ok(acct.call('cloudwatch:GetMetricStatistics', {
      Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders' }],
      StartTime: '2026-11-01T00:00:00Z', EndTime: '2026-11-01T00:01:00Z', Period: 60, Statistics: ['Sum'],
    }, c));
    expect((errors['Datapoints'] as { Sum: number }[])[0]?.Sum).toBe(2);
  });

  it('Python functions answer with the Python runtime error document', () => {
    const { acct, c } = setup('python3.12');
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Error' }, c));
    const r = acct.call('lambda:Invoke', { FunctionName: 'orders' }, c);
    const payload = JSON.parse(ok(r)['Payload'] as string) as Record<string, unknown>;
    expect(payload).toEqual({ errorMessage: 'Function failed (sim:SetFunctionBehavior Outcome Error)', errorType: 'Exception', requestId: onlyRecord(r).requestID, stackTrace: [] });
  });

  it('Outcome Timeout: Unhandled, Sandbox.Timedout "Task timed out after N seconds", and a log cut at the timeout', () => {
    const { acct, c } = setup('nodejs20.x', { Timeout: 5 });
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Timeout' }, c));
    const r = acct.call('lambda:Invoke', { FunctionName: 'orders' }, c);
    const res = ok(r);
    const id = onlyRecord(r).requestID;
    expect(res['FunctionError']).toBe('Unhandled');
    expect(JSON.parse(res['Payload'] as string)).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after 5.00 seconds` });
    const lines = logLines(acct);
    expect(lines[1]).toBe(`2026-11-01T00:00:05.000Z ${id} Task timed out after 5.00 seconds\n`);
    expect(lines[2]).toBe(`END RequestId: ${id}\n`);
    expect(lines[3]).toMatch(/^REPORT RequestId: \S+\tDuration: 5000\.00 ms\tBilled Duration: 5000 ms\t.*Status: timeout\n$/);
  });

  it('back to Success: the plain null payload again', () => {
    const { acct, c } = setup();
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Error' }, c));
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Success' }, c));
    expect(ok(acct.call('lambda:Invoke', { FunctionName: 'orders' }, c))).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST', Payload: 'null' });
  });

  it('a synchronous call beyond the account concurrency is refused with 429 TooManyRequestsException', () => {
    const { acct, c } = setup('nodejs20.x', { Timeout: 900 });
    ok(acct.call('sim:SetFunctionBehavior', { FunctionName: 'orders', Outcome: 'Success', DurationMs: 600_000 }, c));
    for (let i = 0; i < 1000; i++) ok(acct.call('lambda:Invoke', { FunctionName: 'orders', InvocationType: 'Event' }, c));
    const r = acct.call('lambda:Invoke', { FunctionName: 'orders' }, c);
    expect(r.ok ? '' : r.error).toEqual({ code: 'TooManyRequestsException', message: 'Rate Exceeded.' });
    expect(ok(acct.call('lambda:Invoke', { FunctionName: 'orders', InvocationType: 'Event' }, c))).toEqual({ StatusCode: 202 });
  });
});
