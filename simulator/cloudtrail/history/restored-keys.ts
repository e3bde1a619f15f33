// A restored event history rebuilds its index from its records' lookup keys. Reading them from each record (its
// text rebuilt from the template, then JSON.parse) was most of the time a saved sandbox took to load: 0.6 of
// 1.0 s at 100,000 records. Records of one template differ only in their holes' values (core/templated-texts.ts),
// so when no field a key is read from lies in a hole, every record of the template has the same keys but its
// event id: they are read once per template, and the event id from its hole.
//
// Why that is exact: a template is read once only when each of its holes is a whole JSON string value where the
// structure has one (isStringValue; a store may cut elsewhere, at a member's name or the tail of a string, and its
// records are then read one by one), and hole values hold no character JSON escapes (a restored store refuses
// any that do), so two texts of the template have the same JSON structure and differ only inside those strings.
// A field whose value holds no hole's value in the first record read lies in the template's fixed text, and is
// the same in every record of it. The fields checked are every one visitLookupPairs reads.
import type { CloudTrailRecord } from '../../core/contract';
import type { TemplatedTexts } from '../../core/templated-texts';
import { storeKeysOf } from './store-keys';

/** One record's keys as EventStore indexes them: `unique` (the event id) stands for the key uniquePrefix +
 *  unique, when given (it is then not among `keys`). */
export interface StoredKeys {
  keys: string[];
  unique?: string;
}

/** What was learnt of a template from its first record: its records' keys but the event id, and the hole that
 *  holds the event id; or that its records are read one by one. */
type TemplateKeys = { shared: string[]; eventIdHole: number } | { shared: undefined; eventIdHole: -1 };

const EVENT_ID_PREFIX = 'EventId\u0000';

/** The strings the lookup keys are read from (visitLookupPairs), other than the event id. */
function keyedStrings(r: CloudTrailRecord): unknown[] {
  const id = r.userIdentity as unknown as Record<string, unknown> | undefined;
  const insight = r.insightDetails as Record<string, unknown> | undefined;
  const out: unknown[] = [r.readOnly, r.eventName, r.eventSource, insight?.['eventName'], insight?.['eventSource']];
  if (id) out.push(id['type'], id['userName'], id['arn'], id['invokedBy'], id['accessKeyId']);
  for (const res of r.resources ?? []) out.push(res.type, res.ARN, (res as { ARNPrefix?: unknown }).ARNPrefix);
  return out;
}

/** Reads the keys of the records of `texts` by position, once per template where that is exact. */
export function restoredKeyReader(texts: TemplatedTexts): (position: number) => StoredKeys {
  const learnt = new Map<readonly string[], TemplateKeys>();
  const one: StoredKeys = { keys: [], unique: undefined };
  const parsed = (position: number): { record: CloudTrailRecord; keys: string[] } => {
    const record = JSON.parse(texts.get(position)) as CloudTrailRecord;
    return { record, keys: storeKeysOf(record) };
  };
  return (position) => {
    const parts = texts.templateParts(position);
    let t = learnt.get(parts);
    if (t === undefined) {
      const { record, keys } = parsed(position);
      learnt.set(parts, (t = learn(record, keys, parts, texts.values(position))));
      if (t.shared === undefined) return { keys };
    }
    if (t.shared === undefined) return { keys: parsed(position).keys };
    one.keys = t.shared;
    one.unique = texts.valueAt(position, t.eventIdHole);
    return one;
  };
}

/** Whether hole `i` of a template with these parts is a whole string value where the JSON's structure has one
 *  (after `:"`, `,"` or `["`, before `",`, `"}` or `"]`): not a member's name, nor a piece of the structure, nor
 *  the tail of a string. Inside a string a quote is always escaped, so these pairs only occur in the structure. */
function isStringValue(parts: readonly string[], i: number): boolean {
  const before = parts[i]!.slice(-2);
  const after = parts[i + 1]!.slice(0, 2);
  return (before === ':"' || before === ',"' || before === '["') && (after === '",' || after === '"}' || after === '"]');
}

/** Whether the keys of `record`'s template can be shared (see the top of this file), and how. */
function learn(record: CloudTrailRecord, keys: string[], parts: readonly string[], holes: readonly string[]): TemplateKeys {
  const alone: TemplateKeys = { shared: undefined, eventIdHole: -1 };
  for (let i = 0; i < holes.length; i++) if (!isStringValue(parts, i)) return alone;
  // The event id is the first key (visitLookupPairs), and the only one with its prefix; it must be a hole of its own.
  if (typeof record.eventID !== 'string' || keys[0] !== `${EVENT_ID_PREFIX}${record.eventID}`) return alone;
  if (keys.slice(1).some((k) => k.startsWith(EVENT_ID_PREFIX))) return alone;
  const eventIdHoles = holes.flatMap((h, i) => (h === record.eventID ? [i] : []));
  if (eventIdHoles.length !== 1) return alone;
  const hole = eventIdHoles[0]!;
  // The hole may hold the same value somewhere else than the eventID member: another value put in it must come
  // back as the record's eventID.
  const probe = `${record.eventID}0`;
  let text = parts[0]!;
  for (let i = 0; i < holes.length; i++) text += (i === hole ? probe : holes[i]!) + parts[i + 1]!;
  if ((JSON.parse(text) as CloudTrailRecord).eventID !== probe) return alone;
  for (const v of keyedStrings(record)) {
    if (v === undefined || v === null || typeof v === 'boolean') continue;
    if (typeof v !== 'string' || holes.some((h) => h.length > 0 && v.includes(h))) return alone;
  }
  return { shared: keys.slice(1), eventIdHole: hole };
}
