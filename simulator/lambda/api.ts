import { AwsError, type Json, type JsonObject, type ObjectStore } from '../core/contract';
import { fromBase64, toBase64 } from '../core/format';
import { sha256 } from '../core/sha256';
import { apiDef, isObject, lowerFirstKeys, str, type ActionSpec, type ServiceDeps } from '../core/service';
import type { IamModel } from '../iam/model';
import type { LambdaFunction, LambdaModel } from './model';

// Lambda records its control-plane calls under versioned event names (CreateFunction20150331,
// GetFunction20150331v2, ...); Invoke keeps its plain name and is a data event.
const RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'java11', 'java17', 'java21', 'dotnet8', 'ruby3.2', 'ruby3.3', 'provided.al2', 'provided.al2023'];

/** How one invocation ended. The account decides it (from sim:SetFunctionBehavior, which CloudWatch keeps with
 *  the invocation metrics it drives), so the answer, the metrics and the logs tell the same story. */
export interface InvokeOutcome {
  throttled: boolean;
  outcome: 'Success' | 'Error' | 'Timeout';
  durationMs: number;
}

/** Runs one invocation; no answer means it succeeded. */
export interface InvokeHook {
  (fn: LambdaFunction, region: string, requestId: string): InvokeOutcome | void;
}

const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('InvalidParameterValueException', `1 validation error detected: Value null at '${n.charAt(0).toLowerCase() + n.slice(1)}' failed to satisfy constraint: Member must not be null`);
};

function lambdaTrusted(iam: IamModel, roleArn: string): boolean {
  const role = Object.values(iam.state.roles).find((r) => r.arn === roleArn);
  if (!role) return false;
  const doc = JSON.parse(role.assumeRolePolicyDocument) as { Statement?: Json };
  const sts = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return sts.some((s) => {
    const o = s as JsonObject;
    const svc = isObject(o['Principal']) ? o['Principal']['Service'] : undefined;
    const list = Array.isArray(svc) ? svc : [svc];
    return o['Effect'] === 'Allow' && list.includes('lambda.amazonaws.com');
  });
}

function config(f: LambdaFunction, state: 'Pending' | 'Active'): JsonObject {
  return {
    FunctionName: f.functionName, FunctionArn: f.functionArn, Runtime: f.runtime, Role: f.role, Handler: f.handler, CodeSize: f.codeSize,
    Description: f.description, Timeout: f.timeout, MemorySize: f.memorySize, LastModified: new Date(f.lastModified).toISOString().replace('Z', '+0000'),
    CodeSha256: f.codeSha256, Version: '$LATEST', TracingConfig: { Mode: 'PassThrough' }, RevisionId: f.revisionId, State: state,
    ...(state === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
    PackageType: 'Zip', Architectures: ['x86_64'], EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.functionName}` },
  };
}

/**
 * The answer to a synchronous Invoke. A function error is not an API error: Lambda answers 200 with
 * X-Amz-Function-Error "Unhandled" (the SDK's FunctionError) and the error as the payload. The simulation runs
 * no code: a successful function returns nothing (payload null), a failing one throws a plain error.
 */
export function invokeAnswer(f: LambdaFunction, requestId: string, outcome: InvokeOutcome['outcome']): JsonObject {
  const ok: JsonObject = { StatusCode: 200, ExecutedVersion: '$LATEST' };
  if (outcome === 'Success') return { ...ok, Payload: 'null' };
  return { ...ok, FunctionError: 'Unhandled', Payload: JSON.stringify(errorPayload(f, requestId, outcome)) };
}

/** The message a failing simulated function throws (there is no code to say anything else). */
export const SIMULATED_ERROR_MESSAGE = 'Function failed (sim:SetFunctionBehavior Outcome Error)';

/** The error document each runtime family writes for an uncaught error, and Lambda's own for a timeout. */
export function errorPayload(f: LambdaFunction, requestId: string, outcome: 'Error' | 'Timeout'): JsonObject {
  if (outcome === 'Timeout') return { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: ${timeoutMessage(f)}` };
  if (f.runtime.startsWith('python')) return { errorMessage: SIMULATED_ERROR_MESSAGE, errorType: 'Exception', requestId, stackTrace: [] };
  if (f.runtime.startsWith('nodejs')) return { errorType: 'Error', errorMessage: SIMULATED_ERROR_MESSAGE, trace: [`Error: ${SIMULATED_ERROR_MESSAGE}`] };
  return { errorType: 'Error', errorMessage: SIMULATED_ERROR_MESSAGE };
}

export const timeoutMessage = (f: LambdaFunction) => `Task timed out after ${f.timeout.toFixed(2)} seconds`;

