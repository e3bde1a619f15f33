// PutEventSelectors, GetEventSelectors, PutInsightSelectors, GetInsightSelectors.
import { AwsError, type HandlerFn, type JsonObject } from '../../core/contract';
import { lowerFirstKeys, requireStr } from '../../core/service';
import type { CloudTrailInternals } from '../internals';
import { parseEventSelectors, parseInsightSelectors } from '../trails/selector-parse';
import type { TrailConfig } from '../trails/trail-types';

function selectorsResponse(config: TrailConfig): JsonObject {
  const sel = config.selectors;
  return sel.kind === 'basic'
    ? { TrailARN: config.arn, EventSelectors: sel.eventSelectors as unknown as JsonObject[] }
    : { TrailARN: config.arn, AdvancedEventSelectors: sel.advancedEventSelectors as unknown as JsonObject[] };
}

function logsManagementEvents(config: TrailConfig, readWrite: 'write' | 'any'): boolean {
  const sel = config.selectors;
  if (sel.kind === 'basic') {
    return sel.eventSelectors.some((s) => s.IncludeManagementEvents && (readWrite === 'any' || s.ReadWriteType !== 'ReadOnly'));
  }
  return sel.advancedEventSelectors.some((a) => a.FieldSelectors.some((f) => f.Field === 'eventCategory' && f.Equals?.includes('Management')));
}

export function selectorHandlers(s: CloudTrailInternals): Record<string, HandlerFn> {
  const PutEventSelectors: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolveHome(requireStr(params, 'TrailName'), ctx.region);
    const selectors = parseEventSelectors(params);
    const after = s.trails.send(trail.config.arn, { type: 'trail.putEventSelectors', selectors });
    const response = selectorsResponse(after.config);
    return { response, responseElements: lowerFirstKeys(response) as JsonObject };
  };

  const GetEventSelectors: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolve(requireStr(params, 'TrailName'), ctx.region);
    return { response: selectorsResponse(trail.config) };
  };

  const PutInsightSelectors: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolveHome(requireStr(params, 'TrailName'), ctx.region);
    const insightSelectors = parseInsightSelectors(params);
    for (const sel of insightSelectors) {
      const needs = sel.InsightType === 'ApiCallRateInsight' ? 'write' : 'any';
      if (!logsManagementEvents(trail.config, needs)) {
        throw new AwsError(
          'InvalidInsightSelectorsException',
          `${sel.InsightType} requires the trail to log ${needs === 'write' ? 'write' : 'read or write'} management events.`,
        );
      }
    }
    const after = s.trails.send(trail.config.arn, { type: 'trail.putInsightSelectors', insightSelectors, atMs: s.clock.now() });
    const response: JsonObject = { TrailARN: after.config.arn, InsightSelectors: after.config.insightSelectors as unknown as JsonObject[] };
    return { response, responseElements: lowerFirstKeys(response) as JsonObject };
  };

  const GetInsightSelectors: HandlerFn = (params, ctx) => {
    const trail = s.trails.resolve(requireStr(params, 'TrailName'), ctx.region);
    if (trail.config.insightSelectors.length === 0) {
      throw new AwsError('InsightNotEnabledException', `Trail ${trail.config.arn} does not have Insights enabled. Enable Insights on the trail, and then try the request again.`);
    }
    return { response: { TrailARN: trail.config.arn, InsightSelectors: trail.config.insightSelectors as unknown as JsonObject[] } };
  };

  return { PutEventSelectors, GetEventSelectors, PutInsightSelectors, GetInsightSelectors };
}
