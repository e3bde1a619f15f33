import type { IpcChannel } from '../common/ipc';
import type { TrailwatchStorage } from '../common/storage-api';

export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

/** The renderer's storage in Electron: a typed proxy whose every method is one declared IPC channel. */
export function createIpcStorage(invoke: Invoke): TrailwatchStorage {
  return {
    load: (key) => invoke('storage:load', key) as never,
    save: (key, data) => invoke('storage:save', key, data) as Promise<void>,
    exportAll: () => invoke('storage:export') as Promise<string>,
    importAll: (text) => invoke('storage:import', text) as never,
    resetAll: () => invoke('storage:reset') as Promise<void>,
    describeLocation: () => invoke('storage:location') as Promise<string>,
  };
}
