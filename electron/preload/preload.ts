import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from '../common/ipc';
import { createIpcStorage } from './ipc-storage';

// Exposes only the typed storage API; each function invokes one declared channel. Nothing raw crosses.
contextBridge.exposeInMainWorld(BRIDGE_NAME, {
  platform: 'electron',
  storage: createIpcStorage((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
});
