import type { SeededRandom } from '../core/random';
import { SIMULATED_ERROR_MESSAGE, errorPayload, timeoutMessage, type InvokeOutcome } from './api';
import type { LambdaFunction } from './model';

export type AppendLogs = (region: string, group: string, stream: string, events: { timestamp: number; message: string }[]) => void;

/**
 * What Lambda's runtime writes to CloudWatch Logs for each invocation: START, END and REPORT lines in the
 * function's log group /aws/lambda/NAME, in a stream named for the date and the execution environment.
 * Written only when the execution role may write logs (AWSLambdaBasicExecutionRole grants it).
 */
export class ExecutionLogs {
  constructor(
    /** One warm execution environment (and so one log stream) per function; a cold start reports Init Duration. */
    private readonly warm: () => Record<string, string>,
    private readonly random: SeededRandom,
    private readonly mayWriteLogs: (roleArn: string, groupArn: string) => boolean,
    private readonly append: AppendLogs,
    private readonly accountId: string,
  ) {}

  /** `ran`: how the invocation ended (absent: success). A failing one logs its error; a timed-out one is cut
   *  off at the function's timeout and Lambda itself logs "Task timed out". */
  write(fn: LambdaFunction, region: string, requestId: string, now: number, ran?: InvokeOutcome): void {
    const group = `/aws/lambda/${fn.functionName}`;
    if (!this.mayWriteLogs(fn.role, `arn:aws:logs:${region}:${this.accountId}:log-group:${group}:*`)) return;
    const key = `${region}/${fn.functionArn}/${fn.revisionId}`;
    let stream = this.warm()[key];
    const cold = stream === undefined;
    if (!stream) {
      const d = new Date(now);
      const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
      stream = `${day}/[$LATEST]${this.random.hex(32)}`;
      this.warm()[key] = stream;
    }
    const drawn = Math.round((1 + this.random.next() * 20) * 100) / 100;
    const init = Math.round((100 + this.random.next() * 150) * 100) / 100;
    const used = Math.min(fn.memorySize, 30 + this.random.int(0, 40));
    const outcome = ran?.outcome ?? 'Success';
    const duration = outcome === 'Timeout' ? fn.timeout * 1000 : drawn;
    const end = now + (outcome === 'Timeout' ? Math.round(duration) : 0);
    const iso = (t: number) => new Date(t).toISOString();
    const report =
      `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
      `Memory Size: ${fn.memorySize} MB\tMax Memory Used: ${used} MB\t${cold ? `Init Duration: ${init.toFixed(2)} ms\t` : ''}` +
      (outcome === 'Timeout' ? 'Status: timeout' : '');
    const events = [{ timestamp: now, message: `START RequestId: ${requestId} Version: $LATEST\n` }];
    if (outcome === 'Error') {
      // What the runtime logs for an uncaught error before answering with it (Node.js: "Invoke Error").
      const doc = fn.runtime.startsWith('nodejs')
        ? { errorType: 'Error', errorMessage: SIMULATED_ERROR_MESSAGE, stack: [`Error: ${SIMULATED_ERROR_MESSAGE}`] }
        : errorPayload(fn, requestId, 'Error');
      const line = fn.runtime.startsWith('nodejs') ? `${iso(now)}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(doc)}\n` : `${JSON.stringify(doc)}\n`;
      events.push({ timestamp: now, message: line });
    }
    if (outcome === 'Timeout') events.push({ timestamp: end, message: `${iso(end)} ${requestId} ${timeoutMessage(fn)}\n` });
    events.push({ timestamp: end, message: `END RequestId: ${requestId}\n` }, { timestamp: end, message: `${report}\n` });
    this.append(region, group, stream, events);
  }
}
