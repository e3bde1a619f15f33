// A second worker that only packs saved sandboxes: the simulator's worker hands it the snapshot's parts (its JSON
// text and the large columns it copied as they were) and goes on answering the learner's calls while this one
// writes their saved form, joins and gzips them. In the browser it also stores the packed sandbox itself
// ('hold', then 'store' once the page has checked the sandbox is still the learner's), so the page's UI thread
// never receives or stringifies its megabytes.
import { writeDocument } from '../../../platform/idb-documents';
import { packParts, transferables, type PackedSnapshot, type SnapshotParts } from './snapshot-pack';
import type { PackMessage } from './pack-messages';
import { PackPacer } from './pack-pacer';

// A task of its own (a MessageChannel message: a timer waits at least 4 ms once nested), so the 'busy' messages
// waiting are handled before packing goes on.
const channel = new MessageChannel();
const resumes: (() => void)[] = [];
channel.port1.onmessage = () => resumes.shift()?.();
const pacer = new PackPacer({
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  nextTask: () =>
    new Promise<void>((resolve) => {
      resumes.push(resolve);
      channel.port2.postMessage(null);
    }),
});

/** The packed sandbox waiting for the page's word: one at a time (the page saves one at a time). */
const held = new Map<number, PackedSnapshot>();

const reply = (id: number, result: Promise<object>, parts?: SnapshotParts): void => {
  // The parts' column buffers go back once packed (or not): the simulator's worker copies the next save into them.
  const buffers = parts ? transferables(parts) : [];
  result.then(
    (r) => self.postMessage({ id, ...r, buffers }, { transfer: buffers }),
    (err: Error) => self.postMessage({ id, error: err.message, buffers }, { transfer: buffers }),
  );
};

self.onmessage = (e: MessageEvent<PackMessage>) => {
  const m = e.data;
  switch (m.op) {
    case 'busy':
      return pacer.busy();
    case 'pack':
      return reply(m.id, packParts(m.parts, pacer.forSave()).then((packed) => ({ packed })), m.parts);
    case 'hold':
      return reply(m.id, packParts(m.parts, pacer.forSave()).then((packed) => {
        held.clear();
        held.set(m.id, packed);
        return { held: { id: m.id, jsonChars: packed.jsonChars } };
      }), m.parts);
    case 'store': {
      const packed = held.get(m.held);
      held.delete(m.held);
      if (!packed) return reply(m.id, Promise.reject(new Error('저장할 샌드박스가 더 이상 없습니다')));
      return reply(m.id, writeDocument('sandbox', { snapshot: packed, savedAt: m.savedAt }).then(() => ({ stored: true })));
    }
    case 'drop':
      held.delete(m.held);
      return reply(m.id, Promise.resolve({ dropped: true }));
  }
};
