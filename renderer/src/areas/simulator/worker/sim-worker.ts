// The Web Worker that runs the simulated account off the UI thread (fast-forwarding 91 days never freezes a screen).
// Saved sandboxes are compressed by a second worker, so packing a big one does not hold up the learner's calls.
import { SimHost, type HeldSaves } from './sim-host';
import { webCryptoSigner } from './digest-signer';
import { ColumnPool, transferables, type PackedSnapshot, type SnapshotParts } from './snapshot-pack';
import type { PackAnswer, PackMessage } from './pack-messages';
import { inputNoticeSchema } from './protocol';

const packer = new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' });
const waiting = new Map<number, { resolve: (a: PackAnswer) => void; reject: (e: Error) => void; packs: boolean }>();
/** Packings asked for and not answered yet: while there are any, the page's requests are told to the packer. */
let packing = 0;
/** When the packer was last told, so a burst of requests sends one message every BUSY_EVERY_MS. */
let toldBusyAt = -Infinity;
const BUSY_EVERY_MS = 50;
/** A told-later for a request that came within BUSY_EVERY_MS of the last told one, so the last is always told. */
let tellLater: ReturnType<typeof setTimeout> | undefined;
/** The page asked something, or is being answered: a packing under way gives way (pack-pacer.ts). Answers count
 *  too, so a long request (a fast-forward, during which the page's next requests wait unread) is heard of when
 *  it ends, not only when it began. */
function tellBusy(): void {
  if (packing === 0) return;
  const now = performance.now();
  if (now - toldBusyAt >= BUSY_EVERY_MS) {
    toldBusyAt = now;
    packer.postMessage({ op: 'busy', id: 0 } satisfies PackMessage);
  } else {
    tellLater ??= setTimeout(() => {
      tellLater = undefined;
      tellBusy();
    }, BUSY_EVERY_MS - (now - toldBusyAt));
  }
}
let nextId = 1;
const pool = new ColumnPool();
packer.onmessage = (e: MessageEvent<PackAnswer>) => {
  if (e.data.buffers) pool.give(e.data.buffers);
  const w = waiting.get(e.data.id);
  waiting.delete(e.data.id);
  if (!w) return;
  if (w.packs) packing--;
  if (e.data.error === undefined) w.resolve(e.data);
  else w.reject(new Error(e.data.error));
};
/** A message without its id (each kind of message on its own: Omit over the union would merge them). */
type Asked = PackMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;
const ask = (m: Asked): Promise<PackAnswer> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    const packs = 'parts' in m;
    waiting.set(id, { resolve, reject, packs });
    try {
      // The columns are this save's own copies: handed over, not copied again.
      packer.postMessage({ ...m, id }, packs ? transferables(m.parts) : []);
    } catch (e) {
      waiting.delete(id);
      throw e;
    }
    if (packs) packing++;
  });
const pack = (parts: SnapshotParts): Promise<PackedSnapshot> => ask({ op: 'pack', parts }).then((a) => a.packed!);
const keeper: HeldSaves = {
  hold: (parts) => ask({ op: 'hold', parts }).then((a) => a.held!),
  store: (held, savedAt) => ask({ op: 'store', held, savedAt }).then(() => undefined),
  drop: (held) => ask({ op: 'drop', held }).then(() => undefined),
};

// A task of its own, queued behind the UI's requests already waiting (a MessageChannel message; a timer
// would wait at least 4 ms once nested).
const channel = new MessageChannel();
const resumes: (() => void)[] = [];
channel.port1.onmessage = () => resumes.shift()?.();
const nextTask = () => new Promise<void>((resolve) => {
  resumes.push(resolve);
  channel.port2.postMessage(null);
});

const host = new SimHost(
  (m) => {
    // An answer (pushes such as the clock's carry no id) ends a request of the page's.
    if ('id' in m) tellBusy();
    self.postMessage(m);
  },
  { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) },
  pack,
  webCryptoSigner(),
  nextTask,
  keeper,
  pool,
);
self.onmessage = (e: MessageEvent) => {
  tellBusy();
  // Input in the page, told only for the packer's sake: no request, no answer.
  if (inputNoticeSchema.safeParse(e.data).success) return;
  host.receive(e.data);
};
