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
// Scrolls the event history list by a screenful every frame for two seconds; returns the frame intervals.
const IN_PAGE_SCROLL = `async function () {
  const el = document.querySelector('[data-testid="history-scroller"]');
  if (!el) throw new Error('no history scroller');
  const frames = [];
  let last = performance.now();
  const t0 = last;
  return await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      el.scrollTop += el.clientHeight;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight) el.scrollTop = 0;
      if (now - t0 < 2000) requestAnimationFrame(step);
      else resolve(frames.slice(1));
    };
    requestAnimationFrame(step);
  });
}`;

// Records every frame interval from now on (window.__frames: [start, interval] pairs).
const IN_PAGE_FRAMES = `function () {
  window.__frames = [];
  let last = performance.now();
  const step = (now) => {
    window.__frames.push([last, now - last]);
    last = now;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}`;

/** The screens a learner moves between: Alt+number and the area the page then marks on its main element. */
const SCREEN_KEYS: [key: string, area: string][] = [
  ['Alt+1', 'home'], ['Alt+2', 'notes'], ['Alt+3', 'simulator'], ['Alt+4', 'quiz'], ['Alt+5', 'review'], ['Alt+6', 'scenarios'], ['Alt+7', 'settings'], ['Alt+3', 'simulator'],
];

const IN_PAGE_CALL = `async function () {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent && b.textContent.trim() === '호출');
  if (!button) throw new Error('no 호출 button');
  const calls = () => [...document.querySelectorAll('.sim-call')].map((e) => e.textContent).join('|');
  const before = calls();
  // The list may be windowed (a fixed number of rows), so a change in its rows is the signal, not their count.
  // (The flow view of two identical calls can render the same text, so a text change is not waited for.)
  const shown = () => calls() !== before && document.querySelector('[data-testid="event-flow"]');
  let t0 = 0;
  const painted = new Promise((resolve, reject) => {
    // Noticed in the same task that puts the row in the page (not at the next frame, as polling would), then
    // timed after that frame's paint: the frame's callbacks run, it paints, and a message posted from a frame
    // callback is handled after the paint.
    const after = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - t0);
      ch.port2.postMessage(0);
    });
    const seen = new MutationObserver(() => {
      if (!shown()) return;
      seen.disconnect();
      clearTimeout(limit);
      after();
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const limit = setTimeout(() => {
      seen.disconnect();
      reject(new Error('the call did not show within 10 s'));
    }, 10000);
  });
  t0 = performance.now();
  button.click();
  return await painted;
}`;

export interface BrowserFigures {
  firstInteractiveMs: number[];
  actionMs: number[];
  /** Calls made through the UI's repeated-traffic control before the actions were timed. */
  trafficCalls: number;
  trafficSeconds: number;
  /** Event history rows LookupEvents finds in the Region the actions were made in, after the actions. */
  historyRecords: number;
  /** From the click on the event history tab to its first rows shown, and to all rows listed (measured by
   *  the driver, so both include the round trip to the page). */
  historyTabMs: number;
  historyAllMs: number;
  /** Intervals between frames while the history list scrolls a screenful per frame for 2 s. */
  scrollFrameMs: number[];
  /** Frame intervals from each screen switch (Alt+number) until 600 ms after its heading showed, by visit:
   *  the first visit of a screen loads its code; `later` are visits to screens already opened. */
  switchFrames: { key: string; first: boolean; frameMs: number[] }[];
  /** Longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) from the traffic's end to the end of the
   *  timed actions, which includes the sandbox saves it triggered; 0 when no task reached 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  /** Each sandbox save's synchronous write on the UI thread (the app's User Timing measure). */
  saveWriteMs: number[];
  /** The longest long task that contained a save's write (0: none reached 50 ms). */
  longestSaveTaskMs: number;
}

