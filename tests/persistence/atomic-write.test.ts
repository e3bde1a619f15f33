// One process (node --import tsx), so SIGKILL stops the very process that writes.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const writer = join(process.cwd(), 'tests', 'persistence', 'fixtures', 'writer.ts');

/** Starts a writer, lets it complete a few writes, kills it mid-stream, and reports whether the file is whole. */
async function killDuringWrites(mode: 'lowdb' | 'naive', delayMs: number): Promise<'whole' | 'torn'> {
  // The naive writer is killed when it says it is halfway; the lowdb writer at an arbitrary moment.
  const dir = await mkdtemp(join(tmpdir(), 'trailwatch-atomic-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let writes = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().split('\n').filter(Boolean);
        writes += lines.filter((l) => l.startsWith('wrote')).length;
        if (mode === 'naive' ? writes >= 1 && lines.includes('half') : writes >= 2) resolve();
      });
      child.on('exit', () => reject(new Error('writer exited early')));
    });
    await new Promise((r) => setTimeout(r, delayMs));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const text = await readFile(join(dir, 'sandbox.json'), 'utf8');
    try {
      const doc = JSON.parse(text) as { data: { snapshot: { round: number; filler: string } } };
      return doc.data.snapshot.filler.length === 4_000_000 + doc.data.snapshot.round ? 'whole' : 'torn';
    } catch {
      return 'torn';
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('atomic writes (lowdb steno: temp file, then rename)', () => {
  it('a writer killed part-way through always leaves a complete previous or new document', async () => {
    const outcomes = [];
    for (const delay of [0, 3, 7, 11, 17, 23]) outcomes.push(await killDuringWrites('lowdb', delay));
    expect(outcomes).toEqual(Array(outcomes.length).fill('whole'));
  }, 120_000);

  it('control: killing a writer that writes in place, halfway through, tears the file, so the check above can fail', async () => {
    expect(await killDuringWrites('naive', 0)).toBe('torn');
  }, 120_000);
});
