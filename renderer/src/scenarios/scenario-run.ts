import { createActor, type Actor } from 'xstate';
import { Account } from '../../../simulator';
import type { CallResult } from '../../../simulator/core/call';
import type { SimEvent } from '../../../simulator/core/events';
import type { CallLogEntry, ScenarioAction, ScenarioDef, ScenarioTraffic, StepWorld } from '../../../content/scenarios/types';
import { scenarioMachine } from './scenario-machine';

export const SCENARIO_START = Date.parse('2026-11-07T00:00:00Z');

export interface RunState {
  index: number;
  completed: boolean;
  hintsUsed: number;
  skipped: number[];
  hint: string | null;
}

/**
 * A scenario played against a real simulated account: every move goes through the account's one call surface,
 * and a step advances only when its check sees the simulator's state satisfy it.
 */
export class ScenarioRun {
  account!: Account;
  log: CallLogEntry[] = [];
  events: SimEvent[] = [];
  /** Told how far generated traffic has got (minutes done of minutes asked), so a long run can show progress. */
  onTrafficProgress: ((done: number, total: number) => void) | null = null;
  private stepStart = 0;
  private eventStart = 0;
  private readonly actor: Actor<typeof scenarioMachine>;

  constructor(
    readonly def: ScenarioDef,
    private readonly seed = 1,
  ) {
    this.actor = createActor(scenarioMachine, { input: { hints: def.steps.map((s) => s.hintKo) } }).start();
    this.buildSandbox();
  }

  get state(): RunState {
    const snap = this.actor.getSnapshot();
    const { index, hintsUsed, skipped, hint } = snap.context;
    return { index, completed: snap.value === 'completed', hintsUsed, skipped, hint };
  }

  /** Does one learner move: a call (as the scenario's default identity unless it says otherwise) or a clock jump. */
  perform(action: ScenarioAction): CallResult | null {
    const result = this.apply(action, true);
    this.evaluate();
    return result;
  }

  hint(): string | null {
    this.actor.send({ type: 'scenario.hint' });
    return this.state.hint;
  }

  /** Performs the current step's solution for the learner, then moves on whatever its check says.
   *  Returns the actions performed (computed entries resolved), so they can be shown as the solution. */
  skip(): ScenarioAction[] {
    if (this.state.completed) return [];
    const step = this.def.steps[this.state.index]!;
    const done: ScenarioAction[] = [];
    for (const a of step.solution) {
      const action = typeof a === 'function' ? a(this.world()) : a;
      done.push(action);
      this.apply(action, true);
    }
    this.markStepStart();
    this.actor.send({ type: 'scenario.skip' });
    this.evaluate();
    return done;
  }

  restart(): void {
    this.actor.send({ type: 'scenario.restart' });
    this.buildSandbox();
  }

  private buildSandbox(): void {
    this.account = new Account({ seed: this.seed, startMs: SCENARIO_START });
    this.log = [];
    this.events = [];
    this.account.bus.on((e) => this.events.push(e));
    for (const a of this.def.setup) {
      const r = this.apply(a, false, { as: 'root', region: 'us-east-1', via: 'console' });
      if (r && !r.ok && !('traffic' in a)) throw new Error(`scenario ${this.def.id} setup failed at ${'api' in a ? a.api : 'advance'}: ${r.error.code} ${r.error.message}`);
    }
    this.log = [];
    this.events = [];
    this.markStepStart();
  }

  private markStepStart(): void {
    this.stepStart = this.log.length;
    this.eventStart = this.events.length;
  }

  private apply(action: ScenarioAction, logged: boolean, base = this.def.defaults): CallResult | null {
    if ('advance' in action) {
      this.account.advance(action.advance);
      return null;
    }
    if ('traffic' in action) return this.traffic(action.traffic, logged, base);
    const ctx = { as: action.as ?? base.as, region: action.region ?? base.region, via: action.via ?? base.via };
    const atMs = this.account.clock.now();
    const result = this.account.call(action.api, action.params, ctx);
    if (logged) this.log.push({ api: action.api, params: action.params, ctx, result, atMs });
    return result;
  }

  /** Real calls through the account, minute by minute; logged once, so a week of traffic does not sit in memory. */
  private traffic(t: ScenarioTraffic['traffic'], logged: boolean, base: ScenarioDef['defaults']): CallResult | null {
    const ctx = { as: t.as ?? base.as, region: t.region ?? base.region, via: t.via ?? base.via };
    const atMs = this.account.clock.now();
    let last: CallResult | null = null;
    let untilMs = atMs;
    for (let m = 0; m < t.minutes; m++) {
      untilMs = this.account.clock.now();
      for (let i = 0; i < t.perMinute; i++) last = this.account.call(t.api, t.params, ctx);
      this.account.advance(60_000);
      if (logged && (m + 1) % 60 === 0) this.onTrafficProgress?.(m + 1, t.minutes);
    }
    if (logged && last) this.log.push({ api: t.api, params: t.params, ctx, result: { ...last, records: [], routing: [] }, atMs, count: t.minutes * t.perMinute, untilMs });
    return last;
  }

  private world(): StepWorld {
    return { calls: this.log.slice(this.stepStart), all: this.log, events: this.events.slice(this.eventStart), nowMs: this.account.clock.now(), startMs: SCENARIO_START };
  }

  /** Advances through every step the state now satisfies; otherwise answers a mistaken move with its hint. */
  private evaluate(): void {
    for (;;) {
      if (this.state.completed) return;
      const step = this.def.steps[this.state.index]!;
      const w = this.world();
      if (step.done(w)) {
        this.markStepStart();
        this.actor.send({ type: 'step.satisfied' });
        continue;
      }
      const last = this.log[this.log.length - 1];
      const mistake = last && w.calls.includes(last) ? step.mistakes?.find((m) => m.when(w, last)) : undefined;
      if (mistake) this.actor.send({ type: 'move.mistaken', hintKo: mistake.hintKo });
      return;
    }
  }
}
