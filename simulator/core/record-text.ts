// A record's JSON text, made once however many parts of the account need it: CloudTrail's event history and
// trails keep it, EventBridge hands it (inside the event) to targets. They see a record one after another
// within the call that made it, so remembering the last record is enough; a nested call in between only costs
// a second stringify. Records are never changed once built, which is what makes the text safe to reuse.
//
// Most of a record repeats from call to call: the caller's userIdentity (one shared object per principal), the
// action's names and the caller's agent, the constant closing members. Stringifying all of it anew was a fifth
// of a busy account's time, so the record buildRecord made last is written from runs of members remembered per
// action, each checked against the values it was made from, and only what is new to the call is written anew.
// Any other record (hand-built, Insights) is stringified whole.
import type { CloudTrailRecord } from './contract';
import { hasToJson, jsonText, needsEscape } from './json-text';

/** Per action: the texts of its records' repeating runs of members (owned by record.ts's per-action parts). */
export interface RecordTextMemo {
  /** eventSource … userAgent, by awsRegion. */
  readonly middle: Map<string, Run<Middle>>;
  /** eventType … sessionCredentialFromConsole and the closing brace, by tlsDetails (shared objects, one per host). */
  readonly tail: Map<object | undefined, Run<Tail>>;
}

export function newRecordTextMemo(): RecordTextMemo {
  return { middle: new Map(), tail: new Map() };
}

/** A run of members as JSON text (no braces; after the first run, led by a comma), and the members it was
 *  made from; reused only while every member's value is the same. */
interface Run<T> {
  members: T;
  text: string;
}

/** Keys are Regions and hosts the account was called in; the bound only keeps a pathological script from
 *  growing a memo without end (emptying one changes no output). */
const MAX_RUNS = 256;

let built: CloudTrailRecord | undefined;
let builtMemo: RecordTextMemo | undefined;

/** buildRecord hands over each record it makes, with its action's memo; the record must not change after. */
export function noteBuilt(record: CloudTrailRecord, memo: RecordTextMemo): void {
  built = record;
  builtMemo = memo;
}

let last: CloudTrailRecord | undefined;
let lastText = '';

/** Exactly `JSON.stringify(record)`. */
export function recordText(record: CloudTrailRecord): string {
  if (record !== last) {
    lastText = record === built ? builtText(record, builtMemo!) : JSON.stringify(record);
    last = record;
  }
  return lastText;
}

// JSON.stringify writes an object as its members' texts joined by commas inside braces. Cutting the record's
// members, in order, into consecutive runs and stringifying each run as an object of the same keys (absent and
// undefined members are left out either way) gives the same member texts: joining the non-empty runs with
// commas inside braces is the record's text. A repeating run is stringified when first met or when a value in
// it changes; the members new to each call are written one by one below.

/** The members of `run` as JSON text without the braces, after a comma ('' for none). */
function afterComma(run: object): string {
  const t = JSON.stringify(run);
  return t.length === 2 ? '' : `,${t.slice(1, -1)}`;
}

type Head = Pick<CloudTrailRecord, 'eventVersion' | 'userIdentity'>;
type Middle = Pick<CloudTrailRecord, 'eventSource' | 'eventName' | 'awsRegion' | 'sourceIPAddress' | 'userAgent'>;
type Tail = Pick<CloudTrailRecord, 'eventType' | 'managementEvent' | 'recipientAccountId' | 'eventCategory' | 'tlsDetails' | 'sessionCredentialFromConsole'>;

/** The opening brace, eventVersion and userIdentity, by userIdentity object (principals share one while unchanged). */
const heads = new WeakMap<object, Run<Head>>();
function headText(r: CloudTrailRecord): string {
  const id: unknown = r.userIdentity;
  const run = typeof id === 'object' && id !== null ? heads.get(id) : undefined;
  if (run && run.members.eventVersion === r.eventVersion) return run.text;
  const members: Head = { eventVersion: r.eventVersion, userIdentity: r.userIdentity };
  // The record's opening brace and these members; eventVersion (a string, see builtText) is the first.
  const text = JSON.stringify(members).slice(0, -1);
  if (typeof id === 'object' && id !== null) heads.set(id, { members, text });
  return text;
}

/** Calls within a simulated minute (or second) share an eventTime. */
let lastTime: unknown;
let lastTimeText = '';
function timeText(r: CloudTrailRecord): string {
  if (r.eventTime !== lastTime) {
    lastTimeText = afterComma({ eventTime: r.eventTime });
    lastTime = r.eventTime;
  }
  return lastTimeText;
}

