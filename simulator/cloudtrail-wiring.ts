// THE one place the account meets simulator/cloudtrail (built in parallel by another engineer).
import { CloudTrailService } from './cloudtrail';
import type { CloudTrailFactory } from './core/cloudtrail-port';

export const createCloudTrail: CloudTrailFactory = (deps) => new CloudTrailService(deps);
