import { z } from 'zod';
import { DOC_KEYS } from './documents';

// Every channel between renderer and main, declared once. Main validates each payload with these schemas;
// the preload exposes exactly these and nothing raw.

const docKey = z.enum(DOC_KEYS);

export const ipcChannels = {
  'storage:load': z.tuple([docKey]),
  'storage:save': z.tuple([docKey, z.unknown()]),
  'storage:export': z.tuple([]),
  'storage:import': z.tuple([z.string()]),
  'storage:reset': z.tuple([]),
  'storage:location': z.tuple([]),
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export const IPC_CHANNELS = Object.keys(ipcChannels) as IpcChannel[];

/** The name under which the preload exposes the API on window. */
export const BRIDGE_NAME = 'trailwatch';
