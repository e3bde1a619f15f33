import type { ActionDef, CloudTrailRecord, HandlerContext, JsonObject, UserIdentity } from './contract';
import { eventTime } from './clock';
import { BROWSER_UA, endpointHost, sourceIpFor, tlsFor, userAgentFor } from './channel';

/** The current record format version (CloudTrail record contents page: "The current version is 1.11"). */
export const EVENT_VERSION = '1.11';

export interface RecordInput {
  def: ActionDef;
  ctx: HandlerContext;
  /** Region the record is written in (global services: us-east-1). */
  awsRegion: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  resources?: CloudTrailRecord['resources'];
  error?: { code?: string; message: string };
  userIdentity?: UserIdentity;
  eventId: string;
}

/** Builds one record with CloudTrail's fields in CloudTrail's order. Absent optional fields are left out. */
export function buildRecord(i: RecordInput): CloudTrailRecord {
  const { def, ctx } = i;
  const svc = def.api.split(':')[0] ?? '';
  const op = def.eventName;
  const isService = ctx.principal.kind === 'service';
  const signIn = def.eventType === 'AwsConsoleSignIn';
  const host = typeof i.requestParameters?.['Host'] === 'string' ? i.requestParameters['Host'] : endpointHost(svc, i.awsRegion);
  const r: Partial<CloudTrailRecord> & Record<string, unknown> = {};
  r.eventVersion = EVENT_VERSION;
  r.userIdentity = i.userIdentity ?? ctx.principal.identity;
  r.eventTime = eventTime(ctx.clock.now());
  r.eventSource = def.eventSource;
  r.eventName = def.eventName;
  r.awsRegion = i.awsRegion;
  r.sourceIPAddress = isService ? ctx.principal.arn : sourceIpFor(ctx.principal.arn || ctx.principal.userName);
  r.userAgent = signIn ? BROWSER_UA : userAgentFor(ctx.channel, svc, op, isService ? ctx.principal.arn : undefined);
  if (i.error) {
    if (i.error.code) r.errorCode = i.error.code;
    r.errorMessage = i.error.message;
  }
  r.requestParameters = i.requestParameters;
  r.responseElements = i.responseElements;
  if (i.additionalEventData) r.additionalEventData = i.additionalEventData;
  if (!signIn) r.requestID = ctx.requestId;
  r.eventID = i.eventId;
  if (!signIn) r.readOnly = def.readOnly;
  if (i.resources && i.resources.length > 0) r.resources = i.resources;
  r.eventType = def.eventType;
  r.managementEvent = def.category === 'Management';
  r.recipientAccountId = ctx.accountId;
  r.eventCategory = def.category;
  const tls = signIn || isService ? undefined : tlsFor(ctx.channel, host);
  if (tls) r.tlsDetails = tls;
  if (ctx.channel === 'console' && !signIn) r.sessionCredentialFromConsole = 'true';
  return r as CloudTrailRecord;
}