export function lambdaActions(m: LambdaModel, iam: IamModel, s3: ObjectStore, d: ServiceDeps, onInvoke: InvokeHook): ActionSpec[] {
  const acct = d.accountId;
  const fnArn = (region: string, p: JsonObject) => {
    const n = str(p, 'FunctionName') ?? '';
    return n.startsWith('arn:') ? n : `arn:aws:lambda:${region}:${acct}:function:${n}`;
  };
  const fnResource = (f: LambdaFunction | string) => [{ accountId: acct, type: 'AWS::Lambda::Function', ARN: typeof f === 'string' ? f : f.functionArn }];
  return [
    {
      def: apiDef('lambda:CreateFunction', { readOnly: false, eventName: 'CreateFunction20150331', resourceTypes: ['AWS::Lambda::Function'], summaryKo: 'Lambda 함수를 만듭니다.' }),
      authz: (p, ctx) => ({ resource: fnArn(ctx.region, p) }),
      // The code itself never reaches the record.
      requestParameters: (p) => {
        const out: JsonObject = { functionName: str(p, 'FunctionName') ?? '', runtime: str(p, 'Runtime') ?? '', role: str(p, 'Role') ?? '', handler: str(p, 'Handler') ?? '', code: {} };
        for (const k of ['Description', 'Timeout', 'MemorySize', 'Publish'] as const) if (p[k] !== undefined) out[k.charAt(0).toLowerCase() + k.slice(1)] = p[k] ?? null;
        return out;
      },
      handler: (p, ctx) => {
        const name = need(p, 'FunctionName');
        if (!/^[a-zA-Z0-9-_]{1,64}$/.test(name)) throw new AwsError('ValidationException', `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`);
        const runtime = need(p, 'Runtime');
        if (!RUNTIMES.includes(runtime)) throw new AwsError('InvalidParameterValueException', `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`);
        const role = need(p, 'Role');
        need(p, 'Handler');
        const code = p['Code'];
        let bytes: Uint8Array;
        if (isObject(code) && typeof code['ZipFile'] === 'string') bytes = fromBase64(code['ZipFile']);
        else if (isObject(code) && typeof code['S3Bucket'] === 'string' && typeof code['S3Key'] === 'string') {
          const got = s3.getObject(code['S3Bucket'], code['S3Key']);
          if (!got) throw new AwsError('InvalidParameterValueException', 'Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.');
          bytes = got;
        } else throw new AwsError('InvalidParameterValueException', 'Please provide a source for function code.');
        if (!lambdaTrusted(iam, role)) throw new AwsError('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.');
        const fns = m.functions(ctx.region);
        if (fns[name]) throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409);
        const f: LambdaFunction = {
          functionName: name, functionArn: `arn:aws:lambda:${ctx.region}:${acct}:function:${name}`, runtime, role, handler: str(p, 'Handler') ?? '',
          description: str(p, 'Description') ?? '', timeout: typeof p['Timeout'] === 'number' ? p['Timeout'] : 3, memorySize: typeof p['MemorySize'] === 'number' ? p['MemorySize'] : 128,
          codeSha256: toBase64(sha256(bytes)), codeSize: bytes.length, lastModified: d.clock.now(), revisionId: d.random.uuid(),
        };
        fns[name] = f;
        const c = config(f, 'Pending');
        return { response: c, responseElements: lowerFirstKeys(c) as JsonObject, resources: fnResource(f) };
      },
    },
    {
      def: apiDef('lambda:GetFunction', { readOnly: true, eventName: 'GetFunction20150331v2', resourceTypes: ['AWS::Lambda::Function'], summaryKo: 'Lambda 함수 정보를 조회합니다.' }),
      authz: (p, ctx) => ({ resource: fnArn(ctx.region, p) }),
      handler: (p, ctx) => {
        const f = m.find(ctx.region, acct, need(p, 'FunctionName'));
        return {
          response: { Configuration: config(f, 'Active'), Code: { RepositoryType: 'S3', Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${acct}/${f.functionName}-${f.revisionId}` } },
          resources: fnResource(f),
        };
      },
    },
    {
      def: apiDef('lambda:ListFunctions', { readOnly: true, eventName: 'ListFunctions20150331', summaryKo: 'Lambda 함수 목록을 조회합니다.' }),
      handler: (_p, ctx) => ({ response: { Functions: Object.values(m.functions(ctx.region)).sort((a, b) => (a.functionName < b.functionName ? -1 : 1)).map((f) => config(f, 'Active')) } }),
    },
    {
      def: apiDef('lambda:DeleteFunction', { readOnly: false, eventName: 'DeleteFunction20150331', resourceTypes: ['AWS::Lambda::Function'], summaryKo: 'Lambda 함수를 삭제합니다.' }),
      authz: (p, ctx) => ({ resource: fnArn(ctx.region, p) }),
      handler: (p, ctx) => {
        const f = m.find(ctx.region, acct, need(p, 'FunctionName'));
        delete m.functions(ctx.region)[f.functionName];
        return { response: {}, resources: fnResource(f) };
      },
    },
    {
      def: apiDef('lambda:Invoke', { readOnly: false, category: 'Data', resourceTypes: ['AWS::Lambda::Function'], summaryKo: 'Lambda 함수를 호출합니다(데이터 이벤트).' }),
      authz: (p, ctx) => ({ action: 'lambda:InvokeFunction', resource: fnArn(ctx.region, p) }),
      requestParameters: () => null,
      resources: (p, ctx) => fnResource(fnArn(ctx.region, p).split(':').slice(0, 7).join(':')),
      handler: (p, ctx) => {
        const f = m.find(ctx.region, acct, need(p, 'FunctionName'));
        const type = str(p, 'InvocationType') ?? 'RequestResponse';
        if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
          throw new AwsError('ValidationException', `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`);
        }
        const ran = type === 'DryRun' ? undefined : onInvoke(f, ctx.region, ctx.requestId);
        // A synchronous call refused for lack of concurrency fails with 429; an asynchronous one is queued and
        // retried by Lambda, so its caller still gets 202.
        if (ran?.throttled && type === 'RequestResponse') throw new AwsError('TooManyRequestsException', 'Rate Exceeded.', 429);
        const response: JsonObject = type === 'RequestResponse' ? invokeAnswer(f, ctx.requestId, ran?.outcome ?? 'Success') : { StatusCode: type === 'Event' ? 202 : 204 };
        return { response, additionalEventData: { functionVersion: `${f.functionArn}:$LATEST` }, resources: fnResource(f) };
      },
    },
  ];
}
