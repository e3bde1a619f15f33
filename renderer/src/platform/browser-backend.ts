import { LowSync } from 'lowdb';
import { LocalStorage } from 'lowdb/browser';
import type { DocKey, StoredDocument } from '../../../electron/common/documents';
import { type StorageBackend, quarantineName } from '../../../electron/common/storage-core';

const PREFIX = 'trailwatch:';

/** Documents in the browser's localStorage through lowdb, one key per document, same rules as the Electron files. */
export function createBrowserBackend(now: () => Date = () => new Date()): StorageBackend {
  const keyOf = (key: DocKey) => `${PREFIX}${key}`;
  const dbOf = (key: DocKey) => new LowSync<unknown>(new LocalStorage<unknown>(keyOf(key)), null);
  return {
    async read(key) {
      const db = dbOf(key);
      db.read(); // throws on unparseable JSON
      return db.data === null ? undefined : db.data;
    },
    async write(key, doc: StoredDocument) {
      const db = dbOf(key);
      db.data = doc;
      db.write();
    },
    async quarantine(key) {
      const name = quarantineName(keyOf(key), now());
      const value = localStorage.getItem(keyOf(key));
      if (value !== null) localStorage.setItem(name, value);
      localStorage.removeItem(keyOf(key));
      return name;
    },
    async remove(key) {
      localStorage.removeItem(keyOf(key));
    },
    describeLocation: () => '이 브라우저의 저장소(localStorage, "trailwatch:"로 시작하는 키)',
  };
}
