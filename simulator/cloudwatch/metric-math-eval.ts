// Evaluation of the metric math subset. Semantics from "Using metric math": arithmetic treats missing values in
// a time series as 0 and drops points that divide by zero; AVG/SUM/MIN/MAX of one series give a scalar and of
// an array give a series; comparisons give 0/1; METRICS("x") selects metric queries whose Id contains "x".
import type { MathNode } from './metric-math-parse';

export interface MathSeries {
  label: string;
  /** Period start (epoch ms) -> value. */
  points: Map<number, number>;
  /** Seconds. */
  period: number;
}

export type MathValue =
  | { kind: 'scalar'; value: number }
  | { kind: 'ts'; series: MathSeries }
  | { kind: 'array'; series: MathSeries[] }
  | { kind: 'str'; value: string };

export interface MathContext {
  /** The value of another query by Id. */
  resolve(id: string): MathValue;
  /** MetricStat queries of the request, optionally those whose Id contains `filter`. */
  metrics(filter?: string): MathSeries[];
  /** Every period start of the request for a period, to fill gaps. */
  grid(periodSeconds: number): number[];
}

export class MathEvalError extends Error {}

const scalar = (value: number): MathValue => ({ kind: 'scalar', value });
const ts = (series: MathSeries): MathValue => ({ kind: 'ts', series });
const sorted = (s: MathSeries) => [...s.points.entries()].sort((a, b) => a[0] - b[0]);
const mapPoints = (s: MathSeries, f: (v: number, t: number) => number): MathSeries => {
  const points = new Map<number, number>();
  for (const [t, v] of s.points) {
    const r = f(v, t);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return { label: s.label, points, period: s.period };
};

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': (a, b) => a ** b,
  '==': (a, b) => Number(a === b), '!=': (a, b) => Number(a !== b), '<=': (a, b) => Number(a <= b),
  '>=': (a, b) => Number(a >= b), '<': (a, b) => Number(a < b), '>': (a, b) => Number(a > b),
  AND: (a, b) => Number(a !== 0 && b !== 0), OR: (a, b) => Number(a !== 0 || b !== 0),
};

