import type { CloudTrailRecord, EventType, JsonObject, Random } from '../core/contract';

/** An event as EventBridge delivers it, fields in AWS's order. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: JsonObject;
}

// detail-type per CloudTrail eventType. The user guide page "AWS service events delivered via AWS
// CloudTrail" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html)
// spells the sign-in one "AWS Console Signin via CloudTrail"; the live service, and the rules people
// deploy against it, use "AWS Console Sign In via CloudTrail", which is what is modelled.
const DETAIL_TYPE: Record<EventType, string> = {
  AwsApiCall: 'AWS API Call via CloudTrail',
  AwsConsoleSignIn: 'AWS Console Sign In via CloudTrail',
  AwsConsoleAction: 'AWS Console Action via CloudTrail',
  AwsServiceEvent: 'AWS Service Event via CloudTrail',
  AwsCloudTrailInsight: 'AWS Insight via CloudTrail',
};

/** `aws.<service>` from the record's eventSource: signin.amazonaws.com → aws.signin, and CloudWatch's
 *  monitoring.amazonaws.com → aws.monitoring (EventBridge events reference, events-ref-monitoring). */
export function eventBridgeSource(record: CloudTrailRecord): string {
  // Insights records carry no top-level eventSource in trails. UNVERIFIED: the source AWS gives them;
  // the service that writes them, CloudTrail, is assumed.
  if (record.eventType === 'AwsCloudTrailInsight' || !record.eventSource) return 'aws.cloudtrail';
  // Asked for every event a rule may match; an account calls a handful of services.
  let source = SOURCES.get(record.eventSource);
  if (source === undefined) {
    if (SOURCES.size >= MAX_SOURCES) SOURCES.clear();
    source = `aws.${record.eventSource.replace(/\.amazonaws\.com$/, '')}`;
    SOURCES.set(record.eventSource, source);
  }
  return source;
}
/** eventSource → EventBridge source. Bounded only against scripts inventing sources without end. */
const SOURCES = new Map<string, string>();
const MAX_SOURCES = 256;

/** Wraps a CloudTrail record in the EventBridge envelope: `detail` is the record itself and `resources`
 *  is empty ("API calls with AWS CloudTrail do not include resource ARNs", EventBridge user guide,
 *  eb-events). The event lands in the Region the record names (awsRegion), e.g. us-east-1 for IAM and
 *  for root console sign-in. */
export function cloudTrailRecordToEvent(record: CloudTrailRecord, ids: Pick<Random, 'uuid'>): EventBridgeEvent {
  return envelope(record, ids.uuid(), JSON.parse(JSON.stringify(record)) as JsonObject);
}

/**
 * The same event with `detail` being the record itself, not a copy: for the default bus, which reads the
 * event as JSON (pattern-match.ts flattens with JSON's rules) and hands targets only its JSON text or a copy.
 * Copying every record through JSON was a large share of the bus's cost. Never modify the result.
 */
export function cloudTrailEventView(record: CloudTrailRecord, id: string): EventBridgeEvent {
  return envelope(record, id, record as unknown as JsonObject);
}

/**
 * `JSON.stringify(event)` for an event whose detail is a record (cloudTrailEventView), given that record's text
 * (`JSON.stringify(record)`): JSON.stringify writes a nested object exactly as it writes it alone, so only the
 * envelope is written here, in the event's key order. An envelope member that is not a string (which JSON
 * would leave out or write otherwise) sends the whole event through JSON.stringify instead.
 */
export function cloudTrailEventText(event: EventBridgeEvent, detailText: string): string {
  const { version, id, source, account, time, region } = event;
  const detailType = event['detail-type'];
  if (typeof version !== 'string' || typeof id !== 'string' || typeof detailType !== 'string' || typeof source !== 'string' || typeof account !== 'string' || typeof time !== 'string' || typeof region !== 'string' || !Array.isArray(event.resources)) {
    return JSON.stringify(event);
  }
  const resources = event.resources.length === 0 ? '[]' : JSON.stringify(event.resources);
  return `{"version":${quoted(version)},"id":${quoted(id)},${ENVELOPE_MIDDLES.of(detailType, source, account)}"time":${quoted(time)},"region":${quoted(region)},"resources":${resources},"detail":${detailText}}`;
}

/**
 * `"detail-type":…,"source":…,"account":…,` written once per source: a matched event's text is made for every
 * event a target receives, and these three repeat (an account, a handful of services), where its id and time
 * never do. Kept per source with the detail-type and account it was written for, and rewritten when either
 * differs. Bounded only against scripts inventing sources without end.
 */
