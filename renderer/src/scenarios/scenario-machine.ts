import { assign, setup } from 'xstate';

// One run of a scenario: which step is current, hints used, skips, completion. The checks themselves run in
// ScenarioRun (they read the call log); the machine only hears their verdicts, so its snapshot stays plain JSON.

export interface ScenarioContext {
  hints: string[];
  index: number;
  hintsUsed: number;
  skipped: number[];
  /** The hint last shown (asked for, or given after a mistaken move). */
  hint: string | null;
}

export type ScenarioEvent =
  | { type: 'step.satisfied' }
  | { type: 'move.mistaken'; hintKo: string }
  | { type: 'scenario.hint' }
  | { type: 'scenario.skip' }
  | { type: 'scenario.restart' };

export const scenarioMachine = setup({
  types: {
    context: {} as ScenarioContext,
    input: {} as { hints: string[] },
    events: {} as ScenarioEvent,
  },
  guards: {
    isLastStep: ({ context }) => context.index >= context.hints.length - 1,
  },
  actions: {
    nextStep: assign({ index: ({ context }) => context.index + 1, hint: null }),
    showHint: assign({ hint: ({ context }) => context.hints[context.index] ?? null, hintsUsed: ({ context }) => context.hintsUsed + 1 }),
    showMistakeHint: assign({ hint: ({ event }) => (event.type === 'move.mistaken' ? event.hintKo : null) }),
    recordSkip: assign({ skipped: ({ context }) => [...context.skipped, context.index] }),
    reset: assign({ index: 0, hintsUsed: 0, skipped: [], hint: null }),
  },
}).createMachine({
  id: 'scenario',
  context: ({ input }) => ({ hints: input.hints, index: 0, hintsUsed: 0, skipped: [], hint: null }),
  initial: 'running',
  states: {
    running: {
      on: {
        'step.satisfied': [{ guard: 'isLastStep', target: 'completed' }, { actions: 'nextStep' }],
        'scenario.skip': [
          { guard: 'isLastStep', target: 'completed', actions: 'recordSkip' },
          { actions: ['recordSkip', 'nextStep'] },
        ],
        'move.mistaken': { actions: 'showMistakeHint' },
        'scenario.hint': { actions: 'showHint' },
        'scenario.restart': { target: 'running', reenter: true, actions: 'reset' },
      },
    },
    completed: {
      // A finished run ignores further moves; only a restart starts it again.
      on: { 'scenario.restart': { target: 'running', actions: 'reset' } },
    },
  },
});
