// One scenario's saved progress, as stored in progress.scenarios[id]. The account itself is never saved: the
// learner's moves are, and replaying them on the same seeded sandbox rebuilds an identical account.
import { z } from 'zod';
import { CHANNELS } from '../simulator/worker/protocol';

const jsonObject = z.record(z.string(), z.unknown());
const callShape = {
  api: z.string().min(1),
  params: jsonObject,
  as: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  via: z.enum(CHANNELS).optional(),
};
export const scenarioActionSchema = z.union([
  z.object({ advance: z.string().min(1) }),
  z.object({ traffic: z.object({ ...callShape, perMinute: z.number().int().min(1).max(1000), minutes: z.number().int().min(1).max(20_160) }) }),
  z.object(callShape),
]);

export const savedMoveSchema = z.discriminatedUnion('move', [
  z.object({ move: z.literal('perform'), action: scenarioActionSchema }),
  z.object({ move: z.literal('hint') }),
  z.object({ move: z.literal('skip') }),
]);
export type SavedMove = z.infer<typeof savedMoveSchema>;

const count = z.number().int().min(0);
const isoInstant = z.iso.datetime({ offset: true });

export const completionSchema = z.object({ at: isoInstant, activeMs: count, hintsUsed: count, skipped: count });
export type Completion = z.infer<typeof completionSchema>;

export const scenarioEntrySchema = z.object({
  version: z.literal(1),
  /** The moves of the current attempt, in order (emptied by a restart). */
  moves: z.array(savedMoveSchema),
  stepIndex: count,
  stepCount: count,
  completed: z.boolean(),
  hintsUsed: count,
  skipped: z.array(count),
  startedAt: isoInstant,
  updatedAt: isoInstant,
  /** Time the learner spent on the scenario screen in this attempt (idle gaps capped). */
  activeMs: count,
  /** The latest finished attempt, kept across restarts so the list still shows the scenario as done. */
  lastCompletion: completionSchema.nullable(),
});
export type ScenarioEntry = z.infer<typeof scenarioEntrySchema>;

/** A saved entry, or null (with why) when what was stored is not one: saved data is untrusted. */
export function readEntry(raw: unknown): { entry: ScenarioEntry | null; problemKo?: string } {
  if (raw === undefined || raw === null) return { entry: null };
  const parsed = scenarioEntrySchema.safeParse(raw);
  if (parsed.success) return { entry: parsed.data };
  return { entry: null, problemKo: `저장된 진행 상태를 읽을 수 없어 처음부터 시작합니다 (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}).` };
}

export function newEntry(stepCount: number, nowIso: string, lastCompletion: Completion | null = null): ScenarioEntry {
  return { version: 1, moves: [], stepIndex: 0, stepCount, completed: false, hintsUsed: 0, skipped: [], startedAt: nowIso, updatedAt: nowIso, activeMs: 0, lastCompletion };
}

/** A gap longer than this between two moves counts as time away, not time spent. */
export const IDLE_CAP_MS = 5 * 60_000;

export type ListStatus =
  | { kind: 'new' }
  | { kind: 'running'; step: number; of: number; hintsUsed: number; activeMs: number; doneBefore: boolean }
  | { kind: 'done'; completion: Completion };

export function statusOf(entry: ScenarioEntry | null): ListStatus {
  if (!entry) return { kind: 'new' };
  if (entry.completed && entry.lastCompletion) return { kind: 'done', completion: entry.lastCompletion };
  if (entry.moves.length === 0 && entry.lastCompletion) return { kind: 'done', completion: entry.lastCompletion };
  return { kind: 'running', step: entry.stepIndex + 1, of: entry.stepCount, hintsUsed: entry.hintsUsed, activeMs: entry.activeMs, doneBefore: entry.lastCompletion !== null };
}

/** "3분 20초", "1시간 5분": a learner's time on a scenario. */
export function durationKo(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}초`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}분${s % 60 ? ` ${s % 60}초` : ''}`;
  return `${Math.floor(m / 60)}시간${m % 60 ? ` ${m % 60}분` : ''}`;
}
