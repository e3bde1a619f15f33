import { z } from 'zod';
import { currentVersion } from './document-version';

// Every stored document is { version, data }. Reading validates; older versions are migrated step by step
// (vN -> vN+1, pure functions), so a learner's file from any earlier release still opens.

export const DOC_KEYS = ['settings', 'progress', 'review', 'sandbox'] as const;
export type DocKey = (typeof DOC_KEYS)[number];

const weekday = z.number().int().min(0).max(6);

const settingsV2 = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  /** Days the learner reviews on, 0 = Sunday … 6 = Saturday (weekends by default). */
  reviewDays: z.array(weekday).max(7),
  /** "HH:MM" local time for the optional weekend reminder, or null for none. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
});

const progressV1 = z.object({
  notesRead: z.array(z.string()),
  bookmarks: z.array(z.string()),
  /** Per quiz category: answers given and answers right. */
  quizStats: z.record(z.string(), z.object({ answered: z.number().int().min(0), correct: z.number().int().min(0) })),
  scenarios: z.record(z.string(), z.unknown()),
});

// Review data is FSRS state (ts-fsrs Card and ReviewLog with Dates as ISO strings) plus study sessions.
// Saved data is untrusted, so every field is checked here; renderer/src/review converts to and from ts-fsrs.
const isoInstant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
const fsrsState = z.number().int().min(0).max(3);
/** ts-fsrs Grade: 1 Again, 2 Hard, 3 Good, 4 Easy (Manual, 0, is never stored). */
const fsrsGrade = z.number().int().min(1).max(4);

export const reviewCardSchema = z.object({
  due: isoInstant,
  stability: z.number().min(0),
  difficulty: z.number().min(0).max(10),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  last_review: isoInstant.nullable(),
});

export const reviewLogSchema = z.object({
  itemId: z.string().min(1),
  rating: fsrsGrade,
  /** Card state and due before this review, as ts-fsrs logs them. */
  state: fsrsState,
  due: isoInstant,
  stability: z.number().min(0),
  difficulty: z.number().min(0).max(10),
  elapsed_days: count,
  last_elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  review: isoInstant,
  correct: z.boolean(),
  responseMs: count,
});

const sessionAnswer = z.object({
  itemId: z.string().min(1),
  correct: z.boolean(),
  responseMs: count,
  confidence: z.enum(['unsure', 'sure']).nullable(),
  rating: fsrsGrade,
  answeredAt: isoInstant,
});

export const reviewSessionSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['in-progress', 'finished']),
  seed: z.string(),
  lengthMinutes: z.number().int().positive().max(24 * 60),
  startedAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  items: z.array(
    z.object({ itemId: z.string().min(1), category: z.string().min(1), reason: z.enum(['due', 'weak', 'new']) }),
  ),
  scenarioId: z.string().min(1).nullable(),
  /** Position of the next item to answer; equals answers.length. */
  index: count,
  answers: z.array(sessionAnswer),
  /** Each answered item's due date when the session finished (empty while in progress). */
  nextDue: z.record(z.string(), isoInstant),
});

/** What the learner may change; everything else is ts-fsrs's defaults. */
export const reviewParamsSchema = z.object({
  request_retention: z.number().min(0.7).max(0.99),
  maximum_interval: z.number().int().min(1).max(36500),
});

const reviewV1 = z.object({
  cards: z.record(z.string(), reviewCardSchema),
  logs: z.array(reviewLogSchema),
  sessions: z.array(reviewSessionSchema),
  /** Absent until the learner changes a setting (then ts-fsrs defaults apply). */
  params: reviewParamsSchema.optional(),
});

const sandboxV1 = z.object({
  /** The simulator's own versioned snapshot, or null before the learner has a sandbox. */
  snapshot: z.unknown().nullable(),
  savedAt: z.string().nullable(),
});

export const currentSchemas = {
  settings: settingsV2,
  progress: progressV1,
  review: reviewV1,
  sandbox: sandboxV1,
} as const;

export type DocData = { [K in DocKey]: z.infer<(typeof currentSchemas)[K]> };

export { currentVersion, wrapDocument } from './document-version';

export const defaults: { [K in DocKey]: () => DocData[K] } = {
  settings: () => ({ theme: 'system', reviewDays: [6, 0], reminderTime: null }),
  progress: () => ({ notesRead: [], bookmarks: [], quizStats: {}, scenarios: {} }),
  review: () => ({ cards: {}, logs: [], sessions: [] }),
  sandbox: () => ({ snapshot: null, savedAt: null }),
};

/** Settings v1 knew only light/dark themes; v2 adds following the system and the weekend review days. */
const settingsV1 = z.object({ theme: z.enum(['light', 'dark']) });

type Migration = (data: unknown) => unknown;
/** migrations[key][n] turns a version-n document's data into version n+1. */
const migrations: Record<DocKey, Record<number, Migration>> = {
  settings: {
    1: (data) => ({ ...settingsV1.parse(data), reviewDays: [6, 0], reminderTime: null }),
  },
  progress: {},
  review: {},
  sandbox: {},
};

export const storedDocument = z.object({ version: z.number().int().min(1), data: z.unknown() });
export type StoredDocument = z.infer<typeof storedDocument>;

export class DocumentError extends Error {
  constructor(
    readonly key: DocKey,
    readonly reasonKo: string,
  ) {
    super(`${key}: ${reasonKo}`);
  }
}

/** Validates a stored document and brings it to the current version, or throws DocumentError in Korean. */
export function upgradeDocument<K extends DocKey>(key: K, raw: unknown): DocData[K] {
  const envelope = storedDocument.safeParse(raw);
  if (!envelope.success) throw new DocumentError(key, '문서 형식({ version, data })이 아닙니다.');
  let { version, data } = envelope.data;
  const target = currentVersion[key];
  if (version > target) {
    throw new DocumentError(key, `이 앱보다 새로운 버전(v${version})에서 저장된 데이터입니다. 앱을 업데이트하세요.`);
  }
  try {
    while (version < target) {
      const step = migrations[key][version];
      if (!step) throw new DocumentError(key, `v${version}에서 v${version + 1}로 옮기는 방법이 없습니다.`);
      data = step(data);
      version += 1;
    }
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(key, `v${version} 데이터를 옮기지 못했습니다: 내용이 올바르지 않습니다.`);
  }
  const parsed = currentSchemas[key].safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(최상위)';
    throw new DocumentError(key, `내용이 올바르지 않습니다 (${where}).`);
  }
  return parsed.data as DocData[K];
}

export const docLabelsKo: Record<DocKey, string> = {
  settings: '설정',
  progress: '학습 진도',
  review: '복습 기록',
  sandbox: '시뮬레이터 샌드박스',
};
