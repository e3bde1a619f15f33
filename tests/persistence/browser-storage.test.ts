// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, createStore, entries, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../electron/common/storage-core';
import { createBrowserBackend, IDB_NAME, IDB_STORE } from '../../renderer/src/platform/browser-backend';
import { writeDocument } from '../../renderer/src/platform/idb-documents';
import { describeStorageContract } from './storage-contract';

const store = createStore(IDB_NAME, IDB_STORE);

describeStorageContract('browser (lowdb over IndexedDB)', async () => {
  localStorage.clear();
  await clear(store);
  const reopen = () => createStorage(createBrowserBackend());
  return {
    storage: reopen(),
    reopen,
    async writeRaw(key: string, text: string) {
      await set(`trailwatch:${key}`, text, store);
    },
    async readRaw(key: string) {
      return (await get<string>(`trailwatch:${key}`, store)) ?? undefined;
    },
    async quarantined() {
      const kept = new Map<string, string>();
      for (const [k, v] of await entries<string, string>(store)) if (k.includes('.corrupt-')) kept.set(k, v);
      return kept;
    },
    async cleanup() {
      localStorage.clear();
      await clear(store);
    },
  };
});

describe('browser storage moving from localStorage', () => {
  it('reads a document an earlier version kept in localStorage, and moves it on the next save', async () => {
    localStorage.clear();
    await clear(store);
    localStorage.setItem('trailwatch:settings', JSON.stringify({ version: 2, data: { theme: 'dark', reviewDays: [6, 0], reminderTime: null } }));
    const storage = createStorage(createBrowserBackend());
    const loaded = await storage.load('settings');
    expect(loaded.data.theme).toBe('dark');
    await storage.save('settings', { ...loaded.data, theme: 'light' });
    expect(localStorage.getItem('trailwatch:settings')).toBeNull();
    expect(JSON.parse((await get<string>('trailwatch:settings', store))!)).toMatchObject({ data: { theme: 'light' } });
  });

  it('saves a document far beyond localStorage quota (a busy sandbox)', async () => {
    await clear(store);
    const storage = createStorage(createBrowserBackend());
    const big = 'x'.repeat(20 * 1024 * 1024);
    await storage.save('sandbox', { snapshot: { format: 'trailwatch-snapshot+json+gzip+base64', data: big, jsonChars: big.length }, savedAt: '2026-11-26T00:00:00.000Z' });
    const back = await createStorage(createBrowserBackend()).load('sandbox');
    expect((back.data.snapshot as { data: string }).data.length).toBe(big.length);
  });
});

describe('the sandbox written by the packing worker (idb-documents.ts)', () => {
  const doc = { snapshot: { format: 'trailwatch-snapshot+json+gzip+base64', data: 'H4sIAAAA', jsonChars: 8 }, savedAt: '2026-11-27T00:00:00.000Z' };

  it('is the same text the storage API saves, and loads back through it', async () => {
    await clear(store);
    await createStorage(createBrowserBackend()).save('sandbox', doc);
    const byApi = await get<string>('trailwatch:sandbox', store);
    await clear(store);
    await writeDocument('sandbox', doc);
    expect(await get<string>('trailwatch:sandbox', store)).toBe(byApi);
    expect((await createStorage(createBrowserBackend()).load('sandbox')).data).toEqual(doc);
  });
});
