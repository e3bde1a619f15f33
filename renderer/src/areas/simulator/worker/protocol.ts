// The one message protocol between the simulator screen and the worker that hosts the Account.
// Both sides validate what they receive with these schemas: a message is untrusted until parsed.
import { z } from 'zod';
import { PARTS_FORMAT } from './snapshot-pack';

export const CHANNELS = ['console', 'cli', 'sdk'] as const;
export const SPEEDS = [0, 1, 60, 600] as const;

const json: z.ZodType<unknown> = z.unknown();
const jsonObject = z.record(z.string(), json);
export const callContextSchema = z.object({ as: z.string().min(1), region: z.string().min(1), via: z.enum(CHANNELS) });
export type UiCallContext = z.infer<typeof callContextSchema>;

export const TRAFFIC_MAX_PER_MINUTE = 10_000;
/** 90 days: what event history keeps. */
export const TRAFFIC_MAX_MINUTES = 90 * 1440;
export const TRAFFIC_MAX_CALLS = 2_000_000;

export const HISTORY_KEYS = ['EventName', 'EventSource', 'Username', 'ResourceType', 'ResourceName', 'EventId', 'AccessKeyId', 'ReadOnly'] as const;

export const historyQuerySchema = z.object({
  region: z.string().min(1),
  attribute: z.object({ key: z.enum(HISTORY_KEYS), value: z.string().min(1).max(2000) }).optional(),
  startMs: z.number().optional(),
  endMs: z.number().optional(),
  /** Applied on top of the lookup attribute (LookupEvents takes only one attribute). */
  readOnly: z.enum(['true', 'false']).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const requestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), snapshot: json }),
  z.object({ kind: z.literal('reset') }),
  z.object({ kind: z.literal('call'), api: z.string().min(1), params: jsonObject, ctx: callContextSchema }),
  z.object({ kind: z.literal('inspect'), action: z.string().min(1), params: jsonObject, region: z.string().min(1) }),
  z.object({ kind: z.literal('advance'), ms: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('play'), speed: z.union(SPEEDS.map((s) => z.literal(s)) as [z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<60>, z.ZodLiteral<600>]) }),
  /** Event history rows, `limit` at a time (whole LookupEvents pages); `cursor` continues where the last stopped. */
  z.object({ kind: z.literal('history'), query: historyQuerySchema, limit: z.number().int().min(1).max(200_000).optional(), cursor: z.string().min(1).max(4000).optional() }),
  z.object({ kind: z.literal('download'), query: historyQuerySchema, format: z.enum(['csv', 'json']) }),
  z.object({ kind: z.literal('record'), region: z.string().min(1), eventId: z.string().min(1) }),
  /** One folder of a bucket, as the S3 console shows it: ListObjectsV2 with Delimiter "/" under `prefix`. */
  z.object({ kind: z.literal('objects'), bucket: z.string().min(1), region: z.string().min(1), prefix: z.string().max(1024).optional() }),
  /** When the oldest log file under a trail's [S3KeyPrefix/]AWSLogs/<account>/CloudTrail/ was written (null: none). */
  z.object({ kind: z.literal('oldestLogFile'), bucket: z.string().min(1), region: z.string().min(1), keyPrefix: z.string().max(1024), accountId: z.string().regex(/^\d{12}$/) }),
  z.object({ kind: z.literal('object'), bucket: z.string().min(1), key: z.string().min(1), region: z.string().min(1) }),
  z.object({ kind: z.literal('snapshot') }),
  /** The snapshot packed for storage in the worker (see snapshot-pack.ts). */
  z.object({ kind: z.literal('save') }),
  /** The same, kept in the packing worker instead of answered (the browser): then 'storeHeld' writes it as the
   *  sandbox document there, or 'dropHeld' forgets it, so the page's UI thread never holds its text. */
  z.object({ kind: z.literal('saveHeld') }),
  z.object({ kind: z.literal('storeHeld'), held: z.number().int(), savedAt: z.string().min(1) }),
  z.object({ kind: z.literal('dropHeld'), held: z.number().int() }),
  z.object({ kind: z.literal('catalog') }),
  /** Write management calls of one API per minute, from the event history (the Insights chart's line). */
  z.object({ kind: z.literal('callRate'), region: z.string().min(1), eventSource: z.string().min(1), eventName: z.string().min(1), startMs: z.number(), endMs: z.number() }),
  /** The simulator's own unrecorded calls (sim:ValidateLogs, sim:ReadInbox…): nothing AWS would see. They run
   *  as the learner (validate-logs uses the learner's credentials), hence a full call context. */
  z.object({ kind: z.literal('sim'), api: z.string().regex(/^sim:[A-Za-z]+$/), params: jsonObject, ctx: callContextSchema }),
  /** The same real call repeated: `perMinute` calls, then the clock +1 minute, `minutes` times (background
   *  traffic for an Insights baseline or a busy event history). */
  z.object({ kind: z.literal('traffic'), api: z.string().min(1), params: jsonObject, ctx: callContextSchema, perMinute: z.number().int().min(1).max(TRAFFIC_MAX_PER_MINUTE), minutes: z.number().int().min(1).max(TRAFFIC_MAX_MINUTES) }),
]);
export type SimRequest = z.infer<typeof requestSchema>;

