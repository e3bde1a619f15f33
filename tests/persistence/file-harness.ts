import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createStorage } from '../../electron/common/storage-core';
import { createFileBackend } from '../../electron/main/file-backend';

/** Real files through lowdb's JSONFile (not its presets, which use memory under NODE_ENV=test). */
export async function fileHarness() {
  const dir = await mkdtemp(join(tmpdir(), 'trailwatch-files-'));
  const reopen = () => createStorage(createFileBackend(dir));
  return {
    dir,
    storage: reopen(),
    reopen,
    async writeRaw(key: string, text: string) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${key}.json`), text);
    },
    async readRaw(key: string) {
      return readFile(join(dir, `${key}.json`), 'utf8').catch(() => undefined);
    },
    async quarantined() {
      const names = (await readdir(dir)).filter((n) => n.includes('.corrupt-'));
      return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as [string, string])));
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