class EnvelopeMiddles {
  private readonly bySource = new Map<string, { detailType: string; account: string; text: string }>();

  of(detailType: string, source: string, account: string): string {
    let kept = this.bySource.get(source);
    if (kept === undefined || kept.detailType !== detailType || kept.account !== account) {
      if (this.bySource.size >= MAX_SOURCES) this.bySource.clear();
      kept = { detailType, account, text: `"detail-type":${quoted(detailType)},"source":${quoted(source)},"account":${quoted(account)},` };
      this.bySource.set(source, kept);
    }
    return kept.text;
  }
}
const ENVELOPE_MIDDLES = new EnvelopeMiddles();

/** `JSON.stringify(text)`, without calling it for the short plain strings an envelope holds: a string without
 *  the characters JSON escapes (quote, backslash, controls) and without surrogates (escaped when alone) is
 *  written as it is, between quotes. */
function quoted(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** The event's detail-type for a record of this eventType. */
export function detailTypeOf(record: Pick<CloudTrailRecord, 'eventType'>): string {
  return DETAIL_TYPE[record.eventType];
}

function envelope(record: CloudTrailRecord, id: string, detail: JsonObject): EventBridgeEvent {
  return {
    version: '0',
    id,
    'detail-type': detailTypeOf(record),
    source: eventBridgeSource(record),
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail,
  };
}

/** What the account offers CloudTrail's feed to EventBridge at the moment of the record. */
export interface BusDeliveryContext {
  /** A trail that covers the record's Region is logging. */
  trailLogging: boolean;
  /** For data events: a logging trail's event selectors log this record. */
  dataEventSelected?: boolean;
}

export type BusDelivery =
  | { delivered: false; reason: 'no-logging-trail' | 'data-event-not-logged' }
  | {
      delivered: true;
      /** Read-only management events reach only rules whose State is
       *  ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; ENABLED rules skip them. */
      readOnlyManagement: boolean;
    };

export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

// STS calls EventBridge has always delivered although their names start with Get (2023 user guide,
// eb-service-event.md: "except for ... GetFederationToken and GetSessionToken").
// Per event source, asked of every read-only record without joining source and name into a new string.
const ALWAYS_DELIVERED = new Map([['sts.amazonaws.com', new Set(['GetFederationToken', 'GetSessionToken'])]]);

/**
 * Whether CloudTrail hands this record to the default event bus, per the EventBridge user guide:
 * - "To record events with one of the CloudTrail detail-type values, you must enable a CloudTrail trail
 *   with logging." (eb-service-event-cloudtrail.html, current text)
 * - Data events such as S3 object calls need a trail logging those data events ("When using CloudTrail
 *   with Amazon S3, you need to configure CloudTrail to log data events", same page).
 * - Rules in state ENABLED match everything "except for read-only AWS management events delivered
 *   through CloudTrail"; ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS includes them. Read-only events
 *   whose names do not start with Describe, Get or List (e.g. EventBridge TestEventPattern) were always
 *   delivered (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
 */
export function reachesDefaultBus(record: CloudTrailRecord, ctx: BusDeliveryContext): BusDelivery {
  if (!ctx.trailLogging) return NO_LOGGING_TRAIL;
  if (record.eventCategory === 'Data' && ctx.dataEventSelected !== true) return DATA_EVENT_NOT_LOGGED;
  const name = record.eventName;
  const gatedName = typeof name === 'string' && (name.startsWith('Describe') || name.startsWith('Get') || name.startsWith('List'));
  const readOnlyManagement =
    record.eventCategory === 'Management' &&
    record.readOnly === true &&
    gatedName &&
    ALWAYS_DELIVERED.get(record.eventSource)?.has(name) !== true;
  return readOnlyManagement ? DELIVERED_READ_ONLY : DELIVERED;
}
// The answers reachesDefaultBus gives, shared: it is asked for every record CloudTrail writes.
const NO_LOGGING_TRAIL: BusDelivery = Object.freeze({ delivered: false, reason: 'no-logging-trail' });
const DATA_EVENT_NOT_LOGGED: BusDelivery = Object.freeze({ delivered: false, reason: 'data-event-not-logged' });
const DELIVERED: BusDelivery = Object.freeze({ delivered: true, readOnlyManagement: false });
const DELIVERED_READ_ONLY: BusDelivery = Object.freeze({ delivered: true, readOnlyManagement: true });

/** Whether a rule in `state` on the default bus is offered an event delivered as `delivery`. */
export function ruleReceives(state: RuleState, delivery: BusDelivery): boolean {
  if (!delivery.delivered || state === 'DISABLED') return false;
  return state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' || !delivery.readOnlyManagement;
}
