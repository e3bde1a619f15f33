// Text formats CloudWatch alarms write: Java-style doubles ("50.0", "1.0E-4"), "dd/MM/yy HH:mm:ss" in state
// reasons and "yyyy-MM-dd'T'HH:mm:ss.SSS+0000" in reason data and history.
import { isoWithZone } from './iso-time';

/** A number as Java's Double.toString writes it, which is how CloudWatch prints thresholds and values. */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "26/11/26 10:00:00": the datapoint time inside a StateReason. */
export function reasonDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "2026-11-26T10:00:00.000+0000": timestamps inside StateReasonData and HistoryData. */
export function cloudWatchIso(ms: number): string {
  return isoWithZone(ms, '+0000');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Friday 22 July, 2022 15:57:45 UTC": the time in a composite alarm's StateReason. */
export function compositeReasonDate(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** Text written into JSON as-is: a Java-formatted number or an already-serialized JSON value. */
export class JsonLiteral {
  constructor(readonly text: string) {}
}

/** A JSON value whose doubles must print the Java way. */
export type JavaJson = null | boolean | string | JsonLiteral | JavaJson[] | { [key: string]: JavaJson };

/** Serializes compactly, in insertion order, without spaces, as CloudWatch writes its JSON strings. */
export function writeJavaJson(v: JavaJson): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonLiteral) return v.text;
  // Every state change writes its reason data and history item through here: plain loops, no entry arrays.
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + writeJavaJson(v[i]!);
    return `${out}]`;
  }
  out = '{';
  let first = true;
  for (const k of Object.keys(v)) {
    out += `${first ? '' : ','}${JSON.stringify(k)}:${writeJavaJson(v[k]!)}`;
    first = false;
  }
  return `${out}}`;
}

export const dbl = (n: number): JavaJson => new JsonLiteral(javaDouble(n));
export const int = (n: number): JavaJson => new JsonLiteral(String(Math.trunc(n)));
export const raw = (serialized: string): JavaJson => new JsonLiteral(serialized);
