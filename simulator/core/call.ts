import { AwsError, type ActionDef, type Channel, type CloudTrailRecord, type HandlerContext, type HandlerResult, type Json, type JsonObject, type Principal } from './contract';
import { unauthorized } from './authz';
import { EventBus, type SimEvent } from './events';
import { s3RequestId } from './ids';
import type { SeededRandom } from './random';
import { buildRecord, serviceOf, type RecordInput } from './record';
import { FailureWithRecord, lowerFirstKeys, type ActionSpec } from './service';
import type { SimClock } from './clock';
import type { CloudTrailPort } from './cloudtrail-port';
import type { IamModel } from '../iam/model';
import { SimCallerError } from '../sts/principals';

/** How a call is made: who (`as`), to which Region, through which channel. */
export interface CallContext {
  as: string;
  region: string;
  via: Channel;
}

export type CallError = { code: string; message: string };
/** The answer of one call: AWS's response or error, plus the records written and where each landed. */
export type CallResult =
  | { ok: true; response: JsonObject; records: CloudTrailRecord[]; routing: Json[] }
  | { ok: false; error: CallError; records: CloudTrailRecord[]; routing: Json[] };

export interface CallEnv {
  accountId: string;
  regions: readonly string[];
  clock: SimClock;
  random: SeededRandom;
  iam: IamModel;
  bus: EventBus;
  cloudTrail: CloudTrailPort;
  spec(api: string): ActionSpec | undefined;
  principal(as: string, via: Channel): Principal;
}

const CHANNELS: Channel[] = ['console', 'cli', 'sdk', 'service'];

function simFailure(code: string, message: string): CallResult {
  return { ok: false, error: { code, message }, records: [], routing: [] };
}

/** The one call surface: authorise, run the handler, write the record, route it through CloudTrail. */
export function performCall(env: CallEnv, api: string, params: JsonObject, cc: CallContext): CallResult {
  const spec = env.spec(api);
  if (!spec) return simFailure('Sim.UnknownApi', `unknown api ${JSON.stringify(api)}`);
  if (!CHANNELS.includes(cc.via)) return simFailure('Sim.InvalidChannel', `via must be one of ${CHANNELS.join(', ')}`);
  if (spec.channels && !spec.channels.includes(cc.via)) return simFailure('Sim.InvalidChannel', `${api} can only be called via ${spec.channels.join(', ')}`);
  if (!env.regions.includes(cc.region)) return simFailure('Sim.InvalidRegion', `region ${JSON.stringify(cc.region)} is not one of ${env.regions.join(', ')}`);
  let principal: Principal;
  try {
    principal = spec.resolveCaller ? spec.resolveCaller(cc.as) : env.principal(cc.as, cc.via);
  } catch (e) {
    if (e instanceof SimCallerError) return simFailure(e.code, e.message);
    throw e;
  }
  const def = spec.def;
  const svc = serviceOf(def);
  const ctx: HandlerContext = {
    accountId: env.accountId, region: cc.region, clock: env.clock, random: env.random, principal, channel: cc.via,
    requestId: svc === 's3' ? s3RequestId(env.random) : env.random.uuid(),
  };

  let result: HandlerResult | undefined;
  let failure: AwsError | undefined;
  try {
    authorize(env, spec, params, ctx);
    result = spec.handler(params, ctx);
    if (result.refusal) {
      failure = result.refusal;
      result = undefined;
    }
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    // Refusals by the simulation itself (bad script input) never reached AWS: nothing is recorded.
    if (e.code.startsWith('Sim.')) return simFailure(e.code, e.message);
    failure = e;
  }

  if (def.recordedByCloudTrail === false) {
    env.bus.emit(completed(api, failure, env.clock.now()));
    return failure ? { ok: false, error: { code: failure.code, message: failure.message }, records: [], routing: [] } : { ok: true, response: result!.response, records: [], routing: [] };
  }
  const record = recordFor(env, spec, def, params, ctx, result, failure);
  const routing = env.cloudTrail.ingest(record, def) as Json;
  env.bus.emit({ type: 'record.written', record, routing });
  env.bus.emit(completed(api, failure, env.clock.now()));
  if (failure) return { ok: false, error: { code: failure.code, message: failure.message }, records: [record], routing: [routing] };
  return { ok: true, response: result!.response, records: [record], routing: [routing] };
}

