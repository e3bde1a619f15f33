import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadWindowState, saveWindowState } from '../../electron/main/window-state';

describe('window size and position', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailwatch-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts at 1280×800 and remembers what was saved', async () => {
    expect(await loadWindowState(dir)).toEqual(DEFAULT_BOUNDS);
    await saveWindowState(dir, { x: 40, y: 30, width: 1500, height: 900, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 40, y: 30, width: 1500, height: 900, maximized: true });
  });

  it('falls back to the default for an unreadable or absurd file', async () => {
    await writeFile(join(dir, 'window.json'), '{"width":');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_BOUNDS);
    await writeFile(join(dir, 'window.json'), JSON.stringify({ width: 10, height: 10, maximized: false }));
    expect(await loadWindowState(dir)).toEqual(DEFAULT_BOUNDS);
  });
});
