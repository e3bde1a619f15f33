/** Saved review data (a card, a session) that cannot be trusted; the message is shown to the learner. */
export class ReviewDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewDataError';
  }
}

/** First zod issue as "path" for the Korean message ("(최상위)" when the value itself is wrong). */
export function issuePath(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string {
  return issues[0]?.path.map(String).join('.') || '(최상위)';
}
