// What the API handlers reach inside the service: the trail registry, delivery lanes and event history.
import type { Clock, ObjectStore } from '../core/contract';
import type { DeliveryLanes } from './delivery/lanes';
import type { RegionHistory } from './history/lookup-events';
import type { TrailRegistry } from './trails/trail-registry';
import type { TrailConfig } from './trails/trail-types';

export interface CloudTrailInternals {
  accountId: string;
  regions: readonly string[];
  clock: Clock;
  store: ObjectStore;
  trails: TrailRegistry;
  lanes: DeliveryLanes;
  history(region: string): RegionHistory;
  signatures: Map<string, string>;
  /** When the simulator's signing keys became valid (the account's start). */
  keysValidFromMs: number;
}

/** Regions a trail records in: all of the account's for a multi-Region trail, else its home Region. */
export function trailRegions(config: TrailConfig, regions: readonly string[]): string[] {
  return config.isMultiRegionTrail ? [...regions] : [config.homeRegion];
}
