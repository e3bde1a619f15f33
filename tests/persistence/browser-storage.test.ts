// @vitest-environment happy-dom
import { createStorage } from '../../electron/common/storage-core';
import { createBrowserBackend } from '../../renderer/src/platform/browser-backend';
import { describeStorageContract } from './storage-contract';

describeStorageContract('browser (lowdb localStorage)', async () => {
  localStorage.clear();
  const reopen = () => createStorage(createBrowserBackend());
  return {
    storage: reopen(),
    reopen,
    async writeRaw(key: string, text: string) {
      localStorage.setItem(`trailwatch:${key}`, text);
    },
    async readRaw(key: string) {
      return localStorage.getItem(`trailwatch:${key}`) ?? undefined;
    },
    async quarantined() {
      const kept = new Map<string, string>();
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k?.includes('.corrupt-')) kept.set(k, localStorage.getItem(k) ?? '');
      }
      return kept;
    },
    async cleanup() {
      localStorage.clear();
    },
  };
});
