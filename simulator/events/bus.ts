// The default event bus of each Region: what CloudTrail hands it and what PutEvents puts on it, matched
// against the Region's rules, each match sent to the rule's targets with the target's input shaping.
import type { Clock, CloudTrailRecord, Json, JsonObject } from '../core/contract';
import { eventTime } from '../core/clock';
import type { SimEvent } from '../core/events';
import { recordText } from '../core/record-text';
import { cloudTrailEventText, cloudTrailEventView, reachesDefaultBus, type EventBridgeEvent } from './cloudtrail-event';
import { eventIdFor, uuidFrom } from './event-id';
import { renderTargetInput, type RenderedInput, type TargetInputConfig } from './input-transform';
import type { EventsModel, Rule } from './model';
import { parseEventPattern, type EventPattern } from './pattern';
import { busDeliveryOf, busReasonKo, DeliveredRouting, type BusCode } from './bus-routing';
import { RegionRules, type RuleEntry, type RuleSet } from './bus-rules';
import { OfferQueue } from './bus-queue';

export { eventIdFor, uuidFrom } from './event-id';

/** What became of one target for one matched event. */
export interface TargetResult {
  id: string;
  arn: string;
  ok: boolean;
  errorCode?: string;
  reasonKo?: string;
}
export interface RuleMatch {
  ruleName: string;
  ruleArn: string;
  state: Rule['state'];
  targets: TargetResult[];
}
/** The EventBridge part of a record's routing: did the default bus receive it, which rules matched. */
export interface BusRouting {
  region: string;
  delivered: boolean;
  code: BusCode;
  reasonKo: string;
  eventId?: string;
  detailType?: string;
  matchedRules: RuleMatch[];
}

/** How the account lets EventBridge act on targets: through the call surface, as events.amazonaws.com. */
export interface BusPorts {
  clock: Clock;
  emit(e: SimEvent): void;
  invoke(target: { id: string; arn: string }, input: string, rule: Rule, event: EventBridgeEvent): Omit<TargetResult, 'id' | 'arn'>;
}

/** EventBridge → target → record → EventBridge chains stop here. AWS has no such guard (its guide warns
 *  of infinite loops); the simulation must stay finite. */
const MAX_CHAIN = 4;

export class DefaultBus {
  private readonly queue = new OfferQueue();
  private draining = false;
  private depth = 0;
  private readonly compiled = new Map<string, EventPattern>();
  /** Per Region, its rules as route walks them; rebuilt when the rules change. */
  private readonly tables = new Map<string, RegionRules>();
  private tablesGen = -1;
  /** The table rulesIn answered last, and its Region (cleared with the tables). */
  private lastRegion = '';
  private lastTable: RegionRules | undefined;
  private readonly texts = new EventTexts();

  constructor(
    private readonly model: EventsModel,
    private readonly ports: BusPorts,
  ) {}

  /** A record CloudTrail wrote, with its routing (whether a trail logs it decides if the bus gets it).
   *  Handled once the call that wrote it has completed, as AWS delivers after the call returns. */
  offerRecord(record: CloudTrailRecord, routing: Json): void {
    this.queue.pushRecord(record, routing, this.draining ? this.depth + 1 : 0);
  }
  /** A custom event accepted by PutEvents. */
  offerEvent(event: EventBridgeEvent): void {
    this.queue.pushEvent(event, this.draining ? this.depth + 1 : 0);
  }

