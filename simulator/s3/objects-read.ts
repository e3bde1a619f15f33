// Which stored objects a request reads the bytes of (their body, size, ETag or metadata). A host asks this
// before running the request: some objects' bytes are made on first read (CloudTrail's digests, signed then,
// a whole chain at once after a long fast-forward), and a host that can make them faster elsewhere does so
// first. Never changes an answer: reading first or making first gives the same bytes.
import type { JsonObject } from '../core/contract';
import { str } from '../core/service';

/** Objects by bucket and key. */
export type ObjectsWanted = (bucket: string, key: string) => boolean;

/** The objects `api` with `params` reads, or undefined when it reads none. A listing counts each object it
 *  would list whole (a folder's subfolders are not read), ignoring its page limits: at worst a little more. */
export function objectsReadBy(api: string, params: JsonObject): ObjectsWanted | undefined {
  const bucket = str(params, 'Bucket');
  if (bucket === undefined) return undefined;
  switch (api) {
    case 's3:GetObject':
    case 's3:HeadObject': {
      const key = str(params, 'Key');
      return key === undefined ? undefined : (b, k) => b === bucket && k === key;
    }
    case 's3:ListObjectsV2': {
      const prefix = str(params, 'Prefix') ?? '';
      const delimiter = str(params, 'Delimiter') || undefined;
      return (b, k) => b === bucket && k.startsWith(prefix) && (delimiter === undefined || k.indexOf(delimiter, prefix.length) < 0);
    }
  }
  return undefined;
}
