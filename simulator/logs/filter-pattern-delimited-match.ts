import type { DelimitedSlot, FieldCondition } from './filter-pattern-types';
import { splitDelimitedMessage } from './filter-pattern-delimited';
import { compareFieldText } from './filter-pattern-values';

function holds(condition: FieldCondition, value: string): boolean {
  switch (condition.type) {
    case 'and':
      return holds(condition.left, value) && holds(condition.right, value);
    case 'or':
      return holds(condition.left, value) || holds(condition.right, value);
    case 'compare':
      return compareFieldText(value, condition.comparison);
  }
}

/**
 * Assigns message fields to slots. Without `...` the field count must equal the slot count
 * (research: the 2021 page shows `[w1=ERROR, w2]` matching `ERROR message` but not
 * `ERROR WARN message`); each `...` absorbs any number of fields. Returns, per field, the index of
 * the slot that took it (-1 for an ellipsis), or undefined when no assignment satisfies every slot.
 */
function align(slots: DelimitedSlot[], fields: string[]): number[] | undefined {
  const owner: number[] = [];
  const go = (si: number, fi: number): boolean => {
    if (si === slots.length) return fi === fields.length;
    const slot = slots[si];
    if (slot === undefined) return false;
    if (slot.type === 'ellipsis') {
      for (let take = 0; fi + take <= fields.length; take += 1) {
        for (let k = 0; k < take; k += 1) owner[fi + k] = -1;
        if (go(si + 1, fi + take)) return true;
      }
      return false;
    }
    const value = fields[fi];
    if (value === undefined) return false;
    if (slot.condition && !holds(slot.condition, value)) return false;
    owner[fi] = si;
    return go(si + 1, fi + 1);
  };
  return go(0, 0) ? owner.slice(0, fields.length) : undefined;
}

export function matchDelimited(
  slots: DelimitedSlot[],
  message: string,
): { matched: boolean; fields: Record<string, string> } {
  const fields = splitDelimitedMessage(message);
  // `[]` matches every event and reports every field by position (TestMetricFilter API example).
  const effective: DelimitedSlot[] = slots.length === 0 ? [{ type: 'ellipsis' }] : slots;
  const owner = align(effective, fields);
  if (owner === undefined) return { matched: false, fields: {} };
  const out: Record<string, string> = {};
  fields.forEach((value, i) => {
    const slot = effective[owner[i] ?? -1];
    const name = slot?.type === 'field' ? slot.name : undefined;
    out[name !== undefined ? `$${name}` : `$${i + 1}`] = value;
  });
  return { matched: true, fields: out };
}
