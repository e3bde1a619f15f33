// The scenario worker's protocol. One worker hosts one ScenarioRun and speaks two lanes: 'scenario' (moves,
// hints, skips) and 'sim' (the simulator screen's own read-only requests, so its ActionForm can list existing
// resources from the scenario's account). Both sides parse what they receive.
import { z } from 'zod';
import { callOutcomeSchema } from '../../simulator/worker/protocol';
import { savedMoveSchema, scenarioActionSchema } from '../progress-entry';

export const scenarioRequestSchema = z.discriminatedUnion('kind', [
  /** Builds the scenario's sandbox and replays the saved moves. */
  z.object({ kind: z.literal('open'), scenarioId: z.string().min(1), moves: z.array(savedMoveSchema) }),
  z.object({ kind: z.literal('perform'), action: scenarioActionSchema }),
  z.object({ kind: z.literal('hint') }),
  z.object({ kind: z.literal('skip') }),
  z.object({ kind: z.literal('restart') }),
]);
export type ScenarioRequest = z.infer<typeof scenarioRequestSchema>;

export const runViewSchema = z.object({
  scenarioId: z.string(),
  index: z.number().int().min(0),
  completed: z.boolean(),
  hintsUsed: z.number().int().min(0),
  skipped: z.array(z.number().int().min(0)),
  hint: z.string().nullable(),
  nowMs: z.number(),
  accountId: z.string(),
  regions: z.array(z.string()),
});
export type RunView = z.infer<typeof runViewSchema>;

const simEventSchema = z.looseObject({ type: z.string() });
export const deliveredSchema = z.object({ eventId: z.string(), trailArn: z.string(), bucket: z.string(), key: z.string(), atMs: z.number() });

/** What a move did: the run's state after it, each call's outcome, what the simulation reported, files delivered. */
export const moveResultSchema = z.object({
  view: runViewSchema,
  outcomes: z.array(callOutcomeSchema),
  events: z.array(simEventSchema),
  delivered: z.array(deliveredSchema),
  /** For a skip: the solution actions performed, computed entries resolved. */
  performed: z.array(scenarioActionSchema),
});
export type MoveResult = z.infer<typeof moveResultSchema>;

export const toWorkerSchema = z.discriminatedUnion('lane', [
  z.object({ lane: z.literal('scenario'), id: z.number().int(), req: scenarioRequestSchema }),
  z.object({ lane: z.literal('sim'), message: z.unknown() }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const fromWorkerSchema = z.union([
  z.object({ lane: z.literal('scenario'), id: z.number().int(), ok: z.literal(true), value: moveResultSchema }),
  z.object({ lane: z.literal('scenario'), id: z.number().int(), ok: z.literal(false), errorKo: z.string() }),
  /** Generated traffic's progress, in simulated minutes. */
  z.object({ lane: z.literal('progress'), done: z.number().int().min(0), total: z.number().int().min(1) }),
  z.object({ lane: z.literal('sim'), message: z.unknown() }),
]);
export type FromScenarioWorker = z.infer<typeof fromWorkerSchema>;
