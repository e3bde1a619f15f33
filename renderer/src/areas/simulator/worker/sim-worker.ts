// The Web Worker that runs the simulated account off the UI thread (fast-forwarding 91 days never freezes a screen).
// Saved sandboxes are compressed by a second worker, so packing a big one does not hold up the learner's calls.
import { SimHost } from './sim-host';
import { webCryptoSigner } from './digest-signer';
import { transferables, type PackedSnapshot, type SnapshotParts } from './snapshot-pack';

const packer = new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' });
const waiting = new Map<number, { resolve: (p: PackedSnapshot) => void; reject: (e: Error) => void }>();
let nextId = 1;
packer.onmessage = (e: MessageEvent<{ id: number; packed?: PackedSnapshot; error?: string }>) => {
  const w = waiting.get(e.data.id);
  waiting.delete(e.data.id);
  if (!w) return;
  if (e.data.packed) w.resolve(e.data.packed);
  else w.reject(new Error(e.data.error ?? 'packing failed'));
};
const pack = (parts: SnapshotParts): Promise<PackedSnapshot> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    // The columns are this save's own copies: handed over, not copied again.
    packer.postMessage({ id, parts }, transferables(parts));
  });

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
  (m) => self.postMessage(m),
  { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) },
  pack,
  webCryptoSigner(),
  nextTask,
);
self.onmessage = (e: MessageEvent) => host.receive(e.data);
