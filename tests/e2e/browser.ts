import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(process.cwd(), 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the flags this closed network needs; a fresh profile per session. */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}): Promise<Session> {
  const profile = await mkdtemp(join(tmpdir(), 'trailwatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'ko-KR',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** The font families Chromium really used to draw the element's text (CDP), to prove Hangul is not boxes. */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
}

/** 'put' one raw value into, 'get' one from, or list the 'keys' of, the app's IndexedDB document store, from inside
 *  the page (pass it to page.evaluate). */
export const IN_PAGE_IDB = ({ op, key, value }: { op: string; key?: string; value?: string }): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('trailwatch');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('documents', op === 'put' ? 'readwrite' : 'readonly');
      const docs = tx.objectStore('documents');
      const req = op === 'put' ? docs.put(value, key) : op === 'get' ? docs.get(key!) : docs.getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
