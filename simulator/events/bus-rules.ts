// A Region's rules as the default bus walks them for every event, kept until the rule set changes
// (EventsModel.generation): which rules an event can reach, the fields their patterns read, and the verdicts
// already reached for the values found in those fields.
import type { JsonObject } from '../core/contract';
import type { EventBridgeEvent } from './cloudtrail-event';
import type { Rule } from './model';
import { branchMatches, type Flattened } from './pattern-match';
import { PathsReader } from './pattern-paths';
import type { EventPattern, Leaf } from './pattern-types';

export interface RuleEntry {
  rule: Rule;
  pattern: EventPattern;
}

/** Verdicts kept per rule set; an account whose patterns read ever-changing fields (ids, times) would
 *  otherwise grow this without end, so it starts over when full. */
const MAX_VERDICTS = 1024;
/** Events whose tested values are long (a policy document, say) are matched directly, not remembered. */
const MAX_KEY_CHARS = 2048;

/**
 * Rules offered the same events (all but disabled ones, or only those taking read-only management events),
 * in name order. A pattern reads only the values at its paths, so two events with the same values there get
 * the same verdict from every rule: the verdict is kept under those values.
 */
export class RuleSet {
  /** The tested paths, in a fixed order: the verdict key lists their values in this order. */
  private readonly paths: string[];
  private readonly reader: PathsReader;
  private readonly verdicts = new Map<string, readonly RuleEntry[]>();
  /** Whether a pattern tests the event's id (the bus then needs the id before matching, not only after). */
  readonly readsId: boolean;

  constructor(readonly entries: readonly RuleEntry[]) {
    const tested = new Set<string>();
    for (const { pattern } of entries) {
      for (const branch of pattern.branches) {
        for (const path of branch.keys()) tested.add(path);
      }
    }
    this.paths = [...tested].sort();
    this.readsId = this.paths.some((p) => p === 'id' || p.startsWith('id.'));
    this.reader = new PathsReader(this.paths);
  }

  /** The rules whose pattern the event matches, in name order. */
  matching(event: EventBridgeEvent): readonly RuleEntry[] {
    if (this.entries.length === 0) return this.entries;
    const fields = this.reader.read(event as unknown as JsonObject);
    const key = this.keyOf(fields);
    const known = key === undefined ? undefined : this.verdicts.get(key);
    if (known) return known;
    const found = this.entries.filter((e) => patternMatches(e.pattern, fields));
    if (key !== undefined) {
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      this.verdicts.set(key, found);
    }
    return found;
  }

  /** The values at the tested paths, one list per path ("-" for none), each written by listKey. Undefined when
   *  too long to be worth keeping. */
  private keyOf(fields: Flattened): string | undefined {
    let key = '';
    for (const path of this.paths) {
      const values = fields.get(path);
      key += values === undefined ? '-' : listKey(values);
      if (key.length > MAX_KEY_CHARS) return undefined;
    }
    return key;
  }
}

/**
 * A list of leaves as text that no other list shares, cheaper to make than its JSON: each leaf is tagged with its
 * type, a string also with its length (so no content can pass for what follows it), a number ends at ";" (never
 * in a number's text), and "|" ends the list. Like JSON, it writes 0 and -0 alike, which every matcher treats
 * alike too.
 */
export function listKey(values: readonly Leaf[]): string {
  let key = '';
  for (const v of values) {
    key += typeof v === 'string' ? `s${v.length}:${v}` : typeof v === 'number' ? `n${v};` : v === null ? 'z' : v ? 't' : 'f';
  }
  return `${key}|`;
}

function patternMatches(pattern: EventPattern, fields: Flattened): boolean {
  for (const branch of pattern.branches) if (branchMatches(branch, fields)) return true;
  return false;
}

/** One Region's rules, split by what they receive (cloudtrail-event.ts, ruleReceives). */
export class RegionRules {
  /** Rules in state ENABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. */
  readonly enabled: RuleSet;
  /** Rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS: the only ones read-only management events reach. */
  readonly allManagement: RuleSet;

  /** `compile` gives a rule's pattern, or undefined for a rule that has none (a scheduled rule). */
  constructor(rules: readonly Rule[], compile: (rule: Rule) => EventPattern | undefined) {
    const enabled: RuleEntry[] = [];
    const allManagement: RuleEntry[] = [];
    for (const rule of rules) {
      if (rule.state === 'DISABLED') continue;
      const pattern = compile(rule);
      if (!pattern) continue;
      enabled.push({ rule, pattern });
      if (rule.state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') allManagement.push({ rule, pattern });
    }
    this.enabled = new RuleSet(enabled);
    this.allManagement = new RuleSet(allManagement);
  }

  /** The rules offered an event delivered to the bus (a read-only management event, or any other). */
  receiving(readOnlyManagement: boolean): RuleSet {
    return readOnlyManagement ? this.allManagement : this.enabled;
  }
}
