import { mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { DocKey, StoredDocument } from '../common/documents';
import { type StorageBackend, quarantineName } from '../common/storage-core';

/** One lowdb JSON file per document in `dir`; lowdb's steno writer makes each write atomic (temp file + rename). */
export function createFileBackend(dir: string, now: () => Date = () => new Date()): StorageBackend {
  const dbs = new Map<DocKey, Low<unknown>>();
  const fileOf = (key: DocKey) => join(dir, `${key}.json`);
  const dbOf = (key: DocKey) => {
    let db = dbs.get(key);
    if (!db) {
      db = new Low<unknown>(new JSONFile<unknown>(fileOf(key)), null);
      dbs.set(key, db);
    }
    return db;
  };

  return {
    async read(key) {
      const db = dbOf(key);
      await db.read(); // throws on unparseable JSON; missing file leaves the default (null)
      return db.data === null ? undefined : db.data;
    },
    async write(key, doc: StoredDocument) {
      await mkdir(dir, { recursive: true });
      const db = dbOf(key);
      db.data = doc;
      await db.write();
    },
    async quarantine(key) {
      const name = quarantineName(`${key}`, now()) + '.json';
      if (existsSync(fileOf(key))) await rename(fileOf(key), join(dir, name));
      dbs.delete(key);
      return name;
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
      dbs.delete(key);
    },
    describeLocation: () => dir,
  };
}
