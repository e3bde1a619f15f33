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
    return failure ? { ok: false, error: callErrorOf(failure), records: [], routing: [] } : { ok: true, response: result!.response, records: [], routing: [] };
  }
  const record = recordFor(env, spec, def, params, ctx, result, failure);
  const routing = env.cloudTrail.ingest(record, def) as Json;
  env.bus.emit({ type: 'record.written', record, routing });
  env.bus.emit(completed(api, failure, env.clock.now()));
  if (failure) return { ok: false, error: callErrorOf(failure), records: [record], routing: [routing] };
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
  // one object for every call, every member written (undefined when absent; buildRecord leaves those out):
  // buildRecord only reads it while it builds and calls nothing that makes a call, and a literal per call
  // measured about 170 bytes a call more on the bench's throughput mix (sampling heap profile).
  const error = failure ? recordErrorOf(failure, def, override) : undefined;
  const input = recordInput;
  input.def = def;
  input.ctx = ctx;
  input.awsRegion = awsRegion;
  input.requestParameters = requestParameters;
  input.responseElements = override?.responseElements ?? (result?.responseElements !== undefined ? result.responseElements : null);
  input.additionalEventData = mergedExtra(extra, result?.additionalEventData, override?.additionalEventData);
  input.resources = resources;
  input.error = error;
  input.userIdentity = override?.userIdentity || undefined;
  input.eventId = env.random.uuid();
  return buildRecord(input);
}

/** recordFor's input (see there); between calls it holds the last call's members, which records keep anyway. */
const recordInput: RecordInput = { def: undefined as unknown as ActionDef, ctx: undefined as unknown as HandlerContext, awsRegion: '', requestParameters: null, responseElements: null, additionalEventData: undefined, resources: undefined, error: undefined, userIdentity: undefined, eventId: '' };

// A refusal made once and returned call after call (SNS's to EventBridge, for every event a rule matches) is
// told with the same objects each time: the answer's error and the record's error are kept for the last
// failure (and, for the record, the action) they were made for. Both are only read: the record copies the
// code and message, and an answer's error is never changed in place (Account.call writes a new one).
let answered: AwsError | undefined;
let answeredError: CallError = { code: '', message: '' };
let recorded: AwsError | undefined;
let recordedDef: ActionDef | undefined;
let recordedError: RecordInput['error'];

function callErrorOf(failure: AwsError): CallError {
  if (failure !== answered) {
    answeredError = { code: failure.code, message: failure.message };
    answered = failure;
  }
  return answeredError;
}

function recordErrorOf(failure: AwsError, def: ActionDef, override: FailureWithRecord['record'] | undefined): NonNullable<RecordInput['error']> {
  if (failure !== recorded || def !== recordedDef || recordedError === undefined) {
    // EC2 writes client errors with a "Client." prefix in CloudTrail (Client.UnauthorizedOperation).
    const code = serviceOf(def) === 'ec2' && failure.httpStatus < 500 ? `Client.${failure.code}` : failure.code;
    recordedError = override?.omitErrorCode ? { message: failure.message } : { code, message: failure.message };
    recorded = failure;
    recordedDef = def;
  }
  return recordedError;
}

/** additionalEventData from the action's defaults, the handler and a failure, later ones winning. One source
 *  alone is used as it is (each is made for this call), so the usual case copies nothing. */
function mergedExtra(base: JsonObject | undefined, fromResult: JsonObject | undefined, fromFailure: JsonObject | undefined): JsonObject | undefined {
  const given = (base ? 1 : 0) + (fromResult ? 1 : 0) + (fromFailure ? 1 : 0);
  if (given === 0) return undefined;
  if (given === 1) return base ?? fromResult ?? fromFailure;
  return { ...base, ...fromResult, ...fromFailure };
}