  /** Matches and delivers everything offered so far, including what the deliveries themselves cause. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      const q = this.queue;
      while (q.take()) {
        const { record, routing, event, depth } = q;
        this.depth = depth;
        if (record) this.handleRecord(record, routing, depth);
        // PutEvents events are offered to every enabled rule.
        else if (event) this.route(event, this.rulesIn(event.region).receiving(false), depth);
      }
    } finally {
      this.draining = false;
      this.depth = 0;
    }
  }

  private handleRecord(record: CloudTrailRecord, routing: Json, depth: number): void {
    const delivery = reachesDefaultBus(record, busDeliveryOf(routing, record));
    const code: BusCode = delivery.delivered ? (delivery.readOnlyManagement ? 'DELIVERED_READ_ONLY' : 'DELIVERED') : delivery.reason === 'no-logging-trail' ? 'NO_LOGGING_TRAIL' : 'DATA_EVENT_NOT_LOGGED';
    let summary: BusRouting;
    if (delivery.delivered) {
      // Most records reach no rule at all (read-only ones reach only rules taking every management event):
      // those need no event built.
      const rules = this.rulesIn(record.awsRegion).receiving(delivery.readOnlyManagement);
      summary = rules.entries.length > 0 ? this.routeRecord(record, code, rules, depth) : new DeliveredRouting(record, code, [], undefined);
    } else {
      summary = { region: record.awsRegion, delivered: false, code, reasonKo: busReasonKo(code, record, 0), matchedRules: [] };
    }
    // The call's routing tells the learner where the record went; the bus adds its part in place.
    if (routing !== null && typeof routing === 'object' && !Array.isArray(routing)) (routing as JsonObject)['eventBridge'] = summary as unknown as Json;
  }

  /** Offers a record's event to `rules` and gives the record's routing. The event's id is hashed only once a rule
   *  matches (or when a pattern tests the id): most events match nothing, and their id is then seen nowhere but
   *  in the routing, which hashes it when read (DeliveredRouting). */
  private routeRecord(record: CloudTrailRecord, code: BusCode, rules: RuleSet, depth: number): DeliveredRouting {
    const event = this.texts.recordEvent(record, rules.readsId ? eventIdFor(record) : '');
    const matched = rules.matching(event);
    if (matched.length === 0) return new DeliveredRouting(record, code, [], rules.readsId ? event.id : undefined);
    // The id was left empty only where no pattern reads it, so it decided nothing; targets see the real one.
    if (!rules.readsId) event.id = eventIdFor(record);
    return new DeliveredRouting(record, code, this.deliverAll(event, matched, depth), event.id);
  }

  private pattern(rule: Rule): EventPattern | undefined {
    if (rule.eventPattern === null) return undefined;
    let p = this.compiled.get(rule.eventPattern);
    if (!p) {
      p = parseEventPattern(rule.eventPattern);
      this.compiled.set(rule.eventPattern, p);
    }
    return p;
  }

  private rulesIn(region: string): RegionRules {
    if (this.tablesGen !== this.model.generation) {
      this.tables.clear();
      this.lastTable = undefined;
      this.lastRegion = '';
      this.tablesGen = this.model.generation;
    }
    // Asked for every record; a call's records, and the next call's, are mostly in one Region.
    if (this.lastTable !== undefined && this.lastRegion === region) return this.lastTable;
    let table = this.tables.get(region);
    if (!table) {
      table = new RegionRules(this.model.ordered(region), (r) => this.pattern(r));
      this.tables.set(region, table);
    }
    this.lastRegion = region;
    this.lastTable = table;
    return table;
  }

  /** Offers the event to the rules of its Region that receive it; returns the rules that matched and what their
   *  targets did. */
  private route(event: EventBridgeEvent, rules: RuleSet, depth: number): RuleMatch[] {
    return this.deliverAll(event, rules.matching(event), depth);
  }

