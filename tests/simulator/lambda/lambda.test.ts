import { describe, expect, it } from 'vitest';
import { newAccount, ok, onlyRecord, rootConsole } from '../support';

const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const zip = btoa('PK\u0003\u0004 fake zip bytes for the simulator');

function setup() {
  const { acct } = newAccount();
  const c = rootConsole(acct, 'ap-northeast-2');
  ok(acct.call('iam:CreateRole', { RoleName: 'fn-role', AssumeRolePolicyDocument: lambdaTrust }, c));
  ok(acct.call('iam:AttachRolePolicy', { RoleName: 'fn-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'.replace('service-role/', '') }, c));
  const params = { FunctionName: 'hello', Runtime: 'python3.12', Role: 'arn:aws:iam::123456789012:role/fn-role', Handler: 'app.handler', Code: { ZipFile: zip } };
  return { acct, c, params };
}

describe('Lambda', () => {
  it('CreateFunction is recorded as CreateFunction20150331 without the code', () => {
    const { acct, c, params } = setup();
    const r = acct.call('lambda:CreateFunction', params, c);
    const res = ok(r);
    expect(res['FunctionArn']).toBe('arn:aws:lambda:ap-northeast-2:123456789012:function:hello');
    expect(res['State']).toBe('Pending');
    expect(res['CodeSha256']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const rec = onlyRecord(r);
    expect(rec.eventName).toBe('CreateFunction20150331');
    expect(rec.eventSource).toBe('lambda.amazonaws.com');
    expect(rec.requestParameters).toEqual({ functionName: 'hello', runtime: 'python3.12', role: params.Role, handler: 'app.handler', code: {} });
    expect((rec.responseElements as Record<string, unknown>)['functionArn']).toBe(res['FunctionArn']);
    const dup = acct.call('lambda:CreateFunction', params, c);
    expect(dup.ok ? '' : dup.error).toEqual({ code: 'ResourceConflictException', message: 'Function already exist: hello' });
  });

  it('a role Lambda cannot assume is refused', () => {
    const { acct, c, params } = setup();
    const other = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    ok(acct.call('iam:CreateRole', { RoleName: 'ec2-role', AssumeRolePolicyDocument: other }, c));
    const r = acct.call('lambda:CreateFunction', { ...params, Role: 'arn:aws:iam::123456789012:role/ec2-role' }, c);
    expect(r.ok ? '' : r.error).toEqual({ code: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.' });
  });

  it('Invoke is a data event naming the function; the runtime writes START/END/REPORT to /aws/lambda/NAME', () => {
    const { acct, c, params } = setup();
    ok(acct.call('lambda:CreateFunction', params, c));
    const r = acct.call('lambda:Invoke', { FunctionName: 'hello' }, c);
    expect(ok(r)).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST', Payload: 'null' });
    const rec = onlyRecord(r);
    expect(rec.eventName).toBe('Invoke');
    expect(rec.eventCategory).toBe('Data');
    expect(rec.managementEvent).toBe(false);
    expect(rec.readOnly).toBe(false);
    expect(rec.resources).toEqual([{ accountId: '123456789012', type: 'AWS::Lambda::Function', ARN: 'arn:aws:lambda:ap-northeast-2:123456789012:function:hello' }]);
    expect(rec.additionalEventData).toEqual({ functionVersion: 'arn:aws:lambda:ap-northeast-2:123456789012:function:hello:$LATEST' });
    const group = acct.logs.model.group('ap-northeast-2', '/aws/lambda/hello');
    const streams = Object.values(group.streams);
    expect(streams).toHaveLength(1);
    expect(streams[0]?.logStreamName).toMatch(/^2026\/11\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    const lines = streams[0]?.events.map((e) => e.message) ?? [];
    expect(lines[0]).toBe(`START RequestId: ${rec.requestID} Version: $LATEST\n`);
    expect(lines[2]).toMatch(/^REPORT RequestId: \S+\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: /);
    const missing = acct.call('lambda:Invoke', { FunctionName: 'nope' }, c);
    expect(missing.ok ? '' : missing.error).toEqual({ code: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:ap-northeast-2:123456789012:function:nope' });
    expect(onlyRecord(missing).resources?.[0]?.ARN).toBe('arn:aws:lambda:ap-northeast-2:123456789012:function:nope');
  });

  it('List, Get and Delete use their versioned event names', () => {
    const { acct, c, params } = setup();
    ok(acct.call('lambda:CreateFunction', params, c));
    expect(onlyRecord(acct.call('lambda:ListFunctions', {}, c)).eventName).toBe('ListFunctions20150331');
    expect(onlyRecord(acct.call('lambda:GetFunction', { FunctionName: 'hello' }, c)).eventName).toBe('GetFunction20150331v2');
    expect(onlyRecord(acct.call('lambda:DeleteFunction', { FunctionName: 'hello' }, c)).eventName).toBe('DeleteFunction20150331');
    expect(ok(acct.call('lambda:ListFunctions', {}, c))['Functions']).toEqual([]);
  });
});
