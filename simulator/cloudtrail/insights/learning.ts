// The learning period: "After you enable CloudTrail Insights for the first time on a trail, CloudTrail may take
// up to 36 hours to begin delivering Insights events"; turning Insights off and on again, or stopping and
// restarting logging, starts it over (insights-events-understanding.html, "Delivery of Insights events").
// The simulator takes the documented upper bound, so a learner always sees the full wait.
import { HOUR_MS } from '../time';
import type { InsightType, TrailConfig, TrailStatus } from '../trails/trail-types';

export const INSIGHTS_LEARNING_MS = 36 * HOUR_MS;

/** When the trail starts receiving Insights events of this type, or undefined when it never will as set up. */
export function insightsReadyMs(config: TrailConfig, status: TrailStatus, type: InsightType): number | undefined {
  // Only management-event Insights are analysed here; a selector limited to EventCategories ["Data"] (the
  // late-2025 data-event Insights) asks for something else. No EventCategories means Management.
  const selected = config.insightSelectors.some((s) => s.InsightType === type && (!s.EventCategories || s.EventCategories.includes('Management')));
  if (!status.isLogging || !selected) return undefined;
  const since = status.insightsSinceMs?.[type] ?? status.startLoggingMs;
  return since === undefined ? undefined : since + INSIGHTS_LEARNING_MS;
}

/** A trail analyses a Region's activity when it records there. */
export function trailCoversRegion(config: TrailConfig, region: string): boolean {
  return config.isMultiRegionTrail || config.homeRegion === region;
}
