// Time formats CloudTrail uses in records, object keys and API answers.
import { AwsError, type Json } from '../core/contract';
import { dateParseMs } from '../core/iso-seconds';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Record and digest time format: 2026-11-01T00:00:00Z (no fractional seconds). */
export function isoSeconds(ms: number): string {
  const iso = new Date(ms).toISOString();
  // Years 0000-9999 print as 24 characters; slicing off ".sssZ" is cheaper than the regular expression.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}

/** The last eventTime parsed: records made within the same second share it. Two variables, not an object made
 *  for each new second (every record of a quiet account). */
let lastEventText = '';
let lastEventMs = 0;

/** Parses a record's eventTime; records always carry one. Read digit by digit in the form records carry (in a
 *  busy 90-day run every record brings a new second); Date.parse reads any other. */
export function eventTimeMs(eventTime: string): number {
  if (eventTime === lastEventText) return lastEventMs;
  const ms = dateParseMs(eventTime);
  if (Number.isNaN(ms)) throw new Error(`record has an unreadable eventTime: ${eventTime}`);
  lastEventText = eventTime;
  lastEventMs = ms;
  return ms;
}

/** Request timestamps: epoch seconds (the JSON wire form) or ISO 8601 strings, as SDKs and the CLI send them. */
export function parseApiTimestamp(value: Json | undefined, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new AwsError('ValidationException', `Value '${JSON.stringify(value)}' at '${field}' failed to satisfy constraint: Member must be a timestamp`);
}

/** Timestamps in API answers: ISO 8601 with milliseconds, the form the rest of the simulator answers with. */
export function apiTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

interface Parts {
  ms: number;
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

/** The last delivery time taken apart: a log file's key names it twice (folder and stamp), and every lane due
 *  at the same instant (each trail's Regions, trails that got the same calls) asks for the same one. */
let lastParts: Parts | undefined;

function parts(ms: number): Parts {
  if (lastParts?.ms === ms) return lastParts;
  const iso = new Date(ms).toISOString();
  return (lastParts = { ms, y: iso.slice(0, 4), mo: iso.slice(5, 7), d: iso.slice(8, 10), h: iso.slice(11, 13), mi: iso.slice(14, 16), s: iso.slice(17, 19) });
}

/** YYYY/MM/DD folder of a delivery time. */
export function datePath(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${p.mo}/${p.d}`;
}

/** YYYYMMDDTHHmmZ, the log file name's delivery stamp. */
export function logFileStamp(ms: number): string {
  const p = parts(ms);
  return `${p.y}${p.mo}${p.d}T${p.h}${p.mi}Z`;
}

/** YYYYMMDDTHHmmssZ, the digest file name's stamp (digests carry seconds, log files do not). */
export function digestStamp(ms: number): string {
  const p = parts(ms);
  return `${p.y}${p.mo}${p.d}T${p.h}${p.mi}${p.s}Z`;
}
