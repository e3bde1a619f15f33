import { AwsError } from '../core/contract';

/**
 * PutMetricFilter and TestMetricFilter answer a pattern that does not parse with
 * InvalidParameterException "Invalid metric filter pattern". FilterLogEvents and subscription
 * filters have been seen to answer with the finer reason instead (e.g. "Invalid character(s) in
 * term '('"), so the reason travels along in `detail` for those callers.
 */
export class FilterPatternError extends AwsError {
  constructor(readonly detail: string) {
    super('InvalidParameterException', 'Invalid metric filter pattern');
    this.name = 'FilterPatternError';
  }
}

export function invalidCharacter(term: string): FilterPatternError {
  return new FilterPatternError(`Invalid character(s) in term '${term}'`);
}

export function invalidPattern(detail: string): FilterPatternError {
  return new FilterPatternError(detail);
}
