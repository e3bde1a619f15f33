// A delivered record's routing defines its lazy eventId as an accessor (bus-routing.ts): own, enumerable,
// configurable, a getter and no setter, in its place among the members, one getter for every routing (so they
// share one shape), answering the record's event id.
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { DeliveredRouting } from '../../../simulator/events/bus-routing';
import { eventIdFor } from '../../../simulator/events/event-id';

const record = (eventID: string) => ({ awsRegion: 'us-east-1', eventName: 'DeleteBucket', eventType: 'AwsApiCall', eventID }) as unknown as CloudTrailRecord;

describe('DeliveredRouting eventId', () => {
  it('is an own enumerable accessor, read lazily from each routing of one shape', () => {
    const routings = ['6b6e719c-9726-4f3e-8244-ec1306f94010', 'a1b2c3d4-0000-4000-8000-000000000001'].map((id) => new DeliveredRouting(record(id), 'DELIVERED', [], undefined));
    for (const r of routings) {
      const d = Object.getOwnPropertyDescriptor(r, 'eventId');
      expect(d && { enumerable: d.enumerable, configurable: d.configurable, set: d.set, get: typeof d.get }).toEqual({ enumerable: true, configurable: true, set: undefined, get: 'function' });
      expect(Object.keys(r)).toEqual(['region', 'delivered', 'code', 'reasonKo', 'matchedRules', 'eventId', 'detailType']);
    }
    // One getter for all: reading through one routing's getter with another as `this` answers the other's id.
    const getter = Object.getOwnPropertyDescriptor(routings[0]!, 'eventId')!.get!;
    expect(Object.getOwnPropertyDescriptor(routings[1]!, 'eventId')!.get).toBe(getter);
    expect(getter.call(routings[1])).toBe(eventIdFor({ eventID: 'a1b2c3d4-0000-4000-8000-000000000001' }));
    expect(routings[0]!.eventId).toBe(eventIdFor({ eventID: '6b6e719c-9726-4f3e-8244-ec1306f94010' }));
  });

  it('is a plain member when the bus already knew the id', () => {
    const r = new DeliveredRouting(record('6b6e719c-9726-4f3e-8244-ec1306f94010'), 'DELIVERED', [], 'known-id');
    expect(Object.getOwnPropertyDescriptor(r, 'eventId')).toEqual({ value: 'known-id', writable: true, enumerable: true, configurable: true });
  });
});
