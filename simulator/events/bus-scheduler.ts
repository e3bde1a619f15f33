// Runs scheduled rules on the simulated clock. The account steps minute by minute and asks nextDueAt()
// first, so a quiet account pays one comparison per minute; firing times are cached per rule and schedule.
import type { DefaultBus } from './bus';
import { nextFiring, parseSchedule, type Schedule } from './bus-schedule';
import type { EventsModel, Rule } from './model';

export class RuleScheduler {
  private readonly parsed = new Map<string, Schedule>();
  /** rule ARN + expression + start → the next firing not yet run. */
  private readonly next = new Map<string, number>();
  private lastRunMs: number;

  constructor(
    private readonly model: EventsModel,
    private readonly bus: () => DefaultBus | undefined,
    nowMs: number,
  ) {
    this.lastRunMs = nowMs;
  }

  private scheduledList: Rule[] = [];
  private scheduledGen = -1;

  /** The scheduled rules that can fire, in Region then name order; recomputed only when the rules change,
   *  as the account asks every simulated minute. */
  private scheduled(): Rule[] {
    if (this.scheduledGen === this.model.generation) return this.scheduledList;
    const out: Rule[] = [];
    for (const region of this.model.regionNames().sort()) {
      for (const r of this.model.ordered(region)) if (r.scheduleExpression !== null && r.state !== 'DISABLED') out.push(r);
    }
    this.scheduledList = out;
    this.scheduledGen = this.model.generation;
    return out;
  }

  private nextOf(r: Rule): number {
    const expr = r.scheduleExpression ?? '';
    const key = `${r.arn}\u0000${expr}\u0000${r.scheduleStartMs ?? 0}`;
    let at = this.next.get(key);
    // Nothing fires for the time a rule was disabled: a re-enabled rule resumes after it was enabled.
    const after = Math.max(this.lastRunMs, r.enabledSinceMs ?? -Infinity);
    if (at === undefined || at <= after) {
      let s = this.parsed.get(expr);
      if (!s) {
        s = parseSchedule(expr);
        this.parsed.set(expr, s);
      }
      at = nextFiring(s, r.scheduleStartMs ?? this.lastRunMs, after);
      this.next.set(key, at);
    }
    return at;
  }

  private due: { gen: number; after: number; at: number } | undefined;

  /** The earliest time a scheduled rule is due (Infinity when none is). It depends only on the rules and on
   *  the last run, so it is worked out again only when either changes (the account asks every minute). */
  nextDueAt(): number {
    const gen = this.model.generation;
    if (this.due?.gen === gen && this.due.after === this.lastRunMs) return this.due.at;
    let min = Infinity;
    for (const r of this.scheduled()) min = Math.min(min, this.nextOf(r));
    this.due = { gen, after: this.lastRunMs, at: min };
    return min;
  }

  /** Fires every rule due at or before `nowMs` (once per step: a rule more frequent than the step fires once). */
  runDue(nowMs: number): void {
    const bus = this.bus();
    const due = this.scheduled().filter((r) => this.nextOf(r) <= nowMs);
    this.lastRunMs = nowMs;
    if (!bus) return;
    for (const r of due) bus.fireScheduled(r, nowMs);
  }
}