function binary(op: string, a: MathValue, b: MathValue): MathValue {
  const f = BINARY[op]!;
  if (a.kind === 'array') return { kind: 'array', series: a.series.map((s) => seriesOf(binary(op, ts(s), b))) };
  if (b.kind === 'array') return { kind: 'array', series: b.series.map((s) => seriesOf(binary(op, a, ts(s)))) };
  if (a.kind === 'str' || b.kind === 'str') throw new MathEvalError('A string is valid only as a function argument.');
  if (a.kind === 'scalar' && b.kind === 'scalar') return scalar(f(a.value, b.value));
  if (a.kind === 'ts' && b.kind === 'scalar') return ts(mapPoints(a.series, (v) => f(v, b.value)));
  if (a.kind === 'scalar' && b.kind === 'ts') return ts(mapPoints(b.series, (v) => f(a.value, v)));
  const x = (a as { series: MathSeries }).series;
  const y = (b as { series: MathSeries }).series;
  const points = new Map<number, number>();
  for (const t of new Set([...x.points.keys(), ...y.points.keys()])) {
    const r = f(x.points.get(t) ?? 0, y.points.get(t) ?? 0);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return ts({ label: x.label, points, period: x.period });
}

function seriesOf(v: MathValue): MathSeries {
  if (v.kind !== 'ts') throw new MathEvalError('Expected a time series.');
  return v.series;
}

function seriesList(v: MathValue): MathSeries[] {
  if (v.kind === 'ts') return [v.series];
  if (v.kind === 'array') return v.series;
  throw new MathEvalError('Expected a time series or an array of time series.');
}

/** Reduces an array point-wise; AVG and SUM count missing values as 0, MIN and MAX skip them. */
function acrossArray(fn: string, list: MathSeries[]): MathSeries {
  const stamps = new Set(list.flatMap((s) => [...s.points.keys()]));
  const points = new Map<number, number>();
  for (const t of stamps) {
    const present = list.map((s) => s.points.get(t)).filter((v): v is number => v !== undefined);
    const all = list.map((s) => s.points.get(t) ?? 0);
    const r = fn === 'SUM' ? all.reduce((a, b) => a + b, 0) : fn === 'AVG' ? all.reduce((a, b) => a + b, 0) / all.length
      : fn === 'MIN' ? Math.min(...present) : Math.max(...present);
    points.set(t, r);
  }
  return { label: '', points, period: list[0]?.period ?? 60 };
}

function reduceSeries(fn: string, s: MathSeries): number {
  const values = [...s.points.values()];
  if (values.length === 0) return NaN;
  if (fn === 'SUM') return values.reduce((a, b) => a + b, 0);
  if (fn === 'AVG') return values.reduce((a, b) => a + b, 0) / values.length;
  return fn === 'MIN' ? Math.min(...values) : Math.max(...values);
}

const ELEMENTWISE: Record<string, (v: number) => number> = { ABS: Math.abs, CEIL: Math.ceil, FLOOR: Math.floor, LOG: Math.log, LOG10: Math.log10 };

export function evaluateMath(node: MathNode, ctx: MathContext): MathValue {
  const ev = (n: MathNode) => evaluateMath(n, ctx);
  switch (node.kind) {
    case 'num': return scalar(node.value);
    case 'str': return { kind: 'str', value: node.value };
    case 'id': return ctx.resolve(node.name);
    case 'neg': return binary('*', scalar(-1), ev(node.operand));
    case 'bin': return binary(node.op, ev(node.left), ev(node.right));
    case 'array': return { kind: 'array', series: node.items.flatMap((n) => seriesList(ev(n))) };
    case 'call': return call(node.fn, node.args, ctx);
  }
}

function call(fn: string, args: MathNode[], ctx: MathContext): MathValue {
  const ev = (n: MathNode) => evaluateMath(n, ctx);
  const arg = (i: number) => {
    const a = args[i];
    if (!a) throw new MathEvalError(`${fn} needs more arguments.`);
    return ev(a);
  };
  const f = ELEMENTWISE[fn];
  if (f) {
    const v = arg(0);
    if (v.kind === 'scalar') return scalar(f(v.value));
    const out = seriesList(v).map((s) => mapPoints(s, f));
    return v.kind === 'ts' ? ts(out[0]!) : { kind: 'array', series: out };
  }
  switch (fn) {
    case 'SUM': case 'AVG': case 'MIN': case 'MAX': {
      const v = arg(0);
      return v.kind === 'ts' ? scalar(reduceSeries(fn, v.series)) : ts(acrossArray(fn, seriesList(v)));
    }
    case 'METRICS': {
      const filter = args[0] ? arg(0) : undefined;
      if (filter && filter.kind !== 'str') throw new MathEvalError('METRICS takes a string.');
      return { kind: 'array', series: ctx.metrics(filter?.value) };
    }
    case 'PERIOD': return scalar(seriesList(arg(0))[0]?.period ?? NaN);
    case 'DATAPOINT_COUNT': return scalar(seriesOf(arg(0)).points.size);
    case 'METRIC_COUNT': return scalar(seriesList(arg(0)).length);
    case 'FIRST': case 'LAST': {
      const list = seriesList(arg(0));
      const pick = fn === 'FIRST' ? list[0] : list[list.length - 1];
      if (!pick) throw new MathEvalError(`${fn} of an empty array.`);
      return ts(pick);
    }
    case 'DIFF': case 'RATE': {
      const s = seriesOf(arg(0));
      const points = new Map<number, number>();
      const pts = sorted(s);
      for (let i = 1; i < pts.length; i++) {
        const [t, v] = pts[i]!;
        const [t0, v0] = pts[i - 1]!;
        points.set(t, fn === 'DIFF' ? v - v0 : (v - v0) / ((t - t0) / 1000));
      }
      return ts({ label: s.label, points, period: s.period });
    }
    case 'FILL': return fill(arg(0), args[1], ctx);
    case 'IF': {
      const cond = seriesOf(arg(0));
      const yes = arg(1);
      const no = args[2] ? arg(2) : undefined;
      const at = (v: MathValue | undefined, t: number) => (v === undefined ? undefined : v.kind === 'scalar' ? v.value : v.kind === 'ts' ? v.series.points.get(t) : undefined);
      const points = new Map<number, number>();
      for (const [t, c] of cond.points) {
        const r = at(c !== 0 ? yes : no, t);
        if (r !== undefined) points.set(t, r);
      }
      return ts({ label: cond.label, points, period: cond.period });
    }
    default: throw new MathEvalError(`Unsupported function ${fn}.`);
  }
}

/** FILL(series, value | REPEAT): fills every missing period of the request. */
function fill(target: MathValue, how: MathNode | undefined, ctx: MathContext): MathValue {
  if (!how) throw new MathEvalError('FILL needs a fill value.');
  const repeat = how.kind === 'id' && how.name === 'REPEAT';
  const value = repeat ? undefined : evaluateMath(how, ctx);
  const filled = seriesList(target).map((s) => {
    const points = new Map<number, number>();
    let last: number | undefined;
    for (const t of ctx.grid(s.period)) {
      const v = s.points.get(t);
      if (v !== undefined) last = v;
      const r = v ?? (repeat ? last : value?.kind === 'scalar' ? value.value : value?.kind === 'ts' ? value.series.points.get(t) : undefined);
      if (r !== undefined) points.set(t, r);
    }
    return { label: s.label, points, period: s.period };
  });
  return target.kind === 'ts' ? ts(filled[0]!) : { kind: 'array', series: filled };
}
