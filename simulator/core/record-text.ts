// A record's JSON text, made once however many parts of the account need it: CloudTrail's event history and
// trails keep it, EventBridge hands it (inside the event) to targets. They see a record one after another
// within the call that made it, so remembering the last record is enough; a nested call in between only costs
// a second stringify. Records are never changed once built, which is what makes the text safe to reuse.
import type { CloudTrailRecord } from './contract';

let last: CloudTrailRecord | undefined;
let lastText = '';

/** Exactly `JSON.stringify(record)`. */
export function recordText(record: CloudTrailRecord): string {
  if (record !== last) {
    lastText = JSON.stringify(record);
    last = record;
  }
  return lastText;
}
