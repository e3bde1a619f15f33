import { Account, type AccountOptions } from '../account';
import type { Channel, Json, JsonObject } from '../core/contract';
import { parseDuration, parseInstant } from '../core/clock';

// The `sim` script runner: parses a script, checks every step before anything runs, then drives one
// account through its call surface. Pure (no I/O) so tests call it directly.

export class ScriptError extends Error {}

interface CallStep { kind: 'call'; index: number; api: string; params: JsonObject; as: string; region: string; via: Channel; repeat: number; everyMs: number }
interface AdvanceStep { kind: 'advance'; index: number; ms: number }
type Step = CallStep | AdvanceStep;
export type ScriptResult = { step: number; response: JsonObject } | { step: number; error: { code: string; message: string } };

const VIA: Channel[] = ['console', 'cli', 'sdk', 'service'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseStep(raw: unknown, index: number, known: Set<string>): Step {
  const bad = (why: string): never => {
    throw new ScriptError(`step ${index}: ${why}`);
  };
  if (!isObj(raw)) return bad('must be an object');
  if ('advance' in raw) {
    if (typeof raw['advance'] !== 'string') bad('"advance" must be an ISO 8601 duration string');
    try {
      return { kind: 'advance', index, ms: parseDuration(raw['advance'] as string) };
    } catch (e) {
      return bad((e as Error).message);
    }
  }
  const api = raw['call'];
  if (typeof api !== 'string') return bad('needs "call" (e.g. "s3:PutObject") or "advance"');
  if (!known.has(api)) bad(`unknown call ${JSON.stringify(api)}`);
  const params = raw['params'] ?? {};
  if (!isObj(params)) bad('"params" must be an object');
  const as = raw['as'] ?? 'root';
  if (typeof as !== 'string' || as === '') bad('"as" must be "root", an IAM user name, "role:NAME" or "service:NAME"');
  const region = raw['region'] ?? 'us-east-1';
  if (typeof region !== 'string') bad('"region" must be a string');
  const via = raw['via'] ?? 'console';
  if (!VIA.includes(via as Channel)) bad(`"via" must be one of ${VIA.join(', ')}`);
  const repeat = raw['repeat'] ?? 1;
  if (typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 1) bad('"repeat" must be a positive integer');
  let everyMs = 0;
  if (raw['every'] !== undefined) {
    if (typeof raw['every'] !== 'string') bad('"every" must be an ISO 8601 duration string');
    try {
      everyMs = parseDuration(raw['every'] as string);
    } catch (e) {
      bad((e as Error).message);
    }
  }
  return { kind: 'call', index, api, params: params as JsonObject, as: as as string, region: region as string, via: via as Channel, repeat: repeat as number, everyMs };
}

const REF = /\{\{\s*(i|steps\[(\d+)\]((?:\.[A-Za-z0-9_$-]+|\[\d+\])*))\s*\}\}/g;

function lookup(answers: Map<number, JsonObject>, step: number, path: string, at: number): Json {
  const answer = answers.get(step);
  if (!answer) throw new ScriptError(`step ${at}: {{steps[${step}]…}} refers to a step that has no successful answer before it`);
  let v: Json = answer;
  for (const part of path.match(/\.[^.[]+|\[\d+\]/g) ?? []) {
    const key = part.startsWith('.') ? part.slice(1) : Number(part.slice(1, -1));
    const next: Json | undefined = Array.isArray(v) && typeof key === 'number' ? v[key] : isObj(v) && typeof key === 'string' ? (v as JsonObject)[key] : undefined;
    if (next === undefined) throw new ScriptError(`step ${at}: steps[${step}]${path} does not exist in that step's answer`);
    v = next;
  }
  return v;
}

/** Replaces {{i}} and {{steps[N].path}} in every string of `v`. A string that is exactly one reference takes the value itself. */
function substitute(v: Json, i: number, answers: Map<number, JsonObject>, at: number): Json {
  if (typeof v === 'string') {
    const whole = new RegExp(`^${REF.source}$`).exec(v);
    if (whole && whole[2] !== undefined) return lookup(answers, Number(whole[2]), whole[3] ?? '', at);
    return v.replace(REF, (_m, _all, n: string | undefined, path: string | undefined) => {
      if (n === undefined) return String(i);
      const x = lookup(answers, Number(n), path ?? '', at);
      return typeof x === 'string' ? x : JSON.stringify(x);
    });
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, i, answers, at));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x as Json, i, answers, at)]));
  return v;
}

/** Parses and checks a whole script (every step) before anything runs. */
export function parseScript(text: string, known: Set<string>): { seed: number; startMs: number; steps: Step[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ScriptError(`script is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(doc)) throw new ScriptError('script must be a JSON object with seed, start and steps');
  const seed = doc['seed'];
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new ScriptError('"seed" must be an integer');
  if (typeof doc['start'] !== 'string') throw new ScriptError('"start" must be an ISO 8601 timestamp such as 2026-11-01T00:00:00Z');
  let startMs: number;
  try {
    startMs = parseInstant(doc['start']);
  } catch (e) {
    throw new ScriptError(`"start": ${(e as Error).message}`);
  }
  if (!Array.isArray(doc['steps'])) throw new ScriptError('"steps" must be an array');
  return { seed, startMs, steps: doc['steps'].map((s, i) => parseStep(s, i, known)) };
}

/** Runs a script and returns the output document. */
export function runScript(text: string, opts: Partial<AccountOptions> = {}): { results: ScriptResult[] } {
  const probe = new Account({ seed: 0, startMs: 0, ...opts });
  const known = new Set([...probe.catalog(), ...probe.controls()].map((d) => d.api));
  const script = parseScript(text, known);
  const acct = new Account({ ...opts, seed: script.seed, startMs: script.startMs });
  const answers = new Map<number, JsonObject>();
  const results: ScriptResult[] = [];
  for (const step of script.steps) {
    if (step.kind === 'advance') {
      acct.advance(step.ms);
      continue;
    }
    let last: ScriptResult | undefined;
    for (let i = 0; i < step.repeat; i++) {
      if (i > 0 && step.everyMs > 0) acct.advance(step.everyMs);
      const params = substitute(step.params, i, answers, step.index) as JsonObject;
      const r = acct.call(step.api, params, { as: step.as, region: step.region, via: step.via });
      last = r.ok ? { step: step.index, response: r.response } : { step: step.index, error: r.error };
      if (r.ok) answers.set(step.index, r.response);
      else answers.delete(step.index);
    }
    if (last) results.push(last);
  }
  return { results };
}
