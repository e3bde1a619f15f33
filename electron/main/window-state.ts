import { z } from 'zod';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { join } from 'node:path';

const bounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof bounds>;
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800, maximized: false };

/** Window size and position, kept in userData/window.json; anything unreadable falls back to the default size. */
export async function loadWindowState(dir: string): Promise<WindowBounds> {
  try {
    const db = new Low<unknown>(new JSONFile<unknown>(join(dir, 'window.json')), null);
    await db.read();
    const parsed = bounds.safeParse(db.data);
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export async function saveWindowState(dir: string, state: WindowBounds): Promise<void> {
  const db = new Low<unknown>(new JSONFile<unknown>(join(dir, 'window.json')), null);
  db.data = bounds.parse(state);
  await db.write();
}
