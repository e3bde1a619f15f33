import type { Clock } from './contract';

/** The simulated clock: it moves only when the simulation moves it, never by itself. */
export class SimClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error('clock: time must be a finite number of milliseconds');
    if (ms < this.ms) throw new Error('clock: the simulated clock never moves backwards');
    this.ms = ms;
  }
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * ISO 8601 duration to milliseconds. Years and months are refused: their length depends on the date,
 * and a script's meaning must not.
 */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    throw new Error(`not an ISO 8601 duration in weeks/days/hours/minutes/seconds: ${JSON.stringify(text)}`);
  }
  const [, w, d, h, min, s] = m;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v));
  return Math.round(((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60 + n(s)) * 1000);
}

/** Parses an ISO 8601 timestamp with an explicit zone, e.g. 2026-11-01T00:00:00Z. */
export function parseInstant(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new Error(`not an ISO 8601 timestamp with a zone: ${JSON.stringify(text)}`);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not a valid date: ${JSON.stringify(text)}`);
  return ms;
}

// Calls come in bursts within one simulated second, and each record also names older seconds (a console
// session's creationDate): the texts of the last few seconds are kept, oldest replaced first.
const RECENT = 4;
const recentSeconds: number[] = new Array<number>(RECENT).fill(NaN);
const recentTexts: string[] = new Array<string>(RECENT).fill('');
let nextSlot = 0;

/** CloudTrail's eventTime form: whole seconds, UTC, `Z`. */
export function eventTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  for (let i = 0; i < RECENT; i++) if (recentSeconds[i] === second) return recentTexts[i]!;
  // toISOString always ends ".sssZ": dropping the milliseconds keeps the rest as it is.
  const text = new Date(second * 1000).toISOString().slice(0, -5) + 'Z';
  recentSeconds[nextSlot] = second;
  recentTexts[nextSlot] = text;
  nextSlot = (nextSlot + 1) % RECENT;
  return text;
}

// Answers name the same instants call after call (a bucket's CreationDate in every ListBuckets): texts are
// kept per instant, the whole set dropped when it grows large (any text can be made again).
const isoTexts = new Map<number, string>();
const MAX_ISO_TEXTS = 4096;

/** The AWS JSON SDK timestamp form used in API answers (ISO 8601 with milliseconds). */
export function isoMillis(ms: number): string {
  let text = isoTexts.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoTexts.size >= MAX_ISO_TEXTS) isoTexts.clear();
    isoTexts.set(ms, text);
  }
  return text;
}
