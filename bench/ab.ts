// Side by side: an earlier commit's simulator against the working tree's, on the bench's own accounts and mixes,
// taking turns so the machine's drift (often ±30% within minutes here) hits both alike. Not part of `npm run bench`.
//
//   npx tsx bench/ab.ts <rev> [throughput|heavy] [rounds]   both in this process, a turn each in turn
//   npx tsx bench/ab.ts <rev> procs [runs]                   `bench/phase.ts throughput` in separate processes
//   npx tsx bench/ab.ts <rev> web [runs]                     `bench/phase.ts web` (Chromium) from each tree in turn
//
// In one process the two share a heap, so each side's garbage collections also carry the other's objects: a change
// to what survives the young generation shows up only in separate processes (the `procs` mode).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { BenchAccount } from './account-setup';
import type { BrowserFigures } from './web';
import { percentile } from './stats';

const [rev, mode = 'throughput', countArg] = process.argv.slice(2);
if (!rev) {
  console.error('usage: npx tsx bench/ab.ts <rev> [throughput|heavy|procs|web] [rounds]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'trailwatch-ab-'));
const old = join(work, 'old');
execFileSync('git', ['worktree', 'add', '--detach', old, rev], { cwd: root, stdio: 'ignore' });
symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'));

interface Lib {
  benchAccount(seed: number, insights: boolean): BenchAccount;
  runMix(b: BenchAccount, n: number, from?: number): number;
}

async function bundle(tree: string, entry: string, out: string, external: string[] = []): Promise<string> {
  await build({ entryPoints: [join(tree, entry)], bundle: true, platform: 'node', format: 'esm', outfile: out, external, logLevel: 'warning' });
  return out;
}

async function inOneProcess(kind: 'throughput' | 'heavy', rounds: number): Promise<void> {
  const entry = 'bench/ab-entry.ts';
  const libs: Record<'old' | 'new', Lib> = { old: undefined as unknown as Lib, new: undefined as unknown as Lib };
  for (const [side, tree] of [['old', old], ['new', root]] as const) {
    const file = join(tree, entry);
    const own = !existsSync(file);
    if (own) writeFileSync(file, "export { benchAccount, runMix } from './account-setup';\n");
    try {
      libs[side] = (await import(pathToFileURL(await bundle(tree, entry, join(work, `${side}.mjs`))).href)) as Lib;
    } finally {
      if (own) rmSync(file);
    }
  }
  const heavy = kind === 'heavy';
  const perMinute = heavy ? 16 : 1000;
  const minutesPerTurn = heavy ? 360 : 5;
  const sides = (['old', 'new'] as const).map((name) => {
    const lib = libs[name];
    const b = lib.benchAccount(heavy ? 11 : 7, heavy);
    const k = lib.runMix(b, 2 * perMinute);
    b.acct.advance(6 * 60_000);
    return { name, lib, b, k, ms: 0, calls: 0 };
  });
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 ? sides : [...sides].reverse()) {
      const t0 = performance.now();
      for (let m = 0; m < minutesPerTurn; m++) {
        s.k = s.lib.runMix(s.b, perMinute, s.k);
        s.b.acct.advance(60_000);
        s.calls += perMinute;
      }
      s.ms += performance.now() - t0;
    }
  }
  const [a, b] = sides.map((s) => s.calls / (s.ms / 1000)) as [number, number];
  console.log(`${kind}, one process, ${rounds} turns each: ${rev} ${a.toFixed(0)} calls/s, working tree ${b.toFixed(0)}: ${(b / a).toFixed(3)}×`);
}

async function inProcesses(runs: number): Promise<void> {
  const ext = ['playwright-core', 'vite', 'esbuild'];
  const files = { old: await bundle(old, 'bench/phase.ts', join(work, 'old-phase.mjs'), ext), new: await bundle(root, 'bench/phase.ts', join(work, 'new-phase.mjs'), ext) };
  const seen: Record<'old' | 'new', number[]> = { old: [], new: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const r = spawnSync(process.execPath, [files[side], 'throughput', '8000'], { encoding: 'utf8' });
      seen[side].push((JSON.parse(r.stdout.trim().split('\n').pop()!) as { callsPerSec: number }).callsPerSec);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`throughput, separate processes, 8 s each: ${rev} ${show(seen.old)}; working tree ${show(seen.new)}; medians ${(median(seen.new) / median(seen.old)).toFixed(3)}×`);
}

/** The web phase from each tree in turn: the clicks' p95, the saves' UI-thread writes and the long frames. */
function inBrowser(runs: number): void {
  for (let i = 0; i < runs; i++) {
    for (const [side, tree] of i % 2 ? ([['old', old], ['new', root]] as const) : ([['new', root], ['old', old]] as const)) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/phase.ts', 'web'], { cwd: tree, encoding: 'utf8', maxBuffer: 64 << 20 });
      const b = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { browser?: BrowserFigures }).browser;
      if (!b) {
        console.log(`${side}: no browser figures (${r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`})`);
        continue;
      }
      const long = (xs: number[]) => xs.filter((x) => x > 25).map((x) => x.toFixed(0));
      console.log(`${side === 'old' ? rev : 'working tree'}: clicks p95 ${percentile(b.actionMs, 95).toFixed(0)} ms, p50 ${percentile(b.actionMs, 50).toFixed(0)} ms; save writes ${b.saveWriteMs.map((x) => x.toFixed(0)).join(', ')} ms; longest task ${b.longestTaskMs.toFixed(0)} ms; frames over 25 ms switching [${long(b.switchFrames.flatMap((f) => f.frameMs)).join(', ')}], scrolling [${long(b.scrollFrameMs).join(', ')}]`);
    }
  }
}

try {
  if (mode === 'procs') await inProcesses(Number(countArg ?? 4));
  else if (mode === 'web') inBrowser(Number(countArg ?? 2));
  else if (mode === 'throughput' || mode === 'heavy') await inOneProcess(mode, Number(countArg ?? 40));
  else throw new Error(`unknown mode ${mode}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', old], { cwd: root, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
