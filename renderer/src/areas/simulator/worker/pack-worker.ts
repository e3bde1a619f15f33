// A second worker that only packs saved sandboxes: the simulator's worker hands it the snapshot's parts (its JSON
// text and the large columns it copied as they were) and goes on answering the learner's calls while this one
// writes their saved form, joins and gzips them.
import { packParts, type SnapshotParts } from './snapshot-pack';

self.onmessage = (e: MessageEvent<{ id: number; parts: SnapshotParts }>) => {
  const { id, parts } = e.data;
  packParts(parts).then(
    (packed) => self.postMessage({ id, packed }),
    (err: Error) => self.postMessage({ id, error: err.message }),
  );
};
