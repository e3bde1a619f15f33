import { AwsError, type Json, type JsonObject } from '../core/contract';
import { parseSchedule, validSchedule } from './bus-schedule';
import type { RuleState } from './cloudtrail-event';
import { parseEventPattern } from './pattern';

export interface Rule {
  name: string;
  arn: string;
  eventPattern: string | null;
  scheduleExpression: string | null;
  state: RuleState;
  description: string;
  /** When the current ScheduleExpression was set: rate() schedules count their periods from here. */
  scheduleStartMs?: number;
  /** When a disabled rule was last enabled again: its schedule resumes after that moment, without firing for
   *  the periods it missed while disabled. */
  enabledSinceMs?: number;
  /** Targets as PutTargets gave them (Id, Arn, RoleArn, Input, InputPath, InputTransformer). */
  targets: JsonObject[];
}

const SNAPSHOT_VERSION = 2;

/** Regions or rules by name, with no prototype: "constructor" and "__proto__" are valid rule names
 *  ([.\-_A-Za-z0-9]+, PutRule), not members every object already has. */
function byName<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A restored rule must be one PutRule could have stored: the bus compiles its pattern and schedule later. */
function ruleExpressionsValid(r: Rule): boolean {
  try {
    if (r.eventPattern !== null) parseEventPattern(r.eventPattern);
    if (r.scheduleExpression !== null && (!validSchedule(r.scheduleExpression) || !parseSchedule(r.scheduleExpression))) return false;
    return r.eventPattern !== null || r.scheduleExpression !== null;
  } catch {
    return false;
  }
}
const STATES: RuleState[] = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

/** EventBridge rules on each Region's default event bus. Rules join, leave or change state only through the
 *  methods below, so the name-ordered lists the bus walks for every event can be kept instead of re-sorted. */
export class EventsModel {
  private regions: Record<string, Record<string, Rule>> = byName();
  /** Bumped by every change of a rule set or a rule's state; caches keyed on it stay exact. */
  private gen = 0;
  private readonly orderedCache = new Map<string, Rule[]>();
  private orderedGen = -1;

  /** Changes with every PutRule, DeleteRule, EnableRule/DisableRule and restore. */
  get generation(): number {
    return this.gen;
  }
  regionNames(): string[] {
    return Object.keys(this.regions);
  }
  rules(region: string): Readonly<Record<string, Rule>> {
    return (this.regions[region] ??= byName());
  }
  rule(region: string, name: string): Rule {
    const r = this.rules(region)[name];
    if (!r) throw new AwsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`);
    return r;
  }
  /** Creates the rule or replaces the one of the same name. */
  putRule(region: string, rule: Rule): void {
    (this.regions[region] ??= byName())[rule.name] = rule;
    this.gen += 1;
  }
  deleteRule(region: string, name: string): void {
    const rules = this.regions[region];
    if (!rules || !Object.hasOwn(rules, name)) return;
    delete rules[name];
    this.gen += 1;
  }
  setRuleState(region: string, name: string, state: RuleState, nowMs: number): void {
    const r = this.rule(region, name);
    if (r.state === 'DISABLED' && state !== 'DISABLED') r.enabledSinceMs = nowMs;
    r.state = state;
    this.gen += 1;
  }
  /** The Region's rules in name order, so matching and delivery happen in the same order every run. The
   *  list is shared and kept until the rules change: callers must not modify it. */
  ordered(region: string): readonly Rule[] {
    if (this.orderedGen !== this.gen) {
      this.orderedCache.clear();
      this.orderedGen = this.gen;
    }
    let list = this.orderedCache.get(region);
    if (!list) {
      list = Object.values(this.regions[region] ?? {}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.orderedCache.set(region, list);
    }
    return list;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify({ version: SNAPSHOT_VERSION, regions: this.regions })) as Json;
  }
  /** Snapshots are untrusted: shape and rule states are checked. Version 1 was the bare regions map. */
  restore(s: Json): void {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new Error('events snapshot: malformed');
    const o = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
    const regions = (o['version'] === undefined ? o : o['version'] === SNAPSHOT_VERSION ? o['regions'] : undefined) as Record<string, Record<string, Rule>> | undefined;
    if (o['version'] !== undefined && o['version'] !== SNAPSHOT_VERSION) throw new Error(`events snapshot: unsupported version ${String(o['version'])}`);
    if (typeof regions !== 'object' || regions === null) throw new Error('events snapshot: malformed');
    const restored = byName<Record<string, Rule>>();
    for (const [region, parsed] of Object.entries(regions)) {
      if (typeof parsed !== 'object' || parsed === null) throw new Error('events snapshot: malformed');
      const rules = (restored[region] = Object.assign(byName<Rule>(), parsed));
      for (const r of Object.values(rules)) {
        if (typeof r.name !== 'string' || typeof r.arn !== 'string' || !STATES.includes(r.state) || !Array.isArray(r.targets)) throw new Error('events snapshot: malformed rule');
        if (r.enabledSinceMs !== undefined && typeof r.enabledSinceMs !== 'number') throw new Error('events snapshot: malformed rule');
        if (!ruleExpressionsValid(r)) throw new Error(`events snapshot: rule ${r.name} has an invalid pattern or schedule`);
      }
    }
    this.regions = restored;
    this.gen += 1;
  }
}