/**
 * firstInteractive: from navigation start to the moment the first screen's heading is shown and the page
 * answers a script call (performance.now() read inside the page then). Action: on the simulator screen,
 * from the click on 호출 to the paint of the frame that first shows the new call's row in the list and the event-flow view
 * (the row noticed by a MutationObserver in the task that adds it, then the frame's paint awaited).
 */
export async function browserFigures(outDir: string, loads: number, actions: number, traffic: { perMinute: number; minutes: number }): Promise<BrowserFigures> {
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
    // The records the target names, made as a learner would: the form's repeated-call control.
    await page.locator('.sim-traffic summary').click();
    await page.getByLabel('분당 호출 수').fill(String(traffic.perMinute));
    await page.getByLabel('기간(분)').fill(String(traffic.minutes));
    const t0 = performance.now();
    await page.getByRole('button', { name: '반복 시작' }).click();
    await page.getByTestId('traffic-result').waitFor({ timeout: 600_000 });
    const trafficSeconds = (performance.now() - t0) / 1000;
    await page.evaluate(`(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
    })()`);
    const actionMs: number[] = [];
    for (let i = 0; i < actions; i++) {
      const ms = (await page.evaluate(`(${IN_PAGE_CALL})()`)) as number;
      actionMs.push(ms);
      // Let the debounced sandbox save run between some of the actions, as it does for a learner.
      if (i % 10 === 9) await page.waitForTimeout(1500);
    }
    const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
    const longTasks = tasks.map(([, d]) => d);
    // The save's synchronous write on the UI thread (User Timing measures the app records), and whether a long
    // task contained one.
    const saveWrites = (await page.evaluate(`performance.getEntriesByName('trailwatch:save-write', 'measure').map((m) => [m.startTime, m.duration])`)) as [number, number][];
    const longSaveTasks = tasks.filter(([t, d]) => saveWrites.some(([s]) => s >= t && s <= t + d)).map(([, d]) => d);
    // The event history tab lists the Region's records (every page of LookupEvents, as the screen does).
    const h0 = performance.now();
    await page.getByRole('tab', { name: '이벤트 기록' }).click();
    await page.locator('.sim-tbody [role=row]').first().waitFor({ timeout: 120_000 });
    const historyTabMs = performance.now() - h0;
    await page.getByText(/^[\d,]+개 이벤트$/).waitFor({ timeout: 300_000 });
    const historyAllMs = performance.now() - h0;
    const historyRecords = Number((await page.getByRole('table', { name: '이벤트 기록' }).getAttribute('aria-rowcount')) ?? '0');
    const scrollFrameMs = (await page.evaluate(`(${IN_PAGE_SCROLL})()`)) as number[];
    // Moving between screens, twice round, with those records in the simulator's sandbox.
    await page.evaluate(`(${IN_PAGE_FRAMES})()`);
    const switchFrames: BrowserFigures['switchFrames'] = [];
    const opened = new Set<string>(['Alt+3']);
    for (let round = 0; round < 2; round++) {
      for (const [key, area] of SCREEN_KEYS) {
        await page.waitForTimeout(300);
        const t0 = (await page.evaluate('performance.now()')) as number;
        await page.keyboard.press(key);
        // The screen's own heading (a screen still loading shows none; a hidden one is not visible).
        await page.locator(`main[data-area="${area}"] h1:visible`).first().waitFor();
        await page.waitForTimeout(600);
        const frameMs = (await page.evaluate(`window.__frames.filter(([t]) => t >= ${t0}).map(([, d]) => d)`)) as number[];
        switchFrames.push({ key, first: !opened.has(key), frameMs });
        opened.add(key);
      }
    }
    return { firstInteractiveMs, actionMs, trafficCalls: traffic.perMinute * traffic.minutes, trafficSeconds, historyRecords, historyTabMs, historyAllMs, scrollFrameMs, switchFrames, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, saveWriteMs: saveWrites.map(([, d]) => d), longestSaveTaskMs: Math.max(0, ...longSaveTasks) };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
