import { BRIDGE_NAME } from '../../../electron/common/ipc';
import type { TrailwatchStorage } from '../../../electron/common/storage-api';
import { createStorage } from '../../../electron/common/storage-core';
import { createBrowserBackend } from './browser-backend';

export interface Platform {
  kind: 'electron' | 'web';
  storage: TrailwatchStorage;
}

declare global {
  interface Window {
    [BRIDGE_NAME]?: { platform: 'electron'; storage: TrailwatchStorage };
  }
}

/** Whether the app's documents are in this browser's IndexedDB (the web build), not behind Electron's bridge. */
export function documentsInBrowser(): boolean {
  return !window[BRIDGE_NAME];
}

/** In Electron the preload provides storage over IPC; in a browser the same API runs on IndexedDB. */
export function detectPlatform(): Platform {
  const bridge = window[BRIDGE_NAME];
  if (bridge) return { kind: 'electron', storage: bridge.storage };
  return { kind: 'web', storage: createStorage(createBrowserBackend()) };
}
