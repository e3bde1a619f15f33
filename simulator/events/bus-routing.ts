// Reads the CloudTrail part of a record's routing for what the default bus needs to know, and gives the bus's
// part of the routing (its Korean sentences: bus-reasons.ts).
import type { CloudTrailRecord, Json } from '../core/contract';
import type { BusRouting, RuleMatch } from './bus';
import { detailTypeOf, type BusDeliveryContext } from './cloudtrail-event';
import { eventIdFor } from './event-id';
import { busReasonKo, type BusCode } from './bus-reasons';

export { busReasonKo, type BusCode } from './bus-reasons';

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
