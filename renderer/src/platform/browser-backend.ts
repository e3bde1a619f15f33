// Documents in the browser's IndexedDB through lowdb (an async adapter over idb-keyval), one JSON text per
// document, same rules as the Electron files. IndexedDB rather than localStorage: a busy sandbox is several
// megabytes, beyond localStorage's quota, and IndexedDB writes do not block the page. Documents an earlier
// version kept in localStorage are read from there until the first save moves them.
import { Low } from 'lowdb';
import { del, get, set, type UseStore } from 'idb-keyval';
import type { DocKey, StoredDocument } from '../../../electron/common/documents';
import { type StorageBackend, quarantineName } from '../../../electron/common/storage-core';
import { DOC_PREFIX, documentsStore, IDB_NAME, keyOf } from './idb-documents';

export { IDB_NAME, IDB_STORE } from './idb-documents';

/** lowdb adapter: the document as JSON text under one IndexedDB key (unparseable text throws on read). */
class IdbJsonAdapter<T> {
  constructor(
    private readonly key: string,
    private readonly store: UseStore,
    private readonly legacyKey: string,
  ) {}

  async read(): Promise<T | null> {
    const text = (await get<string>(this.key, this.store)) ?? localStorage.getItem(this.legacyKey);
    return text === null || text === undefined ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    // Serialising and handing over a big document (a busy sandbox) are separate tasks on the UI thread.
    if (text.length > 1_000_000) await new Promise((r) => setTimeout(r, 0));
    await set(this.key, text, this.store);
    localStorage.removeItem(this.legacyKey);
  }
}

export function createBrowserBackend(now: () => Date = () => new Date()): StorageBackend {
  const store = documentsStore();
  const dbOf = (key: DocKey) => new Low<unknown>(new IdbJsonAdapter<unknown>(keyOf(key), store, keyOf(key)), null);
  return {
    async read(key) {
      const db = dbOf(key);
      await db.read(); // throws on unparseable JSON
      return db.data === null ? undefined : db.data;
    },
    async write(key, doc: StoredDocument) {
      const db = dbOf(key);
      db.data = doc;
      await db.write();
    },
    async quarantine(key) {
      const name = quarantineName(keyOf(key), now());
      const value = (await get<string>(keyOf(key), store)) ?? localStorage.getItem(keyOf(key));
      if (value !== null && value !== undefined) await set(name, value, store);
      await del(keyOf(key), store);
      localStorage.removeItem(keyOf(key));
      return name;
    },
    async remove(key) {
      await del(keyOf(key), store);
      localStorage.removeItem(keyOf(key));
    },
    describeLocation: () => `이 브라우저의 IndexedDB("${IDB_NAME}" 데이터베이스, "${DOC_PREFIX}"로 시작하는 키)`,
  };
}
