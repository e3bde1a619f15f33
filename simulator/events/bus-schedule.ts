// When scheduled rules (ScheduleExpression) fire. rate(): every period from the moment the schedule was
// set; cron(): the six UTC fields of the EventBridge user guide ("Using cron and rate expressions to
// schedule rules"), day-of-week 1-7 = SUN-SAT. The L, W and # wildcards are not run by the simulation:
// PutRule refuses them with a Sim.* error instead of silently never firing.

const MINUTE_MS = 60_000;
const UNIT_MS: Record<string, number> = { minute: MINUTE_MS, hour: 60 * MINUTE_MS, day: 24 * 60 * MINUTE_MS };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export type Schedule =
  | { kind: 'rate'; periodMs: number }
  | { kind: 'cron'; minutes: Set<number>; hours: Set<number>; dom: Set<number> | null; months: Set<number>; dow: Set<number> | null; years: Set<number> };

export class UnsupportedSchedule extends Error {}

/** rate(1 minute), rate(5 minutes)…: the unit is singular exactly when the value is 1; cron() takes six
 *  fields with "?" in day-of-month or day-of-week (EventBridge user guide, "Schedule expressions for rules"). */
export function validSchedule(expr: string): boolean {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expr);
  if (rate) {
    const n = Number(rate[1]);
    return n >= 1 && (n === 1) === !(rate[2] ?? '').endsWith('s');
  }
  const cron = /^cron\((.+)\)$/.exec(expr);
  if (!cron) return false;
  const fields = (cron[1] ?? '').trim().split(/\s+/);
  if (fields.length !== 6) return false;
  const [, , dom, , dow] = fields;
  return (dom === '?') !== (dow === '?');
}

/** Values of one cron field: lists of `*`, `n`, `a-b`, each with an optional `/step`; names allowed. */
function field(text: string, lo: number, hi: number, names: string[] = [], nameBase = 0): Set<number> {
  if (/[LW#]/.test(text.replace(/[A-Z]{3}/g, (m) => (names.includes(m) ? '' : m)))) throw new UnsupportedSchedule(`L, W and # are not simulated (${text})`);
  const num = (s: string): number => {
    const i = names.indexOf(s.toUpperCase());
    const n = i >= 0 ? i + nameBase : Number(s);
    if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`bad cron value ${s}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step ${part}`);
    let a: number;
    let b: number;
    if (range === '*') [a, b] = [lo, hi];
    else if (range.includes('-')) {
      const [x = '', y = ''] = range.split('-');
      [a, b] = [num(x), num(y)];
    } else [a, b] = [num(range), stepText === undefined ? num(range) : hi];
    for (let v = a; v <= b; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule PutRule accepted; throws UnsupportedSchedule for cron wildcards the simulation does not run. */
export function parseSchedule(expr: string): Schedule {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expr);
  if (rate) return { kind: 'rate', periodMs: Number(rate[1]) * (UNIT_MS[rate[2] ?? 'minute'] ?? MINUTE_MS) };
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = (/^cron\((.+)\)$/.exec(expr)?.[1] ?? '').trim().split(/\s+/);
  return {
    kind: 'cron',
    minutes: field(min, 0, 59),
    hours: field(hour, 0, 23),
    dom: dom === '?' ? null : field(dom, 1, 31),
    months: field(month, 1, 12, MONTHS, 1),
    dow: dow === '?' ? null : field(dow, 1, 7, DAYS, 1),
    years: field(year, 1970, 2199),
  };
}

/** The first firing strictly after `afterMs` (and not before the schedule was set at `startMs`); Infinity if none. */
export function nextFiring(s: Schedule, startMs: number, afterMs: number): number {
  if (s.kind === 'rate') {
    const k = Math.max(1, Math.floor((afterMs - startMs) / s.periodMs) + 1);
    return startMs + k * s.periodMs;
  }
  // Whole minutes only: a cron schedule fires at second 0 of a matching minute.
  let t = Math.floor(Math.max(afterMs, startMs - 1) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const day = 24 * 60 * MINUTE_MS;
  // Day by day (at most ~230 years of days), then the first matching minute of a matching day.
  for (let guard = 0; guard < 366 * 230; guard++) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    if (y > 2199) return Infinity;
    const dayOk = s.years.has(y) && s.months.has(d.getUTCMonth() + 1) && (s.dom === null || s.dom.has(d.getUTCDate())) && (s.dow === null || s.dow.has(d.getUTCDay() + 1));
    if (dayOk) {
      for (let m = d.getUTCHours() * 60 + d.getUTCMinutes(); m < 24 * 60; m++) {
        if (s.hours.has(Math.floor(m / 60)) && s.minutes.has(m % 60)) return Math.floor(t / day) * day + m * MINUTE_MS;
      }
    }
    t = Math.floor(t / day) * day + day;
  }
  return Infinity;
}