  private deliverAll(event: EventBridgeEvent, matched: readonly RuleEntry[], depth: number): RuleMatch[] {
    // Rules match before any target is invoked: deliveries (sns:Publish, lambda:Invoke) never change rules.
    // Lists made at their size, in order (as map makes them: an array grown by push starts with room for 17),
    // by loops: map's closures, and a context for each, were made for every matched event and rule.
    const matches: RuleMatch[] = new Array<RuleMatch>(matched.length);
    for (let i = 0; i < matched.length; i++) {
      const rule = matched[i]!.rule;
      const atMs = this.ports.clock.now();
      this.ports.emit({ type: 'rule.matched', ruleArn: rule.arn, ruleName: rule.name, region: event.region, eventId: event.id, source: event.source, detailType: event['detail-type'], atMs });
      const ts = rule.targets;
      const n = ts.length;
      const targets: TargetResult[] = new Array<TargetResult>(n);
      for (let j = 0; j < n; j++) targets[j] = depth >= MAX_CHAIN ? loopStopped(ts[j]!) : this.deliver(rule, ts[j]!, event);
      matches[i] = { ruleName: rule.name, ruleArn: rule.arn, state: rule.state, targets };
    }
    return matches;
  }

  /** A scheduled rule fires: its "Scheduled Event" goes to its own targets only, not to the other rules. */
  fireScheduled(rule: Rule, atMs: number): RuleMatch {
    const event: EventBridgeEvent = {
      version: '0', id: uuidFrom(`schedule:${rule.arn}:${atMs}`), 'detail-type': 'Scheduled Event', source: 'aws.events', account: rule.arn.split(':')[4] ?? '',
      time: eventTime(atMs), region: rule.arn.split(':')[3] ?? '', resources: [rule.arn], detail: {},
    };
    this.ports.emit({ type: 'rule.matched', ruleArn: rule.arn, ruleName: rule.name, region: event.region, eventId: event.id, source: event.source, detailType: event['detail-type'], atMs });
    this.draining = true;
    try {
      const match = { ruleName: rule.name, ruleArn: rule.arn, state: rule.state, targets: rule.targets.map((t) => this.deliver(rule, t, event)) };
      return match;
    } finally {
      this.draining = false;
      this.drain();
    }
  }

  /** What the target receives when its input is shaped (Input, InputPath or InputTransformer: input-transform.ts
   *  decides; a constant Input is answered here). */
  private shapedInput(rule: Rule, target: JsonObject, event: EventBridgeEvent): RenderedInput {
    // InputPath and InputTransformer pick values out of the event: they get a JSON copy, as the event's
    // detail may be the record itself (cloudTrailEventView). A constant Input reads nothing of it.
    const source = target['Input'] === undefined ? this.texts.jsonCopy(event) : (event as unknown as JsonObject);
    const ingestionTime = eventTime(this.ports.clock.now());
    return renderTargetInput(target as unknown as TargetInputConfig, source, { ruleArn: rule.arn, ruleName: rule.name, ingestionTime });
  }

  /** What invoking the target with its input came to. */
  private outcome(rule: Rule, target: JsonObject, event: EventBridgeEvent, id: string, arn: string): Omit<TargetResult, 'id' | 'arn'> {
    // Without Input, InputPath or InputTransformer a target gets the whole event as JSON: made once per
    // event, as several rules often send the same event on.
    if (target['Input'] === undefined && target['InputPath'] === undefined && target['InputTransformer'] === undefined) {
      return this.ports.invoke({ id, arn }, this.texts.jsonText(event), rule, event);
    }
    const rendered = this.shapedInput(rule, target, event);
    return rendered.ok
      ? this.ports.invoke({ id, arn }, rendered.text, rule, event)
      : { ok: false, errorCode: 'InputTransformationFailed', reasonKo: `대상 입력을 만들지 못했습니다: ${rendered.reason}` };
  }

  private deliver(rule: Rule, target: JsonObject, event: EventBridgeEvent): TargetResult {
    const id = String(target['Id']);
    const arn = String(target['Arn']);
    const outcome = this.outcome(rule, target, event, id, arn);
    const atMs = this.ports.clock.now();
    const { ok, errorCode } = outcome;
    this.ports.emit(
      errorCode
        ? { type: 'target.invoked', ruleArn: rule.arn, targetId: id, targetArn: arn, eventId: event.id, ok, errorCode, atMs }
        : { type: 'target.invoked', ruleArn: rule.arn, targetId: id, targetArn: arn, eventId: event.id, ok, atMs },
    );
    return targetResult(id, arn, outcome);
  }
}

