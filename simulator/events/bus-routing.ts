// Reads the CloudTrail part of a record's routing for what the default bus needs to know, and explains in
// Korean where the record went on the EventBridge side.
import type { CloudTrailRecord, Json } from '../core/contract';
import type { BusRouting, RuleMatch } from './bus';
import { detailTypeOf, type BusDeliveryContext } from './cloudtrail-event';
import { eventIdFor } from './event-id';

export type BusCode = 'DELIVERED' | 'DELIVERED_READ_ONLY' | 'NO_LOGGING_TRAIL' | 'DATA_EVENT_NOT_LOGGED';

type TrailVerdict = { code?: Json; landed?: Json };

/**
 * A trail "covers" the record when it is logging and records the record's Region (a multi-Region trail, or
 * a single-Region trail at home); a data event needs a trail that actually selected it. The codes are the
 * CloudTrail service's routing codes (simulator/cloudtrail/routing.ts). Asked for every record, so the trails
 * are read only as far as the answer needs: whether a trail selected the record matters for data events only
 * (reachesDefaultBus), and is left false for the others.
 */
export function busDeliveryOf(routing: Json, record: Pick<CloudTrailRecord, 'eventCategory'>): BusDeliveryContext {
  const trails = routing !== null && typeof routing === 'object' && !Array.isArray(routing) ? routing['trails'] : undefined;
  const dataEvent = record.eventCategory === 'Data';
  let trailLogging = false;
  let dataEventSelected = false;
  if (Array.isArray(trails)) {
    for (const t of trails) {
      if (t === null || typeof t !== 'object' || Array.isArray(t)) continue;
      const v = t as TrailVerdict;
      if (v.code !== 'NOT_LOGGING' && v.code !== 'OTHER_REGION') trailLogging = true;
      if (dataEvent && v.landed === true) dataEventSelected = true;
      if (trailLogging && (dataEventSelected || !dataEvent)) break;
    }
  }
  return CONTEXTS[(trailLogging ? 2 : 0) + (dataEventSelected ? 1 : 0)]!;
}
/** The four answers busDeliveryOf can give, shared (nothing changes them). */
const CONTEXTS: readonly BusDeliveryContext[] = [
  Object.freeze({ trailLogging: false, dataEventSelected: false }),
  Object.freeze({ trailLogging: false, dataEventSelected: true }),
  Object.freeze({ trailLogging: true, dataEventSelected: false }),
  Object.freeze({ trailLogging: true, dataEventSelected: true }),
];

export function busReasonKo(code: BusCode, record: CloudTrailRecord, matched: number): string {
  const where = `${record.awsRegion} 리전의 기본 이벤트 버스`;
  const rules = matched === 0 ? '일치한 규칙은 없습니다.' : `규칙 ${matched}개와 일치했습니다.`;
  switch (code) {
    case 'DELIVERED':
      return `CloudTrail이 이 이벤트를 ${where}로 보냈습니다. ${rules}`;
    case 'DELIVERED_READ_ONLY':
      return `읽기 전용 관리 이벤트(${record.eventName})라서 ${where}에서 상태가 ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS인 규칙만 받습니다. ${rules}`;
    case 'NO_LOGGING_TRAIL':
      return `이 리전을 기록하는 로깅 중인 트레일이 없어 EventBridge로 전달되지 않았습니다("AWS API Call via CloudTrail" 이벤트에는 로깅 중인 트레일이 필요합니다).`;
    case 'DATA_EVENT_NOT_LOGGED':
      return `데이터 이벤트(${record.eventName})는 트레일의 데이터 이벤트 선택기가 기록할 때만 EventBridge로 전달됩니다.`;
  }
}

/** Makes `eventId` an own enumerable member read through the instance's own fields; one descriptor for every
 *  instance, so they all share one shape. */
const EVENT_ID: PropertyDescriptor = {
  get(this: DeliveredRouting): string {
    return this.eventIdOnce();
  },
  enumerable: true,
  configurable: true,
};

/**
 * The bus's part of a delivered record's routing. Its event id is hashed when first read unless the bus already
 * needed it: most records match no rule, and then only whoever shows or serialises the routing reads the id.
 * It is an own enumerable accessor in the place a plain member would have, so JSON.stringify, Object.keys,
 * spreads and structured clones (the worker's messages) see the same members in the same order as before. An
 * accessor written in an object literal would be a new function per record, giving every routing a shape of
 * its own, which cost V8 more than the hash.
 */
export class DeliveredRouting implements BusRouting {
  declare readonly region: string;
  declare readonly delivered: true;
  declare readonly code: BusCode;
  declare readonly reasonKo: string;
  declare readonly matchedRules: RuleMatch[];
  declare readonly eventId: string;
  declare readonly detailType: string;
  readonly #record: CloudTrailRecord;
  #eventId: string | undefined;

  constructor(record: CloudTrailRecord, code: BusCode, matchedRules: RuleMatch[], eventId: string | undefined) {
    // Members are made in the order routings have always listed them (declare: no class-field initialisers).
    this.#record = record;
    this.#eventId = eventId;
    const self = this as { -readonly [K in keyof BusRouting]: BusRouting[K] };
    self.region = record.awsRegion;
    self.delivered = true;
    self.code = code;
    self.reasonKo = busReasonKo(code, record, matchedRules.length);
    self.matchedRules = matchedRules;
    // A matched record's id is already known: a plain member then, as defining an accessor costs more than
    // anything else here.
    if (eventId !== undefined) self.eventId = eventId;
    else Object.defineProperty(this, 'eventId', EVENT_ID);
    self.detailType = detailTypeOf(record);
  }

  /** The id of the record's event (eventIdFor), hashed once. */
  eventIdOnce(): string {
    return (this.#eventId ??= eventIdFor(this.#record));
  }
}
