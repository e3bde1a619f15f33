// What was offered to the default bus and not yet handled, in the order offered. Every record CloudTrail writes
// passes through here, most of them to no rule at all: an object per item and Array#shift (whose store shrinks
// as it is read and grows again as the next call's records arrive) were a large share of what the bus allocated.
// The items sit in parallel arrays read from a moving head; slots are reused once everything has been taken.
import type { CloudTrailRecord, Json } from '../core/contract';
import type { EventBridgeEvent } from './cloudtrail-event';

export class OfferQueue {
  /** Per slot: a record CloudTrail wrote (with its routing), or an event PutEvents accepted. */
  private readonly records: Array<CloudTrailRecord | undefined> = [];
  private readonly routings: Json[] = [];
  private readonly events: Array<EventBridgeEvent | undefined> = [];
  /** Links of the rule → target → record chain behind the item (bus.ts, MAX_CHAIN). */
  private readonly depths: number[] = [];
  private head = 0;
  private count = 0;

  /** The item `take` took: its record and routing, or its event, and its depth. */
  record: CloudTrailRecord | undefined;
  routing: Json = null;
  event: EventBridgeEvent | undefined;
  depth = 0;

  get size(): number {
    return this.count - this.head;
  }

  pushRecord(record: CloudTrailRecord, routing: Json, depth: number): void {
    this.put(record, routing, undefined, depth);
  }
  pushEvent(event: EventBridgeEvent, depth: number): void {
    this.put(undefined, null, event, depth);
  }

  /** Takes the oldest item into `record`/`routing`, `event` and `depth`; false when there is none. Its slot
   *  lets go of it, so nothing handled stays reachable from here. */
  take(): boolean {
    const i = this.head;
    if (i === this.count) {
      this.head = this.count = 0;
      return false;
    }
    this.head = i + 1;
    this.record = this.records[i];
    this.routing = this.routings[i] ?? null;
    this.event = this.events[i];
    this.depth = this.depths[i] ?? 0;
    this.records[i] = undefined;
    this.routings[i] = null;
    this.events[i] = undefined;
    return true;
  }

  private put(record: CloudTrailRecord | undefined, routing: Json, event: EventBridgeEvent | undefined, depth: number): void {
    const i = this.count++;
    this.records[i] = record;
    this.routings[i] = routing;
    this.events[i] = event;
    this.depths[i] = depth;
  }
}
