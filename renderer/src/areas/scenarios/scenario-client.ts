// The UI's handle on the scenario worker: typed moves with validated answers, traffic progress, and a SimClient
// over the same worker so the simulator screen's ActionForm reads existing resources from the scenario's account.
import { SimClient, type MessagePort } from '../simulator/sim-client';
import { fromWorkerSchema, type MoveResult, type ScenarioRequest } from './worker/scenario-protocol';

export class ScenarioClient {
  readonly sim: SimClient;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: MoveResult) => void; reject: (e: Error) => void }>();
  private readonly progress = new Set<(done: number, total: number) => void>();
  private readonly simPort: MessagePort;

  constructor(private readonly port: MessagePort) {
    this.simPort = { postMessage: (message) => port.postMessage({ lane: 'sim', message }), onmessage: null };
    this.sim = new SimClient(this.simPort);
    port.onmessage = (e) => this.receive(e.data);
  }

  request(req: ScenarioRequest): Promise<MoveResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.postMessage({ lane: 'scenario', id, req });
    });
  }

  onProgress(listener: (done: number, total: number) => void): () => void {
    this.progress.add(listener);
    return () => this.progress.delete(listener);
  }

  close(): void {
    this.port.terminate?.();
    for (const w of this.waiting.values()) w.reject(new Error('시나리오 실행기가 닫혔습니다'));
    this.waiting.clear();
  }

  private receive(raw: unknown): void {
    const parsed = fromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('scenario worker sent an unreadable message', parsed.error.issues);
      return;
    }
    const m = parsed.data;
    if (m.lane === 'sim') return this.simPort.onmessage?.({ data: m.message } as MessageEvent);
    if (m.lane === 'progress') {
      for (const l of this.progress) l(m.done, m.total);
      return;
    }
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.errorKo));
  }
}

export function openScenarioWorker(): ScenarioClient {
  const worker = new Worker(new URL('./worker/scenario-worker.ts', import.meta.url), { type: 'module' });
  return new ScenarioClient(worker as unknown as MessagePort);
}
