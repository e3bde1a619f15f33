// A second worker that only compresses saved sandboxes: the simulator's worker hands it the snapshot's parts (its
// JSON text and the byte columns it left as bytes) and goes on answering the learner's calls while this one
// encodes, joins and gzips them.
import { packParts, type SnapshotParts } from './snapshot-pack';

self.onmessage = (e: MessageEvent<{ id: number; parts: SnapshotParts }>) => {
  const { id, parts } = e.data;
  packParts(parts).then(
    (packed) => self.postMessage({ id, packed }),
    (err: Error) => self.postMessage({ id, error: err.message }),
  );
};
