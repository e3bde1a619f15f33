// TestMetricFilter: the pattern against up to 50 sample messages, answered in the API's shape.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TestMetricFilter.html
import { matchLogEvent, parseFilterPattern } from './filter-pattern';
import { checkPatternLength, lengthError } from './metric-filter-validation';

export interface TestMetricFilterRequest {
  filterPattern: string;
  logEventMessages: string[];
}

export interface MetricFilterMatchRecord {
  eventNumber: number;
  eventMessage: string;
  /** `$name` / `$<position>` for space-delimited patterns, `$.selector` for JSON, `{}` otherwise. */
  extractedValues: Record<string, string>;
}

export interface TestMetricFilterResponse {
  matches: MetricFilterMatchRecord[];
}

const MAX_MESSAGES = 50;

/**
 * Event numbers count from 1: the AWS CLI reference example answers messages 1 and 2 of
 * ["[ERROR] 400 BAD REQUEST", "[ERROR] 400 BAD REQUEST", "[INFO] 200 OK"] with eventNumber 1 and 2.
 * (The older API reference samples count from 0; the CLI sample is the later, captured output.)
 */
export function testMetricFilter(request: TestMetricFilterRequest): TestMetricFilterResponse {
  const { filterPattern, logEventMessages } = request;
  checkPatternLength(filterPattern);
  const rendered = `[${logEventMessages.join(', ')}]`;
  if (logEventMessages.length < 1) throw lengthError(rendered, 'logEventMessages', 'greater', 1);
  if (logEventMessages.length > MAX_MESSAGES) throw lengthError(rendered, 'logEventMessages', 'less', MAX_MESSAGES);
  const pattern = parseFilterPattern(filterPattern);
  const matches: MetricFilterMatchRecord[] = [];
  logEventMessages.forEach((eventMessage, i) => {
    const result = matchLogEvent(pattern, eventMessage);
    if (result.matched) matches.push({ eventNumber: i + 1, eventMessage, extractedValues: result.fields });
  });
  return { matches };
}
