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

  private scheduled(): Rule[] {
    const out: Rule[] = [];
    for (const region of Object.keys(this.model.regions).sort()) {
      for (const r of this.model.ordered(region)) if (r.scheduleExpression !== null && r.state !== 'DISABLED') out.push(r);
    }
    return out;
  }

  private nextOf(r: Rule): number {
    const expr = r.scheduleExpression ?? '';
    const key = `${r.arn}\u0000${expr}\u0000${r.scheduleStartMs ?? 0}`;
    let at = this.next.get(key);
    if (at === undefined || at <= this.lastRunMs) {
      let s = this.parsed.get(expr);
      if (!s) {
        s = parseSchedule(expr);
        this.parsed.set(expr, s);
      }
      at = nextFiring(s, r.scheduleStartMs ?? this.lastRunMs, this.lastRunMs);
      this.next.set(key, at);
    }
    return at;
  }

  /** The earliest time a scheduled rule is due (Infinity when none is). */
  nextDueAt(): number {
    let min = Infinity;
    for (const r of this.scheduled()) min = Math.min(min, this.nextOf(r));
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
