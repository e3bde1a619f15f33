// The compiled form of an EventBridge event pattern. A pattern is a set of alternative branches (one per
// combination of `$or` choices, as event-ruler expands them); a branch holds, for each dotted field path,
// the matchers that are OR-ed together. Branches match when every field of one branch matches.

export type Leaf = string | number | boolean | null;

export interface IpRange {
  version: 4 | 6;
  low: bigint;
  high: bigint;
}

export type ValueMatcher =
  | { kind: 'exact'; value: Leaf }
  | { kind: 'prefix'; value: string; ignoreCase: boolean }
  | { kind: 'suffix'; value: string; ignoreCase: boolean }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'wildcard'; value: string; regex: RegExp }
  | { kind: 'numeric'; lower?: Bound; upper?: Bound }
  | { kind: 'cidr'; value: string; range: IpRange };

export interface Bound {
  value: number;
  inclusive: boolean;
}

export type Matcher =
  | ValueMatcher
  | { kind: 'exists'; value: boolean }
  /** Matches a present value that none of `exclude` matches. */
  | { kind: 'anything-but'; exclude: ValueMatcher[] };

export type Branch = Map<string, Matcher[]>;

export interface EventPattern {
  /** The pattern text as given, kept for DescribeRule/ListRules. */
  readonly source: string;
  readonly branches: readonly Branch[];
}