function completed(api: string, failure: AwsError | undefined, atMs: number): SimEvent {
  return failure ? { type: 'call.completed', api, ok: false, errorCode: failure.code, atMs } : { type: 'call.completed', api, ok: true, atMs };
}

/** The target of an action without an authz hook (only read here, so one serves every call). */
const ANY_RESOURCE: { action?: string; resource: string } = Object.freeze({ resource: '*' });

function authorize(env: CallEnv, spec: ActionSpec, params: JsonObject, ctx: HandlerContext): void {
  const p = ctx.principal;
  if (spec.authz === null || (p.kind !== 'user' && p.kind !== 'role')) return;
  const target = spec.authz ? spec.authz(params, ctx) : ANY_RESOURCE;
  const action = target.action ?? spec.def.api;
  const decision = p.kind === 'user' ? env.iam.decide('user', p.userName, action, target.resource) : env.iam.decide('role', p.identity.sessionContext?.sessionIssuer?.userName ?? '', action, target.resource);
  if (decision !== 'allow') {
    throw unauthorized(serviceOf(spec.def), p.arn, action, target.resource, decision, () => env.random.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 180));
  }
}

function recordFor(env: CallEnv, spec: ActionSpec, def: ActionDef, params: JsonObject, ctx: HandlerContext, result: HandlerResult | undefined, failure: AwsError | undefined): CloudTrailRecord {
  const fromSpec = spec.requestParameters?.(params, ctx);
  const requestParameters =
    fromSpec !== undefined ? fromSpec : result?.requestParameters !== undefined ? result.requestParameters : (lowerFirstKeys(params) as JsonObject);
  const extra = spec.additionalEventData?.(params, ctx);
  const override = failure instanceof FailureWithRecord ? failure.record : undefined;
  const resources = result?.resources ?? spec.resources?.(params, ctx);
  const awsRegion = spec.recordRegion ? spec.recordRegion(params, ctx) : def.globalService ? 'us-east-1' : ctx.region;
  // The spec's hooks ran above in the order they always have (some draw from the seeded random). The input is
  // one literal with every member (undefined when absent; buildRecord leaves those out of the record): members
  // added later would outgrow the object's slots and copy them, on every call.
  let error: RecordInput['error'];
  if (failure) {
    // EC2 writes client errors with a "Client." prefix in CloudTrail (Client.UnauthorizedOperation).
    const code = serviceOf(def) === 'ec2' && failure.httpStatus < 500 ? `Client.${failure.code}` : failure.code;
    error = override?.omitErrorCode ? { message: failure.message } : { code, message: failure.message };
  }
  return buildRecord({
    def, ctx, awsRegion, requestParameters,
    responseElements: override?.responseElements ?? (result?.responseElements !== undefined ? result.responseElements : null),
    additionalEventData: mergedExtra(extra, result?.additionalEventData, override?.additionalEventData),
    resources, error,
    userIdentity: override?.userIdentity || undefined,
    eventId: env.random.uuid(),
  });
}

/** additionalEventData from the action's defaults, the handler and a failure, later ones winning. One source
 *  alone is used as it is (each is made for this call), so the usual case copies nothing. */
function mergedExtra(base: JsonObject | undefined, fromResult: JsonObject | undefined, fromFailure: JsonObject | undefined): JsonObject | undefined {
  const given = (base ? 1 : 0) + (fromResult ? 1 : 0) + (fromFailure ? 1 : 0);
  if (given === 0) return undefined;
  if (given === 1) return base ?? fromResult ?? fromFailure;
  return { ...base, ...fromResult, ...fromFailure };
}
