// What a delivery does to a trail's status (GetTrailStatus's LatestDelivery*, LatestDigestDelivery*,
// LatestCloudWatchLogsDelivery*, LatestDeliveryError). One function for the trail machine and for the registry,
// which folds a run of deliveries into one status before the machine sees it (trail-registry.ts): the same
// steps in the same order give the same status, down to the order of its keys, which snapshots keep.
import type { TrailStatus } from './trail-types';

export type DeliveryNote =
  | { type: 'trail.delivered'; atMs: number; cloudWatchLogs: boolean }
  | { type: 'trail.digestDelivered'; atMs: number }
  | { type: 'trail.deliveryFailed'; atMs: number; errorCode: string };

/** The status after this delivery result; `status` itself when it already says so (a trail's files for several
 *  Regions, or its log file and digest, are delivered at the same instant). */
export function noted(status: TrailStatus, note: DeliveryNote): TrailStatus {
  switch (note.type) {
    case 'trail.delivered': {
      if (
        status.latestDeliveryMs === note.atMs &&
        status.latestDeliveryAttemptMs === note.atMs &&
        status.latestDeliveryError === undefined &&
        (!note.cloudWatchLogs || status.latestCloudWatchLogsDeliveryMs === note.atMs)
      ) {
        return status;
      }
      // A successful delivery clears the last error.
      const { latestDeliveryError: _cleared, ...rest } = status;
      const next: TrailStatus = { ...rest, latestDeliveryMs: note.atMs, latestDeliveryAttemptMs: note.atMs };
      if (note.cloudWatchLogs) next.latestCloudWatchLogsDeliveryMs = note.atMs;
      return next;
    }
    case 'trail.digestDelivered':
      return status.latestDigestDeliveryMs === note.atMs ? status : { ...status, latestDigestDeliveryMs: note.atMs };
    case 'trail.deliveryFailed':
      return status.latestDeliveryError === note.errorCode && status.latestDeliveryAttemptMs === note.atMs
        ? status
        : { ...status, latestDeliveryError: note.errorCode, latestDeliveryAttemptMs: note.atMs };
  }
}
