import type { CloudTrailRecord, Json } from './contract';

/** Every consequence the simulation reports, so views and scenario checks listen instead of diffing state. */
export type SimEvent =
  | { type: 'call.completed'; api: string; ok: boolean; errorCode?: string; atMs: number }
  | { type: 'record.written'; record: CloudTrailRecord; routing: Json }
  | { type: 'clock.advanced'; fromMs: number; toMs: number };

type Listener = (e: SimEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: SimEvent): void {
    for (const l of this.listeners) l(e);
  }
}
