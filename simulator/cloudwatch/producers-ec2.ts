// AWS/EC2 metrics of running instances. "Basic monitoring: data is available automatically in 5-minute
// periods. Detailed monitoring: data is available in 1-minute periods" (EC2 user guide, "Manage detailed
// monitoring for your EC2 instances"); MonitorInstances / UnmonitorInstances switch between the two.
// A datapoint is stamped with the start of the period it covers and published when the period ends.
//
// Load model (the simulation's own, deterministic): an instance runs at the CPU percentage the learner sets
// with sim:SetInstanceLoad (IDLE_CPU_PERCENT until then); network traffic follows the load, so raising the load
// moves every metric the way a busier server would. Status checks pass.
import type { Instance } from '../ec2/model';
import { MINUTE } from './metric-types';
import type { MetricStore } from './metric-store';

export const BASIC_PERIOD = 5 * MINUTE;
export const DETAILED_PERIOD = MINUTE;
/** An idle Linux instance's CPU. */
export const IDLE_CPU_PERCENT = 0.5;
/** Bytes in and out per minute per CPU percent (the load model's traffic scale). */
const BYTES_PER_CPU_MINUTE = { in: 12_000, out: 8_000 };
const BYTES_PER_PACKET = 1_000;

/** Publishes one period of metrics for `instance`, ending at `periodEnd`. */
export function publishInstancePeriod(store: MetricStore, instance: Instance, cpuPercent: number, periodMs: number, periodEnd: number): void {
  const dims = [{ Name: 'InstanceId', Value: instance.instanceId }];
  const ts = periodEnd - periodMs;
  const minutes = periodMs / MINUTE;
  const bytesIn = Math.round(cpuPercent * BYTES_PER_CPU_MINUTE.in * minutes);
  const bytesOut = Math.round(cpuPercent * BYTES_PER_CPU_MINUTE.out * minutes);
  const put = (MetricName: string, Value: number, Unit: 'Percent' | 'Bytes' | 'Count') =>
    store.put('AWS/EC2', { MetricName, Dimensions: dims, Timestamp: ts, Value, Unit }, periodEnd);
  put('CPUUtilization', cpuPercent, 'Percent');
  put('NetworkIn', bytesIn, 'Bytes');
  put('NetworkOut', bytesOut, 'Bytes');
  put('NetworkPacketsIn', Math.round(bytesIn / BYTES_PER_PACKET), 'Count');
  put('NetworkPacketsOut', Math.round(bytesOut / BYTES_PER_PACKET), 'Count');
  put('StatusCheckFailed', 0, 'Count');
  put('StatusCheckFailed_Instance', 0, 'Count');
  put('StatusCheckFailed_System', 0, 'Count');
}

/** Whether `t` ends a monitoring period of an instance with (or without) detailed monitoring. */
export function endsPeriod(t: number, detailed: boolean): boolean {
  return t % (detailed ? DETAILED_PERIOD : BASIC_PERIOD) === 0;
}

/** States in which an instance can be running at the next minute. */
export function mayRun(i: Instance): boolean {
  return i.state === 'running' || i.state === 'pending';
}
