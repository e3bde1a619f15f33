// The web build: renderer JavaScript size (gzip level 9, as gzip-size measures), then first screen and UI
// action latency in Debian's Chromium against `vite preview` of that build.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RendererSize {
  totalGzipKB: number;
  initialGzipKB: number;
  files: number;
  buildSeconds: number;
  outDir: string;
}

/** Builds the renderer as `npm run build:renderer` does, into a temporary folder (dist/ is left alone). */
export async function rendererSize(): Promise<RendererSize> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'trailwatch-bench-web-'));
  const t0 = performance.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const buildSeconds = (performance.now() - t0) / 1000;
  const js: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const p = join(dir, name);
      if ((await stat(p)).isDirectory()) await walk(p);
      else if (p.endsWith('.js')) js.push(p);
    }
  };
  await walk(outDir);
  const gz = new Map<string, number>();
  for (const f of js) gz.set(f, gzipSync(await readFile(f), { level: 9 }).length);
  // What the first screen loads: the entry script and the modules index.html preloads.
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => join(outDir, m[1]!));
  const sum = (files: string[]) => files.reduce((n, f) => n + (gz.get(f) ?? 0), 0) / 1024;
  return { totalGzipKB: sum(js), initialGzipKB: sum(initial), files: js.length, buildSeconds, outDir };
}

// Kept as text: the bundler that runs this file would add helpers the page does not have.
const IN_PAGE_CALL = `async function () {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent && b.textContent.trim() === '호출');
  if (!button) throw new Error('no 호출 button');
  const calls = () => [...document.querySelectorAll('.sim-call')].map((e) => e.textContent).join('|');
  const before = calls();
  const t0 = performance.now();
  button.click();
  // Until the new row is in the list with the event-flow view on screen, then one frame so both are painted.
  // (The flow view of two identical calls can render the same text, so a text change is not waited for.)
  return await new Promise((resolve, reject) => {
    const check = () => {
      // The list may be windowed (a fixed number of rows), so a change in its rows is the signal, not their count.
      if (calls() !== before && document.querySelector('[data-testid="event-flow"]')) {
        requestAnimationFrame(() => resolve(performance.now() - t0));
      } else if (performance.now() - t0 > 10000) reject(new Error('the call did not show within 10 s'));
      else requestAnimationFrame(check);
    };
    check();
  });
}`;

export interface BrowserFigures {
  firstInteractiveMs: number[];
  actionMs: number[];
  recordsPresent: number;
}

/**
 * firstInteractive: from navigation start to the moment the first screen's heading is shown and the page
 * answers a script call (performance.now() read inside the page then). Action: on the simulator screen,
 * from the click on 호출 to the new call's row in the list and the event-flow view showing it.
 */
export async function browserFigures(outDir: string, loads: number, actions: number): Promise<BrowserFigures> {
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 4190, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const profile = await mkdtemp(join(tmpdir(), 'trailwatch-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, locale: 'ko-KR', viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const firstInteractiveMs: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      firstInteractiveMs.push(await page.evaluate(() => performance.now()));
    }
    await page.keyboard.press('Alt+3');
    await page.getByTestId('sim-clock').waitFor();
    await page.locator('.sim-call').nth(5).waitFor();
    await page.locator('.sim-action', { hasText: /^ListBuckets/ }).first().click();
    const actionMs: number[] = [];
    for (let i = 0; i < actions; i++) {
      const ms = (await page.evaluate(`(${IN_PAGE_CALL})()`)) as number;
      actionMs.push(ms);
    }
    const recordsPresent = await page.locator('.sim-call').count();
    return { firstInteractiveMs, actionMs, recordsPresent };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
