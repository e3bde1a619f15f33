// Extended statistics ("CloudWatch statistics definitions"): pNN, trimmed mean TM, interquartile mean IQM,
// winsorized mean WM, percentile rank PR, trimmed count TC and trimmed sum TS. They need raw values, so they
// are computed over a period's [value, weight] samples.

interface Bound {
  value: number;
  percent: boolean;
}

export type ExtendedStatistic =
  | { kind: 'p'; p: number }
  | { kind: 'tm' | 'wm' | 'tc' | 'ts' | 'pr'; low?: Bound; high?: Bound };

const NUMBER = String.raw`\d+(?:\.\d{1,10})?`;
const SHORT = new RegExp(String.raw`^(p|tm|wm|tc|ts)(${NUMBER})$`);
const RANGE = new RegExp(String.raw`^(TM|WM|TC|TS|PR)\((?:(${NUMBER})(%?))?:(?:(${NUMBER})(%?))?\)$`);

/** Parses an extended statistic name, or returns undefined when CloudWatch would not accept it. */
export function parseExtendedStatistic(stat: string): ExtendedStatistic | undefined {
  if (stat === 'IQM') return { kind: 'tm', low: { value: 25, percent: true }, high: { value: 75, percent: true } };
  const short = SHORT.exec(stat);
  if (short) {
    const n = Number(short[2]);
    if (n > 100) return undefined;
    // "Using one number without parentheses calculates using percentages": tm99 is TM(:99%).
    return short[1] === 'p' ? { kind: 'p', p: n } : { kind: short[1] as 'tm', high: { value: n, percent: true } };
  }
  const range = RANGE.exec(stat);
  if (!range || (range[2] === undefined && range[4] === undefined)) return undefined;
  const bound = (v: string | undefined, pct: string | undefined): Bound | undefined =>
    v === undefined ? undefined : { value: Number(v), percent: pct === '%' };
  const low = bound(range[2], range[3]);
  const high = bound(range[4], range[5]);
  const kind = range[1]!.toLowerCase() as 'tm' | 'wm' | 'tc' | 'ts' | 'pr';
  // Percentile rank takes values, not percentages.
  if (kind === 'pr' && (low?.percent || high?.percent)) return undefined;
  if ([low, high].some((b) => b?.percent && b.value > 100)) return undefined;
  if (low && high && low.percent === high.percent && low.value > high.value) return undefined;
  return { kind, low, high };
}

/** Value of an extended statistic over samples; undefined when nothing is left to average. */
export function extendedStatistic(samples: ReadonlyArray<readonly [number, number]>, stat: ExtendedStatistic): number | undefined {
  const sorted = [...samples].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((acc, [, w]) => acc + w, 0);
  if (total === 0) return undefined;
  if (stat.kind === 'p') return valueAtRank(sorted, Math.max(1, Math.ceil((stat.p / 100) * total - 1e-9)));
  if (stat.kind === 'pr') {
    const inRange = sorted.reduce((acc, [v, w]) => acc + (inAbsolute(v, stat.low, stat.high) ? w : 0), 0);
    return (100 * inRange) / total;
  }
  // Percent bounds keep ranks in (L, H]: tm99 keeps exactly the values up to p99's rank.
  const lowRank = stat.low?.percent ? Math.floor((stat.low.value / 100) * total + 1e-9) : 0;
  const highRank = stat.high?.percent ? Math.ceil((stat.high.value / 100) * total - 1e-9) : total;
  let count = 0;
  let sum = 0;
  let winsorized = 0;
  // Winsorizing clamps to the boundary percentiles themselves ("the value at the 98th percentile").
  const lowEdge = stat.low?.percent ? (lowRank >= 1 ? valueAtRank(sorted, lowRank) : undefined) : stat.low?.value;
  const highEdge = stat.high?.percent ? valueAtRank(sorted, Math.max(1, highRank)) : stat.high?.value;
  let before = 0;
  for (const [v, w] of sorted) {
    // Absolute bounds: "includes values equal to the higher boundary, but does not include values equal to the lower".
    const absoluteOk = inAbsolute(v, stat.low?.percent ? undefined : stat.low, stat.high?.percent ? undefined : stat.high);
    const kept = absoluteOk ? Math.max(0, Math.min(before + w, highRank) - Math.max(before, lowRank)) : 0;
    count += kept;
    sum += kept * v;
    const clamped = Math.min(Math.max(v, lowEdge ?? -Infinity), highEdge ?? Infinity);
    winsorized += w * clamped;
    before += w;
  }
  switch (stat.kind) {
    case 'tc': return count;
    case 'ts': return sum;
    case 'tm': return count > 0 ? sum / count : undefined;
    case 'wm': return winsorized / total;
  }
}

function inAbsolute(v: number, low: Bound | undefined, high: Bound | undefined): boolean {
  return (low === undefined || v > low.value) && (high === undefined || v <= high.value);
}

function valueAtRank(sorted: ReadonlyArray<readonly [number, number]>, rank: number): number {
  let seen = 0;
  for (const [value, weight] of sorted) {
    seen += weight;
    if (seen >= rank) return value;
  }
  return sorted[sorted.length - 1]![0];
}
