// A second worker that only compresses saved sandboxes: the simulator's worker hands it the snapshot's JSON text
// and goes on answering the learner's calls while this one gzips and encodes it.
import { packText } from './snapshot-pack';

self.onmessage = (e: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = e.data;
  packText(text).then(
    (packed) => self.postMessage({ id, packed }),
    (err: Error) => self.postMessage({ id, error: err.message }),
  );
};
