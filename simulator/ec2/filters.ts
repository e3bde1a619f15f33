import { AwsError, type Json, type JsonObject } from '../core/contract';

/** Describe* Filters: each filter must match (AND); within a filter any value may match (OR); `*` and `?` wildcards. */
export function applyFilters<T>(items: T[], filters: Json | undefined, fields: Record<string, (t: T) => string[]> | (() => Record<string, (t: T) => string[]>)): T[] {
  if (!Array.isArray(filters)) return items;
  const table = typeof fields === 'function' ? fields() : fields;
  const parsed = filters.map((f) => {
    const o = f as JsonObject;
    const name = typeof o['Name'] === 'string' ? o['Name'] : '';
    const get = table[name];
    if (!get) throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
    const values = Array.isArray(o['Values']) ? o['Values'].filter((v): v is string => typeof v === 'string') : [];
    const res = values.map((v) => new RegExp(`^${v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
    return (t: T) => get(t).some((x) => res.some((re) => re.test(x)));
  });
  return items.filter((t) => parsed.every((p) => p(t)));
}

/** IDs requested by a Describe call (e.g. VpcIds). */
export function idList(params: JsonObject, name: string): string[] {
  const v = params[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** How CloudTrail writes a Describe call's ids and filters: {"vpcSet": {"items": [{"vpcId": …}]}, "filterSet": {}}. */
export function describeParams(params: JsonObject, idsParam: string, setName: string, itemKey: string): JsonObject {
  const idsGiven = params[idsParam];
  const ids = Array.isArray(idsGiven) && idsGiven.length ? idList(params, idsParam) : EMPTY;
  const given = params['Filters'];
  const filters = Array.isArray(given) ? (given as JsonObject[]) : EMPTY_FILTERS;
  // Members added in order rather than with a computed key in a literal, which V8 builds on a slow path
  // (every Describe call makes one of these for its record).
  const out: JsonObject = {};
  out[setName] = ids.length ? { items: ids.map((id) => ({ [itemKey]: id })) } : {};
  out['filterSet'] = filters.length
    ? { items: filters.map((f) => ({ name: f['Name'] ?? '', valueSet: { items: (Array.isArray(f['Values']) ? f['Values'] : []).map((v) => ({ value: v })) } })) }
    : {};
  return out;
}
const EMPTY: readonly string[] = [];
const EMPTY_FILTERS: readonly JsonObject[] = [];
