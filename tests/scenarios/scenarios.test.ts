import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../content/scenarios';
import type { ScenarioAction } from '../../content/scenarios/types';
import { ScenarioRun } from '../../renderer/src/scenarios/scenario-run';
import { WRONG_MOVES } from './wrong-moves';

function playSolution(run: ScenarioRun, stepIndex: number): void {
  const step = run.def.steps[stepIndex]!;
  for (const a of step.solution) {
    const action: ScenarioAction = typeof a === 'function' ? a({ calls: run.log, all: run.log, events: run.events, nowMs: run.account.clock.now(), startMs: 0 }) : a;
    run.perform(action);
  }
}

// The Insights scenario really simulates a week of calls (about 200,000), so a run takes tens of seconds.
const RUN_TIMEOUT = 180_000;

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('scenario %s', (_id, def) => {
  it('completes, step by step, when the learner does each step right', () => {
    const run = new ScenarioRun(def);
    def.steps.forEach((step, i) => {
      expect(run.state.index, `before step ${step.id}`).toBe(i);
      expect(run.state.completed).toBe(false);
      playSolution(run, i);
    });
    expect(run.state.completed).toBe(true);
    expect(run.state.skipped).toEqual([]);
  }, RUN_TIMEOUT);

  it('does not complete when a key step is done wrong, and answers with a hint', () => {
    const wrong = WRONG_MOVES[def.id];
    expect(wrong, `WRONG_MOVES has no entry for ${def.id}`).toBeDefined();
    expect(wrong!.hintContains.length, 'a wrong move must expect a specific hint').toBeGreaterThan(0);
    const run = new ScenarioRun(def);
    for (let i = 0; i < wrong!.atStep; i++) playSolution(run, i);
    for (const move of wrong!.moves) run.perform(move);
    expect(run.state.index).toBe(wrong!.atStep);
    expect(run.state.completed).toBe(false);
    expect(run.state.hint ?? '').toContain(wrong!.hintContains);
    // Finishing every remaining step still works after the mistake: a hint, not a dead end.
    for (let i = wrong!.atStep; i < def.steps.length; i++) playSolution(run, i);
    expect(run.state.completed).toBe(true);
  }, RUN_TIMEOUT);

  it('can be skipped step by step with the shown solution, and restarted from its known sandbox', () => {
    const run = new ScenarioRun(def);
    for (let i = 0; i < def.steps.length; i++) run.skip();
    expect(run.state.completed).toBe(true);
    expect(run.state.skipped).toEqual(def.steps.map((_, i) => i));
    run.restart();
    expect(run.state).toMatchObject({ index: 0, completed: false, skipped: [], hintsUsed: 0 });
    expect(run.log).toEqual([]);
    expect(run.hint()).toBe(def.steps[0]!.hintKo);
    expect(run.state.hintsUsed).toBe(1);
  }, RUN_TIMEOUT);
});
