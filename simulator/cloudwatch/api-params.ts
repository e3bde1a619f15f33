// Reading CloudWatch request members: timestamps, dimension lists and numbers, with AWS's Query-protocol errors.
import { AwsError, type Json, type JsonObject } from '../core/contract';
import { isObject } from '../core/service';
import type { Dimension } from './metric-types';

/** A timestamp member: ISO 8601 text, or epoch seconds as the CLI sends them. */
export function timestampParam(value: Json | undefined, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new AwsError('InvalidParameterValue', `The parameter ${name} must be a valid timestamp.`);
}

export function requiredTimestamp(p: JsonObject, name: string): number {
  const v = timestampParam(p[name], name);
  if (v === undefined) throw new AwsError('MissingParameter', `The parameter ${name} is required.`);
  return v;
}

export function requiredString(p: JsonObject, name: string): string {
  const v = p[name];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('MissingParameter', `The parameter ${name} is required.`);
}

export function optionalNumber(p: JsonObject, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new AwsError('InvalidParameterValue', `The parameter ${name} must be a number.`);
  return n;
}

export function requiredNumber(p: JsonObject, name: string): number {
  const v = optionalNumber(p, name);
  if (v === undefined) throw new AwsError('MissingParameter', `The parameter ${name} is required.`);
  return v;
}

export function stringList(p: JsonObject, name: string): string[] | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new AwsError('InvalidParameterValue', `The parameter ${name} must be a list of strings.`);
  return v as string[];
}

/**
 * A Dimensions member: each Name and Value 1-255 characters, at most 30
 * (API reference, Dimension: "Name ... Length Constraints: Minimum length of 1. Maximum length of 255").
 */
export function dimensionsParam(v: Json | undefined, at: string, valueRequired = true): Dimension[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new AwsError('InvalidParameterValue', `The parameter ${at} must be a list.`);
  if (v.length > 30) throw new AwsError('InvalidParameterValue', `The collection ${at} must not have a size greater than 30.`);
  const seen = new Set<string>();
  return v.map((d, i) => {
    const where = `${at}.member.${i + 1}`;
    if (!isObject(d)) throw new AwsError('InvalidParameterValue', `The parameter ${where} must be a structure.`);
    const name = d['Name'];
    const value = d['Value'];
    if (typeof name !== 'string' || name.length === 0) throw new AwsError('MissingParameter', `The parameter ${where}.Name is required.`);
    if (name.length > 255) throw new AwsError('InvalidParameterValue', `The parameter ${where}.Name must not be longer than 255 characters.`);
    if (valueRequired && (typeof value !== 'string' || value.length === 0)) throw new AwsError('MissingParameter', `The parameter ${where}.Value is required.`);
    if (typeof value === 'string' && value.length > 255) throw new AwsError('InvalidParameterValue', `The parameter ${where}.Value must not be longer than 255 characters.`);
    if (seen.has(name)) throw new AwsError('InvalidParameterValue', `No Metric may specify the same dimension name twice: ${name}.`);
    seen.add(name);
    return { Name: name, Value: typeof value === 'string' ? value : '' };
  });
}
