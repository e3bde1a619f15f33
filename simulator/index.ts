// The simulator's public face: one account driven through `call`, its catalog, and the script runner's
// building blocks. UI, quiz, scenarios and the `sim` command all come in through here.
export { Account, DEFAULT_ACCOUNT_ID, DEFAULT_REGIONS, type AccountOptions } from './account';
export type { CallContext, CallResult, CallError } from './core/call';
export type { SimEvent } from './core/events';
export type { DigestWanted } from './core/cloudtrail-port';
export { parseDuration, parseInstant, eventTime } from './core/clock';
export type {
  ActionDef, Channel, CloudTrailRecord, HandlerContext, HandlerFn, HandlerResult, Json, JsonObject, Principal, UserIdentity,
} from './core/contract';
export { EVENT_VERSION } from './core/record';
export { AwsError } from './core/contract';
