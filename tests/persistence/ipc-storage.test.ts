import { describe, expect, it } from 'vitest';
import { createStorage } from '../../electron/common/storage-core';
import { createFileBackend } from '../../electron/main/file-backend';
import { registerIpc } from '../../electron/main/ipc-handlers';
import { createIpcStorage } from '../../electron/preload/ipc-storage';
import type { IpcChannel } from '../../electron/common/ipc';
import { describeStorageContract } from './storage-contract';
import { fileHarness } from './file-harness';

const APP = 'app://trailwatch/';

/** The renderer's view in Electron: preload proxy → IPC (structured clone, sender check, validation) → main. */
export function wireIpc(dir: string) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerIpc({ handle: (ch: string, fn: never) => void handlers.set(ch, fn) } as never, createStorage(createFileBackend(dir)), APP);
  return (senderUrl: string) =>
    createIpcStorage(async (channel: IpcChannel, ...args: unknown[]) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return structuredClone(await handler({ senderFrame: { url: senderUrl } }, ...structuredClone(args)));
    });
}

describeStorageContract('Electron renderer over IPC', async () => {
  const files = await fileHarness();
  const connect = wireIpc(files.dir);
  return { ...files, storage: connect(`${APP}index.html`), reopen: () => connect(`${APP}index.html`) };
});

describe('IPC boundary', () => {
  it('refuses callers that are not the app’s own page', async () => {
    const files = await fileHarness();
    const foreign = wireIpc(files.dir)('https://evil.example/index.html');
    await expect(foreign.load('settings')).rejects.toThrow(/신뢰할 수 없는 발신자/);
    await files.cleanup();
  });

  it('refuses payloads that do not match the channel’s schema', async () => {
    const files = await fileHarness();
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, fn: never) => void handlers.set(ch, fn) } as never, createStorage(createFileBackend(files.dir)), APP);
    const event = { senderFrame: { url: `${APP}index.html` } };
    await expect(handlers.get('storage:load')?.(event, '../../etc/passwd')).rejects.toThrow(/형식이 올바르지 않습니다/);
    await expect(handlers.get('storage:import')?.(event, { text: 1 })).rejects.toThrow(/형식이 올바르지 않습니다/);
    await files.cleanup();
  });
});
