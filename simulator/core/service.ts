import type { SnapshotWriter } from './snapshot-writer';
import { AwsError, type ActionDef, type HandlerContext, type HandlerFn, type Json, type JsonObject, type Principal, type Channel, type CloudTrailRecord, type UserIdentity } from './contract';
import type { SimClock } from './clock';
import type { SeededRandom } from './random';

/** What IAM must allow before a handler runs: the action (defaults to the catalog api) and the resource ARN. */
export interface AuthzTarget {
  action?: string;
  resource: string;
}

/** One action of one of our services: its catalog entry, its handler, and how its record differs. */
export interface ActionSpec {
  def: ActionDef;
  handler: HandlerFn;
  /** null: no IAM check (sts:GetCallerIdentity needs no permission; sign-in is not an API call). */
  authz?: ((params: JsonObject, ctx: HandlerContext) => AuthzTarget) | null;
  /** requestParameters in CloudTrail's shape, for successes and failures alike. */
  requestParameters?: (params: JsonObject, ctx: HandlerContext) => JsonObject | null;
  /** Region the record is written in, when it is neither the request's region nor us-east-1 for a
   *  global service (console sign-in has its own rules). */
  recordRegion?: (params: JsonObject, ctx: HandlerContext) => string;
  /** Who the record names when the caller is not yet authenticated (console sign-in): replaces the usual
   *  session/key lookup for this action. */
  resolveCaller?: (as: string) => Principal;
  /** The record's resources when the handler gives none (failed calls still name what they touched). */
  resources?: (params: JsonObject, ctx: HandlerContext) => CloudTrailRecord['resources'];
  /** additionalEventData written for successes and failures alike; the handler's own entries override it. */
  additionalEventData?: (params: JsonObject, ctx: HandlerContext) => JsonObject;
  /** Channels this action can be called through; others are refused before reaching AWS. */
  channels?: Channel[];
}

/** A service folder's face towards the account: its actions and its persistent state. */
export interface ServiceModule {
  readonly name: string;
  readonly actions: ActionSpec[];
  /** `out`: how large columns are written (see SnapshotWriter); a service may ignore it. */
  snapshot(out?: SnapshotWriter): Json;
  restore(s: Json): void;
  /** Work this service's snapshot would otherwise do inside other services (reading their deferred objects),
   *  done before any service is saved, so that every part of a snapshot shows the same moment. */
  settleForSnapshot?(): void;
  /** Does ahead, a piece at a time until `enough` says so, work that settleForSnapshot would otherwise do at once
   *  (a host spreads it between requests); true once nothing is left. */
  prepareSnapshot?(enough: () => boolean): boolean;
}

/** A required string member of the request, or AWS's validation error for a missing one. */
export function str(params: JsonObject, name: string): string | undefined {
  const v = params[name];
  return typeof v === 'string' ? v : undefined;
}

/** Member names with the first letter lowered, kept: every call of an action brings the same few names, and
 *  lowering one makes three strings. The bound only keeps a script inventing names from growing it without end. */
const loweredNames = new Map<string, string>();
const MAX_LOWERED = 4096;
function lowerFirst(k: string): string {
  let l = loweredNames.get(k);
  if (l === undefined) {
    l = k.charAt(0).toLowerCase() + k.slice(1);
    if (loweredNames.size >= MAX_LOWERED) loweredNames.clear();
    loweredNames.set(k, l);
  }
  return l;
}

/** CloudTrail writes JSON-protocol requests with each member's first letter lowered: {Name} → {"name"}. */
export function lowerFirstKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(lowerFirstKeys);
  if (v !== null && typeof v === 'object') {
    const out: JsonObject = {};
    // for…in with the own-member check gives Object.entries's members in its order, without its arrays.
    for (const k in v) if (Object.hasOwn(v, k)) out[lowerFirst(k)] = lowerFirstKeys(v[k]!);
    return out;
  }
  return v;
}

export function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** What every service receives when the account builds it. */
export interface ServiceDeps {
  accountId: string;
  clock: SimClock;
  random: SeededRandom;
  regions: readonly string[];
}

/** eventSource per IAM service prefix; CloudWatch's is its endpoint name, monitoring. */
export const EVENT_SOURCES: Record<string, string> = {
  iam: 'iam.amazonaws.com',
  sts: 'sts.amazonaws.com',
  signin: 'signin.amazonaws.com',
  ec2: 'ec2.amazonaws.com',
  s3: 's3.amazonaws.com',
  lambda: 'lambda.amazonaws.com',
  sns: 'sns.amazonaws.com',
  logs: 'logs.amazonaws.com',
  events: 'events.amazonaws.com',
  cloudwatch: 'monitoring.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

/** A catalog entry for an ordinary API call; fields not given take the common management-call values. */
export function apiDef(
  api: string,
  o: { readOnly: boolean; resourceTypes?: string[]; category?: 'Management' | 'Data'; globalService?: boolean; summaryKo: string; eventName?: string },
): ActionDef {
  const [svc = '', name = ''] = api.split(':');
  const eventSource = EVENT_SOURCES[svc];
  if (!eventSource) throw new Error(`no eventSource known for ${api}`);
  return {
    api,
    eventSource,
    eventName: o.eventName ?? name,
    readOnly: o.readOnly,
    category: o.category ?? 'Management',
    apiCall: true,
    eventType: 'AwsApiCall',
    resourceTypes: o.resourceTypes ?? [],
    globalService: o.globalService ?? false,
    summaryKo: o.summaryKo,
  };
}

/** AWS's generic validation failure for a required member that was not sent. */
export function requireStr(params: JsonObject, name: string, code = 'ValidationException'): string {
  const v = params[name];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError(code, `1 validation error detected: Value null at '${name.charAt(0).toLowerCase() + name.slice(1)}' failed to satisfy constraint: Member must not be null`);
}

/** An error whose record differs from the usual shape (console sign-in failure: no errorCode, its own
 *  userIdentity and responseElements). */
export class FailureWithRecord extends AwsError {
  constructor(
    code: string,
    message: string,
    httpStatus: number,
    readonly record: { userIdentity?: UserIdentity; responseElements?: JsonObject; additionalEventData?: JsonObject; omitErrorCode?: boolean },
  ) {
    super(code, message, httpStatus);
  }
}
