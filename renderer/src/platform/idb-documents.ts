// Where and how the browser keeps the app's documents: one JSON text per document in an IndexedDB object store.
// Shared by the page's storage (browser-backend.ts) and the packing worker, which writes the sandbox itself so the
// UI thread never holds its text (several megabytes: stringifying and storing it there took 84–156 ms a save).
import { createStore, set, type UseStore } from 'idb-keyval';
import type { DocData, DocKey } from '../../../electron/common/documents';
import { wrapDocument } from '../../../electron/common/document-version';

/** The IndexedDB database and object store the app's documents live in. */
export const IDB_NAME = 'trailwatch';
export const IDB_STORE = 'documents';
export const DOC_PREFIX = 'trailwatch:';

/** A document's IndexedDB key (also its key in localStorage, where an earlier version kept it). */
export const keyOf = (key: DocKey): string => `${DOC_PREFIX}${key}`;

let store: UseStore | undefined;
/** The object store, opened once per page or worker. */
export function documentsStore(): UseStore {
  return (store ??= createStore(IDB_NAME, IDB_STORE));
}

/** The text a document is stored as, wrapped with its version as the storage API's save writes it. Not checked
 *  against the document's schema here (that would bundle zod into the packing worker): the one caller, the
 *  packing worker, writes the sandbox it packed itself, with a time the simulator's worker already checked. */
export function documentText<K extends DocKey>(key: K, data: DocData[K]): string {
  return JSON.stringify(wrapDocument(key, data));
}

/** Stores a document's text, as the browser backend does (the caller removes any legacy localStorage copy: a
 *  worker has no localStorage). */
export function writeDocument<K extends DocKey>(key: K, data: DocData[K]): Promise<void> {
  return set(keyOf(key), documentText(key, data), documentsStore());
}
