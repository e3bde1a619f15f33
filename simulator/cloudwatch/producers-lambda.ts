// AWS/Lambda metrics from Invoke. The simulation cannot run a function's code, so how an invocation ends is a
// behaviour the learner sets per function (sim:SetFunctionBehavior); the metrics follow from it as Lambda's
// documentation defines them ("Types of metrics for Lambda functions"):
// - Invocations counts successful and failed invocations but not throttled ones; the timestamp is the
//   invocation time.
// - Errors counts invocations that end in a function error (exceptions, timeouts); it is 0 for the others, so
//   Average is the error rate.
// - Duration is in milliseconds; a timed-out invocation lasts the function's timeout.
// - Throttles counts invocations refused for lack of concurrency (they produce no Invocations datum).
// - ConcurrentExecutions is the number of instances processing events at the invocation time, "emitted as an
//   aggregate metric for all functions in the account, and for functions that have a custom concurrency limit".
// Metrics are published with the FunctionName dimension and with no dimension (all functions of the Region).
// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
import { AwsError } from '../core/contract';
import type { Dimension } from './metric-types';
import type { MetricStore } from './metric-store';

export type InvocationOutcome = 'Success' | 'Error' | 'Timeout';

export interface FunctionBehavior {
  outcome: InvocationOutcome;
  /** How long a successful or failing invocation runs, ms. */
  durationMs: number;
}

/** A function that runs no code of its own returns at once; a few milliseconds is Lambda's floor in practice. */
export const DEFAULT_BEHAVIOR: FunctionBehavior = { outcome: 'Success', durationMs: 2 };

/** Lambda's default account concurrency quota per Region ("Lambda quotas": 1,000 concurrent executions). */
export const ACCOUNT_CONCURRENCY = 1000;

export interface InvocationInput {
  functionName: string;
  /** Seconds, from the function's configuration. */
  timeoutSeconds: number;
  now: number;
}

export interface InvocationResult {
  throttled: boolean;
  outcome: InvocationOutcome;
  durationMs: number;
  concurrency: number;
}

export function parseBehavior(outcome: unknown, durationMs: unknown): FunctionBehavior {
  if (outcome !== 'Success' && outcome !== 'Error' && outcome !== 'Timeout') {
    throw new AwsError('Sim.InvalidParameter', 'Outcome must be one of Success, Error, Timeout');
  }
  if (durationMs !== undefined && (typeof durationMs !== 'number' || !(durationMs >= 0))) {
    throw new AwsError('Sim.InvalidParameter', 'DurationMs must be a non-negative number');
  }
  return { outcome, durationMs: typeof durationMs === 'number' ? durationMs : DEFAULT_BEHAVIOR.durationMs };
}

/** Publishes one invocation's metrics. `running` holds the end times of invocations still running (per Region). */
export function recordInvocation(store: MetricStore, behavior: FunctionBehavior, running: number[], input: InvocationInput): InvocationResult {
  const { now } = input;
  // Forget invocations that have ended; what is left runs concurrently with this one.
  for (let i = running.length - 1; i >= 0; i--) if (running[i]! <= now) running.splice(i, 1);
  const byFunction: Dimension[] = [{ Name: 'FunctionName', Value: input.functionName }];
  const put = (metricName: string, value: number, unit: 'Count' | 'Milliseconds', perFunction = true) => {
    for (const dims of perFunction ? [byFunction, []] : [[]]) store.put('AWS/Lambda', { MetricName: metricName, Dimensions: dims, Timestamp: now, Value: value, Unit: unit }, now);
  };
  if (running.length >= ACCOUNT_CONCURRENCY) {
    put('Throttles', 1, 'Count');
    return { throttled: true, outcome: behavior.outcome, durationMs: 0, concurrency: running.length };
  }
  const durationMs = behavior.outcome === 'Timeout' ? input.timeoutSeconds * 1000 : Math.min(behavior.durationMs, input.timeoutSeconds * 1000);
  running.push(now + durationMs);
  const concurrency = running.length;
  put('Invocations', 1, 'Count');
  put('Errors', behavior.outcome === 'Success' ? 0 : 1, 'Count');
  put('Duration', durationMs, 'Milliseconds');
  // Per function only for functions with reserved concurrency, which the simulation does not configure.
  put('ConcurrentExecutions', concurrency, 'Count', false);
  return { throttled: false, outcome: behavior.outcome, durationMs, concurrency };
}