/**
 * The event's JSON text and a copy made from it, each made once per event however many targets need it. The
 * targets of one event are served one after another, so remembering the last event is enough (a weak map per
 * event cost more than it saved).
 */
class EventTexts {
  private event: EventBridgeEvent | undefined;
  /** The record the event stands for, when the bus made the event from one (its detail is that record). */
  private record: CloudTrailRecord | undefined;
  private text: string | undefined;
  private copy: JsonObject | undefined;

  private of(event: EventBridgeEvent, record?: CloudTrailRecord): void {
    if (this.event === event) return;
    this.event = event;
    this.record = record;
    this.text = undefined;
    this.copy = undefined;
  }
  /** The event of a CloudTrail record (cloudTrailEventView), whose text is then spliced around the record's. */
  recordEvent(record: CloudTrailRecord, id: string): EventBridgeEvent {
    const event = cloudTrailEventView(record, id);
    this.of(event, record);
    return event;
  }
  jsonText(event: EventBridgeEvent): string {
    this.of(event);
    // CloudTrail has usually just made the record's text (recordText remembers it): the event is that text in
    // a small envelope.
    return (this.text ??= this.record ? cloudTrailEventText(event, recordText(this.record)) : JSON.stringify(event));
  }
  jsonCopy(event: EventBridgeEvent): JsonObject {
    this.of(event);
    return (this.copy ??= JSON.parse(this.jsonText(event)) as JsonObject);
  }
}

/** `{ id, arn, ...outcome }`, written out for the two shapes outcomes have (bus-wiring.ts): a spread of a frozen,
 *  shared outcome took V8's generic copy for every target of every matched event, at about twice the cost.
 *  Members are copied in the outcome's own order and absent ones stay absent, as the spread left them; any
 *  other shape is still spread. */
export function targetResult(id: string, arn: string, outcome: Omit<TargetResult, 'id' | 'arn'>): TargetResult {
  const shape = shapeOf(outcome);
  if (shape === OK_ONLY) return { id, arn, ok: outcome.ok };
  if (shape === WITH_ERROR) return { id, arn, ok: outcome.ok, errorCode: outcome.errorCode, reasonKo: outcome.reasonKo };
  return { id, arn, ...outcome };
}

/** Outcome shapes targetResult writes out: `{ ok }`, `{ ok, errorCode, reasonKo }` in that order, or another. */
const OK_ONLY = 1;
const WITH_ERROR = 2;
const OTHER = 3;
/** The frozen outcome shapeOf last read, and its shape: a rule's targets mostly give one shared outcome again and
 *  again (bus-wiring.ts), whose keys, frozen, cannot change; reading them made a new list each time. */
let lastOutcome: object | undefined;
let lastShape = OTHER;

function shapeOf(outcome: object): number {
  if (outcome === lastOutcome) return lastShape;
  const keys = Object.keys(outcome);
  const shape =
    keys.length === 1 && keys[0] === 'ok' ? OK_ONLY : keys.length === 3 && keys[0] === 'ok' && keys[1] === 'errorCode' && keys[2] === 'reasonKo' ? WITH_ERROR : OTHER;
  if (Object.isFrozen(outcome)) {
    lastOutcome = outcome;
    lastShape = shape;
  }
  return shape;
}

function loopStopped(t: JsonObject): TargetResult {
  return { id: String(t['Id']), arn: String(t['Arn']), ok: false, errorCode: 'Sim.LoopStopped', reasonKo: `규칙 → 대상 → 기록 → 규칙의 연쇄가 ${MAX_CHAIN}단계를 넘어 시뮬레이션이 멈췄습니다(실제 AWS에서는 무한 루프가 됩니다).` };
}
