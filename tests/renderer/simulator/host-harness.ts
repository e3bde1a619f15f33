// A SimHost driven as the UI drives the worker, with hand-run timers, for the worker-host tests.
import { expect } from 'vitest';
import { SimHost, type HeldSaves, type Timers } from '../../../renderer/src/areas/simulator/worker/sim-host';
import type { DigestSigner } from '../../../renderer/src/areas/simulator/worker/digest-signer';
import { fromWorkerSchema, type FromWorker } from '../../../renderer/src/areas/simulator/worker/protocol';
import type { Account } from '../../../simulator';

export type Reply = Extract<FromWorker, { id: number }>;

export function hostHarness(o: { signer?: DigestSigner; keeper?: HeldSaves } = {}) {
  const out: FromWorker[] = [];
  /** Every interval set, in order; a cleared one is replaced by a no-op and left out of `live`. */
  const intervals: (() => void)[] = [];
  const live = new Map<number, () => void>();
  const timers: Timers = {
    setInterval: (fn) => {
      live.set(intervals.length, fn);
      return intervals.push(fn) - 1;
    },
    clearInterval: (h) => {
      intervals[h as number] = () => {};
      live.delete(h as number);
    },
  };
  const host = new SimHost((m) => {
    // Everything the worker sends must pass the UI's own validation.
    expect(fromWorkerSchema.safeParse(m).success, JSON.stringify(m).slice(0, 200)).toBe(true);
    out.push(m);
  }, timers, undefined, o.signer, undefined, o.keeper);
  let id = 0;
  const ask = (req: unknown): Reply => {
    const my = ++id;
    host.receive({ id: my, req });
    const reply = out.find((m): m is Reply => 'id' in m && m.id === my);
    if (!reply) throw new Error('no reply');
    return reply;
  };
  const value = <T,>(req: unknown): T => {
    const r = ask(req);
    if (!r.ok) throw new Error(r.errorKo);
    return r.value as T;
  };
  /** For the requests answered asynchronously (packing, unpacking). */
  const later = async <T,>(req: unknown): Promise<T> => {
    const my = ++id;
    host.receive({ id: my, req });
    for (let i = 0; i < 200; i++) {
      const reply = out.find((m): m is Reply => 'id' in m && m.id === my);
      if (reply) {
        if (!reply.ok) throw new Error(reply.errorKo);
        return reply.value as T;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no reply within 2 s');
  };
  const account = () => (host as unknown as { account: Account }).account;
  return { host, out, ask, value, later, intervals, live, account };
}
