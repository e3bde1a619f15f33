// The UI's handle on the simulator worker: typed requests, validated answers, and a feed of what changed.
// Nothing here keeps simulator state; views ask (inspect) or listen (pushes).
import { fromWorkerSchema, valueSchemas, type Delivered, type FromWorker, type InputNotice, type SimRequest, type ValueOf } from './worker/protocol';

export type Push = Exclude<FromWorker, { id: number }>;

export interface MessagePort {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  terminate?(): void;
}

/** The requests of a save: not the learner's activity. */
const SAVING = new Set<SimRequest['kind']>(['save', 'saveHeld', 'storeHeld', 'dropHeld']);
/** The requests during which a save is being packed (the packing worker is told of the page's input then). */
const PACKING = new Set<SimRequest['kind']>(['save', 'saveHeld']);
/** Input notices go at most this often (as the simulator's worker tells the packer of requests). */
export const INPUT_NOTICE_EVERY_MS = 50;

export class SimClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { kind: SimRequest['kind']; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(p: Push) => void>();

  constructor(private readonly port: MessagePort) {
    port.onmessage = (e) => this.receive(e.data);
  }

  /** performance.now() when a request other than a save was last made or answered: saves wait for a quiet
   *  moment, with nothing else waiting on the worker (a long request, such as repeated traffic, is activity). */
  lastActivityMs = -Infinity;
  private busy = 0;

  get quietForMs(): number {
    return this.busy > 0 ? 0 : performance.now() - this.lastActivityMs;
  }

  /** Saves being packed (requests asked and not answered). */
  private packing = 0;
  private inputToldAt = -Infinity;
  /** A notice for input that came within INPUT_NOTICE_EVERY_MS of the last one told, so the last is always told. */
  private inputLater: ReturnType<typeof setTimeout> | undefined;

  /**
   * The learner scrolled, typed or clicked somewhere in the page. A save being packed meanwhile is told (at most
   * every INPUT_NOTICE_EVERY_MS, the last input always), so that it pauses: on two cores, packing competed with the
   * page's own rendering for frames (bench: 33 ms frames while switching screens with a save packing). When a save
   * starts is left as it was (after a quiet moment in requests): waiting for the learner to stop typing or
   * scrolling as well could hold a change unsaved for the 30 s a save may wait.
   */
  noteInput(): void {
    if (this.packing === 0) return;
    const now = performance.now();
    if (now - this.inputToldAt >= INPUT_NOTICE_EVERY_MS) {
      this.inputToldAt = now;
      this.port.postMessage({ input: true } satisfies InputNotice);
    } else {
      this.inputLater ??= setTimeout(() => {
        this.inputLater = undefined;
        this.noteInput();
      }, INPUT_NOTICE_EVERY_MS - (now - this.inputToldAt));
    }
  }

  request<K extends SimRequest['kind']>(req: Extract<SimRequest, { kind: K }>): Promise<ValueOf<K>> {
    const id = this.nextId++;
    const answered = new Promise<ValueOf<K>>((resolve, reject) => {
      this.waiting.set(id, { kind: req.kind, resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ id, req });
    });
    if (PACKING.has(req.kind)) {
      this.packing++;
      // Counted down however it ends; the caller handles the answer or the failure (a closed client leaves it
      // waiting, and the count with it: nothing is told to a worker that is gone).
      void answered.then(
        () => this.packing--,
        () => this.packing--,
      );
    }
    if (SAVING.has(req.kind)) return answered;
    this.lastActivityMs = performance.now();
    this.busy++;
    return answered.finally(() => {
      this.busy--;
      this.lastActivityMs = performance.now();
    });
  }

  on(listener: (p: Push) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the worker. Requests still waiting are dropped, never answered: their screens are going too (a reset,
   *  an import), and many ask and forget (`void client.request(…).then(…)`), so a rejection here surfaced as the
   *  page's unhandled errors whenever a panel's request was in flight at that moment. */
  close(): void {
    this.port.terminate?.();
    this.waiting.clear();
    if (this.inputLater) clearTimeout(this.inputLater);
    this.inputLater = undefined;
  }

  private receive(raw: unknown): void {
    const parsed = fromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('simulator worker sent an unreadable message', parsed.error.issues);
      return;
    }
    const m = parsed.data;
    if ('id' in m) {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (!m.ok) return w.reject(new Error(m.errorKo));
      const value = valueSchemas[w.kind].safeParse(m.value);
      if (!value.success) return w.reject(new Error(`시뮬레이터 응답 형식이 올바르지 않습니다 (${w.kind})`));
      w.resolve(value.data);
      return;
    }
    for (const l of this.listeners) l(m);
  }
}

export function openSimWorker(): SimClient {
  const worker = new Worker(new URL('./worker/sim-worker.ts', import.meta.url), { type: 'module' });
  return new SimClient(worker as unknown as MessagePort);
}

export type { Delivered };
