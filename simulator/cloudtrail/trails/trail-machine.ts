// One trail's lifecycle as an xstate machine: created not logging (the CreateTrail API leaves IsLogging
// false), StartLogging/StopLogging toggle it, configuration changes are allowed in both states, and a
// deleted trail accepts nothing more.
import { assign, setup } from 'xstate';
import { noted, type DeliveryNote } from './delivery-notes';
import type { InsightSelector, InsightType, TrailConfig, TrailSelectors, TrailStatus } from './trail-types';

export interface TrailContext {
  config: TrailConfig;
  status: TrailStatus;
}

export type TrailEvent =
  | { type: 'trail.startLogging'; atMs: number }
  | { type: 'trail.stopLogging'; atMs: number }
  | { type: 'trail.update'; config: TrailConfig }
  | { type: 'trail.putEventSelectors'; selectors: TrailSelectors }
  | { type: 'trail.putInsightSelectors'; insightSelectors: InsightSelector[]; atMs: number }
  | DeliveryNote
  | { type: 'trail.deliveriesNoted'; status: TrailStatus }
  | { type: 'trail.delete' };

/** Insights restart their learning period for every selected type when logging starts; a type that stays
 *  selected across PutInsightSelectors keeps its start, a newly added one starts now. */
function insightsSince(selectors: InsightSelector[], previous: TrailStatus['insightsSinceMs'], atMs: number, restart: boolean): TrailStatus['insightsSinceMs'] {
  const since: Partial<Record<InsightType, number>> = {};
  for (const s of selectors) since[s.InsightType] = restart ? atMs : (previous?.[s.InsightType] ?? atMs);
  return since;
}

function isDeliveryNote(event: TrailEvent): event is DeliveryNote {
  return event.type === 'trail.delivered' || event.type === 'trail.digestDelivered' || event.type === 'trail.deliveryFailed';
}

export const trailMachine = setup({
  types: {
    context: {} as TrailContext,
    events: {} as TrailEvent,
    input: {} as { config: TrailConfig },
  },
  actions: {
    markStarted: assign({
      status: ({ context, event }) =>
        event.type === 'trail.startLogging'
          ? {
              ...context.status,
              isLogging: true,
              startLoggingMs: event.atMs,
              insightsSinceMs: insightsSince(context.config.insightSelectors, context.status.insightsSinceMs, event.atMs, true),
            }
          : context.status,
    }),
    markStopped: assign({
      status: ({ context, event }) =>
        event.type === 'trail.stopLogging' ? { ...context.status, isLogging: false, stopLoggingMs: event.atMs } : context.status,
    }),
    replaceConfig: assign({
      config: ({ context, event }) => (event.type === 'trail.update' ? event.config : context.config),
    }),
    replaceSelectors: assign({
      config: ({ context, event }) =>
        event.type === 'trail.putEventSelectors' ? { ...context.config, selectors: event.selectors } : context.config,
    }),
    replaceInsightSelectors: assign({
      config: ({ context, event }) =>
        event.type === 'trail.putInsightSelectors' ? { ...context.config, insightSelectors: event.insightSelectors } : context.config,
      status: ({ context, event }) =>
        event.type === 'trail.putInsightSelectors'
          ? { ...context.status, insightsSinceMs: insightsSince(event.insightSelectors, context.status.insightsSinceMs, event.atMs, false) }
          : context.status,
    }),
    noteDelivery: assign({
      status: ({ context, event }) => (isDeliveryNote(event) ? noted(context.status, event) : context.status),
    }),
    // The registry's fold of several delivery results (delivery-notes.ts), built on the status the trail has.
    applyNotes: assign({
      status: ({ context, event }) => (event.type === 'trail.deliveriesNoted' ? event.status : context.status),
    }),
    markDeleted: assign({ status: ({ context }) => ({ ...context.status, isLogging: false }) }),
  },
}).createMachine({
  id: 'trail',
  context: ({ input }) => ({ config: input.config, status: { isLogging: false } }),
  initial: 'notLogging',
  on: {
    'trail.update': { actions: 'replaceConfig' },
    'trail.putEventSelectors': { actions: 'replaceSelectors' },
    'trail.putInsightSelectors': { actions: 'replaceInsightSelectors' },
    'trail.delivered': { actions: 'noteDelivery' },
    'trail.digestDelivered': { actions: 'noteDelivery' },
    'trail.deliveryFailed': { actions: 'noteDelivery' },
    'trail.deliveriesNoted': { actions: 'applyNotes' },
    'trail.delete': { target: '.deleted', actions: 'markDeleted' },
  },
  states: {
    notLogging: {
      on: { 'trail.startLogging': { target: 'logging', actions: 'markStarted' } },
    },
    logging: {
      on: { 'trail.stopLogging': { target: 'notLogging', actions: 'markStopped' } },
    },
    deleted: {
      type: 'final',
    },
  },
});
