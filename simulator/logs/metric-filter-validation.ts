// PutMetricFilter's checks, in the order and wording the service uses where it is known.
import { AwsError } from '../core/contract';
import type { FilterPattern } from './filter-pattern-types';
import type { MetricTransformation } from './metric-filter';

const MAX_PATTERN_LENGTH = 1024;
const MAX_METRIC_VALUE_LENGTH = 100;
export const MAX_DIMENSIONS = 3;

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

/** The request-validation wording AWS returns (recorded against AWS in localstack's snapshots). */
export function lengthError(value: string, member: string, comparison: 'less' | 'greater', limit: number): AwsError {
  return invalid(
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ` +
      `Member must have length ${comparison} than or equal to ${limit}`,
  );
}

/** Java's toString of a MetricTransformation, as it appears inside AWS's validation message. */
function javaString(t: MetricTransformation): string {
  const dims = t.dimensions
    ? `{${Object.entries(t.dimensions)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}}`
    : 'null';
  return (
    `MetricTransformation(metricName=${t.metricName}, metricNamespace=${t.metricNamespace}, ` +
    `metricValue=${t.metricValue}, defaultValue=${t.defaultValue ?? 'null'}, unit=${t.unit ?? 'null'}, dimensions=${dims})`
  );
}

export function checkPatternLength(filterPattern: string): void {
  if (filterPattern.length > MAX_PATTERN_LENGTH) {
    throw lengthError(filterPattern, 'filterPattern', 'less', MAX_PATTERN_LENGTH);
  }
}

/** MetricTransformations holds exactly one item. */
export function checkTransformationCount(transformations: MetricTransformation[]): void {
  if (transformations.length === 1) return;
  const rendered = `[${transformations.map(javaString).join(', ')}]`;
  throw lengthError(rendered, 'metricTransformations', transformations.length === 0 ? 'greater' : 'less', 1);
}

export function checkTransformation(pattern: FilterPattern, t: MetricTransformation): void {
  if (t.metricValue.length > MAX_METRIC_VALUE_LENGTH) {
    throw lengthError(t.metricValue, 'metricTransformations.1.member.metricValue', 'less', MAX_METRIC_VALUE_LENGTH);
  }
  const dimensions = Object.entries(t.dimensions ?? {});
  if (dimensions.length === 0) return;
  // Dimensions exist only for JSON and space-delimited patterns; the service's wording for other
  // patterns is seen in hashicorp/terraform-provider-aws#28881.
  if (pattern.kind !== 'json' && pattern.kind !== 'delimited') {
    throw invalid('The specified filter pattern does not support dimensions');
  }
  if (dimensions.length > MAX_DIMENSIONS) {
    throw invalid(
      `1 validation error detected: Value '{${dimensions.map(([k, v]) => `${k}=${v}`).join(', ')}}' at ` +
        `'metricTransformations.1.member.dimensions' failed to satisfy constraint: Member must have length less than or equal to ${MAX_DIMENSIONS}`,
    );
  }
  // The documentation states the rule ("you can't specify default values for those metrics");
  // the exact wording of the error was not found, so this sentence is ours.
  if (t.defaultValue !== undefined) {
    throw invalid('A metric filter with dimensions cannot have a default value.');
  }
}
