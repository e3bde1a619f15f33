// Each document's current version and how a document is wrapped with it for storage: kept apart from the
// schemas (documents.ts) so the browser's packing worker can write the sandbox without bundling zod again.
import type { DocData, DocKey } from './documents';

export const currentVersion: Record<DocKey, number> = { settings: 2, progress: 1, review: 1, sandbox: 1 };

export function wrapDocument<K extends DocKey>(key: K, data: DocData[K]): { version: number; data: DocData[K] } {
  return { version: currentVersion[key], data };
}
