// A Region's rules as the default bus walks them for every event, kept until the rule set changes
// (EventsModel.generation): which rules an event can reach, the fields their patterns read, and the verdicts
// already reached for the values found in those fields.
import type { JsonObject } from '../core/contract';
import type { EventBridgeEvent } from './cloudtrail-event';
import type { Rule } from './model';
import { branchMatches, type Flattened } from './pattern-match';
import { PathsReader } from './pattern-paths';
import type { EventPattern, Leaf } from './pattern-types';
import { VerdictTree } from './bus-verdicts';

export { listKey } from './bus-verdicts';

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
  /** The tested paths, in a fixed order: verdicts are kept under their values in this order. */
  private readonly paths: string[];
  private readonly reader: PathsReader;
  private readonly verdicts = new VerdictTree<readonly RuleEntry[]>(MAX_VERDICTS, MAX_KEY_CHARS);
  /** The values of the event being matched, per path; refilled for every event (matching calls nothing that
   *  could match another event meanwhile). */
  private readonly lists: Leaf[][] = [];
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
    const lists = this.lists;
    this.reader.readLists(event as unknown as JsonObject, lists);
    const known = this.verdicts.get(lists);
    if (known) return known;
    // What PathsReader.read would give: only the paths with a value.
    const fields: Flattened = new Map();
    for (let i = 0; i < this.paths.length; i++) if (lists[i]!.length > 0) fields.set(this.paths[i]!, lists[i]!);
    const found = this.entries.filter((e) => patternMatches(e.pattern, fields));
    this.verdicts.set(lists, found);
    return found;
  }
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
