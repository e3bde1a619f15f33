// Trail members in the API's shapes (CreateTrail/UpdateTrail answers, DescribeTrails' Trail, GetTrailStatus).
import type { JsonObject } from '../../core/contract';
import { apiTimestamp } from '../time';
import { defaultSelectors, type TrailConfig, type TrailStatus } from '../trails/trail-types';

function snsTopicArn(config: TrailConfig, accountId: string): string | undefined {
  return config.snsTopicName ? `arn:aws:sns:${config.homeRegion}:${accountId}:${config.snsTopicName}` : undefined;
}

function put(target: JsonObject, key: string, value: string | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** CreateTrailResponse / UpdateTrailResponse. */
export function trailWriteResponse(config: TrailConfig, accountId: string): JsonObject {
  const out: JsonObject = { Name: config.name, S3BucketName: config.s3BucketName };
  put(out, 'S3KeyPrefix', config.s3KeyPrefix);
  put(out, 'SnsTopicName', config.snsTopicName);
  put(out, 'SnsTopicARN', snsTopicArn(config, accountId));
  out['IncludeGlobalServiceEvents'] = config.includeGlobalServiceEvents;
  out['IsMultiRegionTrail'] = config.isMultiRegionTrail;
  out['TrailARN'] = config.arn;
  out['LogFileValidationEnabled'] = config.logFileValidationEnabled;
  put(out, 'CloudWatchLogsLogGroupArn', config.cloudWatchLogsLogGroupArn);
  put(out, 'CloudWatchLogsRoleArn', config.cloudWatchLogsRoleArn);
  put(out, 'KmsKeyId', config.kmsKeyId);
  out['IsOrganizationTrail'] = false;
  return out;
}

/** DescribeTrails' Trail structure. */
export function trailDescription(config: TrailConfig, accountId: string): JsonObject {
  const out: JsonObject = { Name: config.name, S3BucketName: config.s3BucketName };
  put(out, 'S3KeyPrefix', config.s3KeyPrefix);
  put(out, 'SnsTopicName', config.snsTopicName);
  put(out, 'SnsTopicARN', snsTopicArn(config, accountId));
  out['IncludeGlobalServiceEvents'] = config.includeGlobalServiceEvents;
  out['IsMultiRegionTrail'] = config.isMultiRegionTrail;
  out['HomeRegion'] = config.homeRegion;
  out['TrailARN'] = config.arn;
  out['LogFileValidationEnabled'] = config.logFileValidationEnabled;
  put(out, 'CloudWatchLogsLogGroupArn', config.cloudWatchLogsLogGroupArn);
  put(out, 'CloudWatchLogsRoleArn', config.cloudWatchLogsRoleArn);
  put(out, 'KmsKeyId', config.kmsKeyId);
  out['HasCustomEventSelectors'] = JSON.stringify(config.selectors) !== JSON.stringify(defaultSelectors());
  out['HasInsightSelectors'] = config.insightSelectors.length > 0;
  out['IsOrganizationTrail'] = false;
  return out;
}

export function trailStatusResponse(status: TrailStatus): JsonObject {
  const out: JsonObject = { IsLogging: status.isLogging };
  const time = (key: string, ms: number | undefined) => {
    if (ms !== undefined) out[key] = apiTimestamp(ms);
  };
  put(out, 'LatestDeliveryError', status.latestDeliveryError);
  time('LatestDeliveryTime', status.latestDeliveryMs);
  time('StartLoggingTime', status.startLoggingMs);
  time('StopLoggingTime', status.stopLoggingMs);
  time('LatestCloudWatchLogsDeliveryTime', status.latestCloudWatchLogsDeliveryMs);
  time('LatestDigestDeliveryTime', status.latestDigestDeliveryMs);
  return out;
}
