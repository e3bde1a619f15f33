import { after90Days } from './after-90-days';
import { cisRootUsage } from './cis-root-usage';
import { eventbridgeTransformer } from './eventbridge-transformer';
import { lambdaAlarm } from './lambda-alarm';
import { logIntegrity } from './log-integrity';
import { consoleLogin } from './console-login';
import { globalServiceEvents } from './global-service-events';
import { insightsBurst } from './insights-burst';
import { managementVsData } from './management-vs-data';
import { readWriteTrails } from './read-write-trails';
import { securityChange } from './security-change';
import { vpcSubnet } from './vpc-subnet';
import type { ScenarioDef } from './types';

/** Every scenario, in the suggested order. */
export const SCENARIOS: ScenarioDef[] = [consoleLogin, managementVsData, vpcSubnet, securityChange, after90Days, readWriteTrails, globalServiceEvents, logIntegrity, lambdaAlarm, eventbridgeTransformer, cisRootUsage, insightsBurst].sort(
  (a, b) => a.order - b.order,
);