export const envelopeSchema = z.object({ id: z.number().int(), req: requestSchema });
export type Envelope = z.infer<typeof envelopeSchema>;

/** The learner is scrolling, typing or clicking in the page while a save is under way: not a request (nothing
 *  answers it), only news for the packing worker, which then pauses (pack-pacer.ts). The page's own input never
 *  reaches the simulator's worker otherwise, and a save packing on one of two cores cost the page frames. */
export const inputNoticeSchema = z.object({ input: z.literal(true) });
export type InputNotice = z.infer<typeof inputNoticeSchema>;

/** A compact event-history row: enough for the table; the full record is fetched on selection. */
export const historyRowSchema = z.object({
  eventId: z.string(),
  eventName: z.string(),
  eventTime: z.string(),
  username: z.string(),
  eventSource: z.string(),
  resourceType: z.string(),
  resourceName: z.string(),
  readOnly: z.string(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const callOutcomeSchema = z.object({
  api: z.string(),
  ctx: callContextSchema,
  atMs: z.number(),
  ok: z.boolean(),
  response: jsonObject.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  records: z.array(jsonObject),
  routing: z.array(json),
});
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const startedSchema = z.object({
  accountId: z.string(),
  regions: z.array(z.string()),
  nowMs: z.number(),
  noticeKo: z.string().optional(),
  /** The real calls that built a new sandbox (empty when a saved one was restored). */
  setup: z.array(callOutcomeSchema),
});
export type Started = z.infer<typeof startedSchema>;

export const objectListSchema = z.array(z.object({ key: z.string(), size: z.number(), lastModified: z.string() }));
export const objectTextSchema = z.object({ text: z.string(), gzip: z.boolean() });

/** The part of a catalog entry the palette shows. */
export const catalogEntrySchema = z.object({
  api: z.string(),
  eventName: z.string(),
  readOnly: z.boolean(),
  category: z.enum(['Management', 'Data']),
  summaryKo: z.string(),
  recordedByCloudTrail: z.literal(false).optional(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** What each request answers; checked on the UI side before use. */
export const valueSchemas = {
  start: startedSchema,
  reset: startedSchema,
  call: callOutcomeSchema,
  inspect: z.object({ ok: z.boolean(), response: jsonObject.optional(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
  advance: z.object({ nowMs: z.number() }),
  play: z.object({ speed: z.number() }),
  history: z.object({ rows: z.array(historyRowSchema), truncated: z.boolean(), cursor: z.string().optional() }),
  download: z.object({ text: z.string(), count: z.number() }),
  record: z.object({ json: z.string().nullable() }),
  objects: z.object({ folders: z.array(z.string()), objects: objectListSchema }),
  oldestLogFile: z.object({ lastModified: z.string().nullable() }),
  object: objectTextSchema,
  snapshot: z.object({ snapshot: json }),
  save: z.object({ format: z.literal(PARTS_FORMAT), data: z.string(), jsonChars: z.number(), marker: z.string(), parts: z.array(z.number().int().nonnegative()) }),
  saveHeld: z.object({ id: z.number().int(), jsonChars: z.number() }),
  storeHeld: z.object({ stored: z.literal(true) }),
  dropHeld: z.object({ dropped: z.literal(true) }),
  catalog: z.array(catalogEntrySchema),
  callRate: z.object({ minutes: z.array(z.object({ t: z.number(), n: z.number() })), truncated: z.boolean() }),
  sim: z.object({ ok: z.boolean(), response: jsonObject.optional(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
  traffic: z.object({ calls: z.number(), failed: z.number(), errorCodes: z.array(z.string()), nowMs: z.number() }),
} satisfies Record<SimRequest['kind'], z.ZodType>;
export type ValueOf<K extends SimRequest['kind']> = z.infer<(typeof valueSchemas)[K]>;

/** A file a trail delivered that holds a record the learner made. */
export const deliveredSchema = z.object({ eventId: z.string(), trailArn: z.string(), bucket: z.string(), key: z.string(), atMs: z.number() });
export type Delivered = z.infer<typeof deliveredSchema>;

export const fromWorkerSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), value: json }),
  z.object({ id: z.number().int(), ok: z.literal(false), errorKo: z.string() }),
  z.object({ push: z.literal('clock'), nowMs: z.number(), speed: z.number() }),
  /** duringCall: the event is a consequence of the call being answered (not of the clock moving). */
  z.object({ push: z.literal('sim'), event: z.looseObject({ type: z.string() }), duringCall: z.boolean() }),
  z.object({ push: z.literal('delivered'), delivered: deliveredSchema }),
  z.object({ push: z.literal('changed') }),
  z.object({ push: z.literal('traffic'), done: z.number(), total: z.number() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
