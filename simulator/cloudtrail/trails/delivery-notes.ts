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
        status.latestDeliveryError === undefined &&
        (!note.cloudWatchLogs || status.latestCloudWatchLogsDeliveryMs === note.atMs)
      );
    case 'trail.digestDelivered':
      return status.latestDigestDeliveryMs === note.atMs;
    case 'trail.deliveryFailed':
      return status.latestDeliveryError === note.errorCode && status.latestDeliveryAttemptMs === note.atMs;
  }
}

/** The status after this delivery result; `status` itself when it already says so (a trail's files for several
 *  Regions, or its log file and digest, are delivered at the same instant). */
export function noted(status: TrailStatus, note: DeliveryNote): TrailStatus {
  if (alreadyNoted(status, note)) return status;
  switch (note.type) {
    case 'trail.delivered': {
      // A successful delivery clears the last error.
      const { latestDeliveryError: _cleared, ...rest } = status;
      const next: TrailStatus = { ...rest, latestDeliveryMs: note.atMs, latestDeliveryAttemptMs: note.atMs };
      if (note.cloudWatchLogs) next.latestCloudWatchLogsDeliveryMs = note.atMs;
      return next;
    }
    case 'trail.digestDelivered':
      return { ...status, latestDigestDeliveryMs: note.atMs };
    case 'trail.deliveryFailed':
      return { ...status, latestDeliveryError: note.errorCode, latestDeliveryAttemptMs: note.atMs };
  }
}

/**
 * noted() written into `status` itself, for a status its holder owns (the registry's copy of results the
 * trail's actor has not been told yet): the same fields in the same key order as the object noted() returns,
 * without a copy (a spread, and a rest that drops a key) per delivered file of every trail. Returns `status`.
 */
export function noteInPlace(status: TrailStatus, note: DeliveryNote): TrailStatus {
  if (alreadyNoted(status, note)) return status;
  switch (note.type) {
    case 'trail.delivered':
      // As noted's rest and spread: the error key goes, a field already there keeps its place, a new one
      // comes last.
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
