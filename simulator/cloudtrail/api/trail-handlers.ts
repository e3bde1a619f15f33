// CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging, GetTrailStatus, DescribeTrails,
// ListTrails. Handlers hold no state: they validate, then drive the trail actors and delivery lanes.
import { AwsError, type HandlerFn, type JsonObject } from '../../core/contract';
import { lowerFirstKeys, requireStr } from '../../core/service';
import { trailRegions, type CloudTrailInternals } from '../internals';
import { applyTrailParams, validateTrailName } from '../trails/trail-params';
import { defaultSelectors, trailArn, type TrailConfig } from '../trails/trail-types';
import { trailDescription, trailStatusResponse, trailWriteResponse } from './trail-shapes';

export function trailHandlers(s: CloudTrailInternals): Record<string, HandlerFn> {
  const CreateTrail: HandlerFn = (params, ctx) => {
    const name = requireStr(params, 'Name');
    const bucket = requireStr(params, 'S3BucketName');
    validateTrailName(name);
    const multi = params['IsMultiRegionTrail'] === true;
    if (s.trails.nameTaken(name, ctx.region, multi)) {
      throw new AwsError('TrailAlreadyExistsException', `Trail ${name} already exists for customer: ${s.accountId}`);
    }
    const base: TrailConfig = {
      name,
      arn: trailArn(ctx.region, s.accountId, name),
      homeRegion: ctx.region,
      s3BucketName: bucket,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      selectors: defaultSelectors(),
      insightSelectors: [],
    };
    const config = applyTrailParams(base, params, s.store, s.accountId);
    s.trails.create(config);
    const response = trailWriteResponse(config, s.accountId);
    return { response, responseElements: lowerFirstKeys(response) as JsonObject };
  };

  const UpdateTrail: HandlerFn = (params, ctx) => {
    const current = s.trails.resolveHome(requireStr(params, 'Name'), ctx.region);
    const next = applyTrailParams(current.config, params, s.store, s.accountId);
    const after = s.trails.send(next.arn, { type: 'trail.update', config: next });
    const before = current.config;
    if (after.status.isLogging) {
      const now = s.clock.now();
      if (next.logFileValidationEnabled && !before.logFileValidationEnabled) {
        s.lanes.startChains(next.arn, trailRegions(next, s.regions), now);
      } else if (!next.logFileValidationEnabled && before.logFileValidationEnabled) {
        s.lanes.stopChains(next.arn);
      } else if (next.logFileValidationEnabled) {
        // A trail that became multi-Region starts chains in the new Regions; one that became
        // single-Region stops digesting the Regions it left.
        const regions = trailRegions(next, s.regions);
        s.lanes.startChains(next.arn, regions, now, true);
        s.lanes.stopChains(next.arn, regions);
      }
    }
    const response = trailWriteResponse(next, s.accountId);
    return { response, responseElements: lowerFirstKeys(response) as JsonObject };
  };

  const DeleteTrail: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolveHome(requireStr(params, 'Name'), ctx.region);
    if (trail.status.isLogging) s.lanes.finish(trail.config.arn, s.clock.now());
    s.lanes.drop(trail.config.arn);
    s.trails.delete(trail.config.arn);
    return { response: {} };
  };

  const StartLogging: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolveHome(requireStr(params, 'Name'), ctx.region);
    if (!trail.status.isLogging) {
      const now = s.clock.now();
      s.trails.send(trail.config.arn, { type: 'trail.startLogging', atMs: now });
      if (trail.config.logFileValidationEnabled) s.lanes.startChains(trail.config.arn, trailRegions(trail.config, s.regions), now);
    }
    return { response: {} };
  };

  const StopLogging: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolveHome(requireStr(params, 'Name'), ctx.region);
    if (trail.status.isLogging) {
      const now = s.clock.now();
      s.trails.send(trail.config.arn, { type: 'trail.stopLogging', atMs: now });
      s.lanes.finish(trail.config.arn, now);
    }
    return { response: {} };
  };

  const GetTrailStatus: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolve(requireStr(params, 'Name'), ctx.region);
    return { response: trailStatusResponse(trail.status) };
  };

  const DescribeTrails: HandlerFn = (params, ctx) => {
    const includeShadows = params['includeShadowTrails'] !== false;
    const names = Array.isArray(params['trailNameList']) ? params['trailNameList'].filter((n): n is string => typeof n === 'string') : [];
    const visible = s.trails.visibleIn(ctx.region).filter((t) => includeShadows || t.config.homeRegion === ctx.region);
    const chosen = names.length
      ? // Names match only trails whose home is this Region; other Regions' trails need their ARN (API reference).
        visible.filter((t) => (t.config.homeRegion === ctx.region && names.includes(t.config.name)) || names.includes(t.config.arn))
      : visible;
    return { response: { trailList: chosen.map((t) => trailDescription(t.config, s.accountId)) } };
  };

  const ListTrails: HandlerFn = () => ({
    response: {
      Trails: s.trails.all().map((t) => ({ TrailARN: t.config.arn, Name: t.config.name, HomeRegion: t.config.homeRegion })),
    },
  });

  return { CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging, GetTrailStatus, DescribeTrails, ListTrails };
}
