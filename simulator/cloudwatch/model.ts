import type { Json, JsonObject } from '../core/contract';

/** One datum exactly as PutMetricData received it (the raw source the metric store aggregates). */
export interface RawDatum {
  namespace: string;
  metricName: string;
  dimensions: { Name: string; Value: string }[];
  timestamp: number;
  receivedAt: number;
  values: number[];
  counts: number[];
  statistics: { SampleCount: number; Sum: number; Minimum: number; Maximum: number } | null;
  unit: string;
  storageResolution: number;
}

/** CloudWatch state per Region: received datapoints and alarms (alarms are described in AWS's shape). */
export class CloudWatchModel {
  regions: Record<string, { data: RawDatum[]; alarms: JsonObject[] }> = {};

  region(r: string): { data: RawDatum[]; alarms: JsonObject[] } {
    return (this.regions[r] ??= { data: [], alarms: [] });
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.regions)) as Json;
  }
  restore(s: Json): void {
    this.regions = JSON.parse(JSON.stringify(s)) as Record<string, { data: RawDatum[]; alarms: JsonObject[] }>;
  }
}
