import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type IpcChannel } from '../common/ipc';
import type { TrailwatchStorage } from '../common/storage-api';
import type { DocData, DocKey } from '../common/documents';

/** Only our own renderer, loaded from the app's files, may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrlPrefix: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(appUrlPrefix);
}

type Handler = (...args: never[]) => Promise<unknown>;

export function storageHandlers(storage: TrailwatchStorage): Record<IpcChannel, Handler> {
  return {
    'storage:load': (key: DocKey) => storage.load(key),
    'storage:save': (key: DocKey, data: unknown) => storage.save(key, data as DocData[DocKey]),
    'storage:export': () => storage.exportAll(),
    'storage:import': (text: string) => storage.importAll(text),
    'storage:reset': () => storage.resetAll(),
    'storage:location': () => storage.describeLocation(),
  };
}

/** Registers every declared channel: sender checked, payload validated, then the handler runs. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  storage: TrailwatchStorage,
  appUrlPrefix: string,
  /** Told after any channel that may change settings (save, import, reset) has run. */
  onStored: (channel: IpcChannel) => void = () => undefined,
): void {
  const handlers = storageHandlers(storage);
  for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, appUrlPrefix)) throw new Error(`IPC 거부: 신뢰할 수 없는 발신자 (${channel})`);
      const parsed = ipcChannels[channel].safeParse(args);
      if (!parsed.success) throw new Error(`IPC 거부: ${channel} 요청 형식이 올바르지 않습니다.`);
      const result = await (handlers[channel] as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
      onStored(channel);
      return result;
    });
  }
}
