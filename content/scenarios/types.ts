import type { CallContext, CallResult } from '../../simulator/core/call';
import type { Channel, JsonObject } from '../../simulator/core/contract';
import type { SimEvent } from '../../simulator/core/events';

/** One call made during a scenario, with the simulator's full answer (response or error, records, routing). */
export interface CallLogEntry {
  api: string;
  params: JsonObject;
  ctx: CallContext;
  result: CallResult;
  atMs: number;
  /** For generated traffic: how many calls this entry stands for (result is the last one's). */
  count?: number;
  /** For generated traffic: when the last of its calls was made. */
  untilMs?: number;
}

/** What a step's check sees: the calls since the step became current, every call of the run, and the time. */
export interface StepWorld {
  calls: CallLogEntry[];
  all: CallLogEntry[];
  /** What the simulation reported (alarm state changes, notifications, rule matches…) since the step began. */
  events: SimEvent[];
  nowMs: number;
  startMs: number;
}

export interface ScenarioCall {
  api: string;
  params: JsonObject;
  as?: string;
  region?: string;
  via?: Channel;
}
/** Steady traffic: `perMinute` identical calls at the start of each minute, for `minutes` minutes. */
export interface ScenarioTraffic {
  traffic: ScenarioCall & { perMinute: number; minutes: number };
}
export type ScenarioAction = ScenarioCall | { advance: string } | ScenarioTraffic;

export interface ScenarioStep {
  id: string;
  titleKo: string;
  instructionKo: string;
  hintKo: string;
  /** What a learner who skips the step sees, and what is performed for them; also the tests' correct path.
   *  An entry may be computed from what happened so far (e.g. a log file's key, known only after delivery). */
  solution: (ScenarioAction | ((w: StepWorld) => ScenarioAction))[];
  /** True once the simulator's state shows the step done. */
  done(w: StepWorld): boolean;
  /** Moves that show a misunderstanding: each answers with a hint, never a dead end. */
  mistakes?: { when(w: StepWorld, last: CallLogEntry): boolean; hintKo: string }[];
}

export interface ScenarioDef {
  id: string;
  order: number;
  titleKo: string;
  goalKo: string;
  noteId: string;
  /** Who acts, where and how, unless a call says otherwise (the learner's identity in the simulator). */
  defaults: { as: string; region: string; via: Channel };
  /** Real calls that build the scenario's starting sandbox, so it can be replayed any time (as root, us-east-1). */
  setup: ScenarioAction[];
  steps: ScenarioStep[];
}
