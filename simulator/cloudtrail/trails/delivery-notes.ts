// What a delivery does to a trail's status (GetTrailStatus's LatestDelivery*, LatestDigestDelivery*,
// LatestCloudWatchLogsDelivery*, LatestDeliveryError). One function for the trail machine and for the registry,
// which folds a run of deliveries into one status before the machine sees it (trail-registry.ts): the same
// steps in the same order give the same status, down to the order of its keys, which snapshots keep.
import type { TrailStatus } from './trail-types';

export type DeliveryNote =
  | { type: 'trail.delivered'; atMs: number; cloudWatchLogs: boolean }
  | { type: 'trail.digestDelivered'; atMs: number }
  | { type: 'trail.deliveryFailed'; atMs: number; errorCode: string };

/** Whether the status already says what this delivery result would make it say. */
function alreadyNoted(status: TrailStatus, note: DeliveryNote): boolean {
  switch (note.type) {
    case 'trail.delivered':
      return (
        status.latestDeliveryMs === note.atMs &&
        status.latestDeliveryAttemptMs === note.atMs &&
        // No error key at all: one holding undefined is still dropped, as the machine's copy always did.
        !('latestDeliveryError' in status) &&
        (!note.cloudWatchLogs || status.latestCloudWatchLogsDeliveryMs === note.atMs)
      );
    case 'trail.digestDelivered':
      return status.latestDigestDeliveryMs === note.atMs;
    case 'trail.deliveryFailed':
      return status.latestDeliveryError === note.errorCode && status.latestDeliveryAttemptMs === note.atMs;
  }
}

/** The status after this delivery result, as a new object; `status` itself when it already says so (a trail's
 *  files for several Regions, or its log file and digest, are delivered at the same instant). */
export function noted(status: TrailStatus, note: DeliveryNote): TrailStatus {
  return alreadyNoted(status, note) ? status : noteInPlace({ ...status }, note);
}

/**
 * The delivery result written into `status` itself, for a status its holder owns (the registry's copy of
 * results the trail's actor has not been told yet: no copy per delivered file of every trail). A successful
 * delivery drops the error key; a field already there keeps its place in the key order, a new one comes last.
 * Returns `status`.
 */
export function noteInPlace(status: TrailStatus, note: DeliveryNote): TrailStatus {
  if (alreadyNoted(status, note)) return status;
  switch (note.type) {
    case 'trail.delivered':
      // A successful delivery clears the last error.
      delete status.latestDeliveryError;
      status.latestDeliveryMs = note.atMs;
      status.latestDeliveryAttemptMs = note.atMs;
      if (note.cloudWatchLogs) status.latestCloudWatchLogsDeliveryMs = note.atMs;
      return status;
    case 'trail.digestDelivered':
      status.latestDigestDeliveryMs = note.atMs;
      return status;
    case 'trail.deliveryFailed':
      status.latestDeliveryError = note.errorCode;
      status.latestDeliveryAttemptMs = note.atMs;
      return status;
  }
}
