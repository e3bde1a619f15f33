// What every simulator view shares: the worker client, who acts from where, the clock, and the call log.
// The call log holds what the worker reported (results, routing, later events), not simulator state.
import { createContext, useContext } from 'react';
import type { SimClient } from './sim-client';
import type { CallOutcome, Delivered, UiCallContext } from './worker/protocol';

export interface FlowEntry {
  id: number;
  outcome: CallOutcome;
  /** What else the call caused right away, besides its record (rule matched, notification sent…). */
  later: SimEventLike[];
  /** Marks the calls that built the sandbox. */
  setup?: boolean;
}

export type SimEventLike = { type: string; [k: string]: unknown };

export interface SimSession {
  client: SimClient;
  accountId: string;
  regions: string[];
  nowMs: number;
  speed: number;
  ctx: UiCallContext;
  setCtx(next: UiCallContext): void;
  flows: FlowEntry[];
  selectedFlow: number | null;
  selectFlow(id: number): void;
  deliveries: ReadonlyMap<string, Delivered>;
  /** What happened as the clock moved (alarms changing, scheduled rules…), newest last. */
  feed: { atMs: number; event: SimEventLike }[];
  /** Bumped whenever the account changed, so views that read (inspect) read again. */
  revision: number;
  /** Bumped when the account itself is replaced (a start, a new sandbox): a view that adds only what is new
   *  since it last read (the event history's rows) reads everything again. Absent: such views always do. */
  epoch?: number;
  /** Asks every view to read again (after an unrecorded sim:* change such as marking mail read). */
  refresh(): void;
  /** Makes a real, recorded call as the current identity, region and channel, and shows its flow. */
  run(api: string, params: Record<string, unknown>, ctx?: UiCallContext): Promise<CallOutcome>;
  go(tab: SimTab): void;
  /** A delivered file the learner asked to open from the flow; the bucket browser opens it. */
  fileRequest: { bucket: string; key: string } | null;
  openFile(bucket: string, key: string): void;
}

export type SimTab = 'act' | 'history' | 'trails' | 'inbox';

export const SimContext = createContext<SimSession | null>(null);

export function useSim(): SimSession {
  const s = useContext(SimContext);
  if (!s) throw new Error('useSim outside the simulator area');
  return s;
}

export const deliveryKey = (eventId: string, trailArn: string) => `${eventId}|${trailArn}`;