function middleText(memo: RecordTextMemo, r: CloudTrailRecord): string {
  const run = memo.middle.get(r.awsRegion);
  if (run) {
    const m = run.members;
    if (m.eventSource === r.eventSource && m.eventName === r.eventName && m.awsRegion === r.awsRegion && m.sourceIPAddress === r.sourceIPAddress && m.userAgent === r.userAgent) return run.text;
  } else if (memo.middle.size >= MAX_RUNS) memo.middle.clear();
  const members: Middle = { eventSource: r.eventSource, eventName: r.eventName, awsRegion: r.awsRegion, sourceIPAddress: r.sourceIPAddress, userAgent: r.userAgent };
  const text = afterComma(members);
  memo.middle.set(r.awsRegion, { members, text });
  return text;
}

function tailText(memo: RecordTextMemo, r: CloudTrailRecord): string {
  const run = memo.tail.get(r.tlsDetails);
  if (run) {
    const m = run.members;
    if (m.eventType === r.eventType && m.managementEvent === r.managementEvent && m.recipientAccountId === r.recipientAccountId && m.eventCategory === r.eventCategory && m.tlsDetails === r.tlsDetails && m.sessionCredentialFromConsole === r.sessionCredentialFromConsole) return run.text;
  } else if (memo.tail.size >= MAX_RUNS) memo.tail.clear();
  const members: Tail = { eventType: r.eventType, managementEvent: r.managementEvent, recipientAccountId: r.recipientAccountId, eventCategory: r.eventCategory, tlsDetails: r.tlsDetails, sessionCredentialFromConsole: r.sessionCredentialFromConsole };
  // These members and the record's closing brace.
  const text = `${afterComma(members)}}`;
  memo.tail.set(r.tlsDetails, { members, text });
  return text;
}

// What is new to each call is written member by member (json-text.ts): on this engine a JSON.stringify call
// costs more before it writes anything than writing a short member does.

// Each `+` makes a string (about 20 bytes; a record's text is made of dozens), so the texts around a member's
// value are made once: `,"name":` and `,"name":"` before a value, and whole members for the constant values.
interface Lead {
  name: string;
  /** `,"name":` */
  comma: string;
  /** `,"name":"`, before a string that needs no escape. */
  quote: string;
  whenNull: string;
  whenTrue: string;
  whenFalse: string;
}
function lead(name: string): Lead {
  const comma = `,${JSON.stringify(name)}:`;
  return { name, comma, quote: `${comma}"`, whenNull: `${comma}null`, whenTrue: `${comma}true`, whenFalse: `${comma}false` };
}
const ERROR_CODE = lead('errorCode');
const ERROR_MESSAGE = lead('errorMessage');
const REQUEST_PARAMETERS = lead('requestParameters');
const RESPONSE_ELEMENTS = lead('responseElements');
const ADDITIONAL_EVENT_DATA = lead('additionalEventData');
const REQUEST_ID = lead('requestID');
const EVENT_ID = lead('eventID');
const READ_ONLY = lead('readOnly');
const RESOURCES = lead('resources');

/** `,"name":value` exactly as JSON.stringify writes the member `name` of an object ('' when it leaves it out). */
function member(m: Lead, v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return '';
    case 'string':
      return needsEscape(v) ? m.comma + JSON.stringify(v) : `${m.quote}${v}"`;
    case 'boolean':
      return v ? m.whenTrue : m.whenFalse;
    case 'object':
      if (v === null) return m.whenNull;
      // toJSON is handed the member's name, so an object that has one is stringified in place.
      if (hasToJson(v)) return afterComma({ [m.name]: v });
      return m.comma + jsonText(v)!;
    default:
      return afterComma({ [m.name]: v });
  }
}

function ownText(r: CloudTrailRecord): string {
  return (
    member(ERROR_CODE, r.errorCode) + member(ERROR_MESSAGE, r.errorMessage) + member(REQUEST_PARAMETERS, r.requestParameters) +
    member(RESPONSE_ELEMENTS, r.responseElements) + member(ADDITIONAL_EVENT_DATA, r.additionalEventData) + member(REQUEST_ID, r.requestID) +
    member(EVENT_ID, r.eventID) + member(READ_ONLY, r.readOnly) + member(RESOURCES, r.resources)
  );
}

/**
 * The text of a record laid out as buildRecord lays it out: the runs below hold its members in buildRecord's
 * order. The property test in tests/simulator/core/record-text.test.ts holds the two together.
 */
function builtText(r: CloudTrailRecord, memo: RecordTextMemo): string {
  // The other runs' texts start with a comma: the opening member has to be there, and buildRecord always
  // writes a string eventVersion first. The head run holds the opening brace, the tail run the closing one.
  if (typeof r.eventVersion !== 'string') return JSON.stringify(r);
  return `${headText(r)}${timeText(r)}${middleText(memo, r)}${ownText(r)}${tailText(memo, r)}`;
}
