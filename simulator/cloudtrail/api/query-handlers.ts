// LookupEvents, ListPublicKeys, and the simulator's own ValidateLogs (what `aws cloudtrail validate-logs`
// computes locally; it is not a CloudTrail API and writes no record).
import { AwsError, type HandlerFn, type JsonObject } from '../../core/contract';
import { requireStr } from '../../core/service';
import { bytesToBase64, regionKey } from '../crypto/region-keys';
import { lookupEvents } from '../history/lookup-events';
import { trailRegions, type CloudTrailInternals } from '../internals';
import { apiTimestamp, DAY_MS, parseApiTimestamp } from '../time';
import { validateLogs } from '../validation/validate-logs';

/** Simulated signing keys stay valid for ten years from the account's start. */
const KEY_VALIDITY_MS = 3653 * DAY_MS;

export function queryHandlers(s: CloudTrailInternals): Record<string, HandlerFn> {
  const LookupEvents: HandlerFn = (params, ctx) => ({
    response: lookupEvents(params, s.history(ctx.region), s.clock.now()),
  });

  const ListPublicKeys: HandlerFn = (params, ctx) => {
    const start = parseApiTimestamp(params['StartTime'], 'startTime');
    const end = parseApiTimestamp(params['EndTime'], 'endTime');
    if (start !== undefined && end !== undefined && start > end) {
      throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.');
    }
    const validFrom = s.keysValidFromMs;
    const validTo = validFrom + KEY_VALIDITY_MS;
    const overlaps = (start ?? validFrom) <= validTo && (end ?? validTo) >= validFrom;
    const key = regionKey(ctx.region);
    const list: JsonObject[] = overlaps
      ? [{ Value: bytesToBase64(key.der), ValidityStartTime: apiTimestamp(validFrom), ValidityEndTime: apiTimestamp(validTo), Fingerprint: key.fingerprint }]
      : [];
    return { response: { PublicKeyList: list } };
  };

  const ValidateLogs: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolve(requireStr(params, 'TrailARN'), ctx.region);
    const startMs = parseApiTimestamp(params['StartTime'], 'startTime');
    if (startMs === undefined) requireStr(params, 'StartTime');
    const endMs = parseApiTimestamp(params['EndTime'], 'endTime') ?? s.clock.now();
    const report = validateLogs({
      store: s.store,
      signatures: s.signatures,
      accountId: s.accountId,
      trail: trail.config,
      regions: trailRegions(trail.config, s.regions),
      startMs: startMs ?? 0,
      endMs,
    });
    return { response: report as unknown as JsonObject, requestParameters: null };
  };

  return { LookupEvents, ListPublicKeys, ValidateLogs };
}
