import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Electron binary is fetched lazily on first run, which cannot happen on machines without internet. Check
// for it without require('electron') (that would start the download) and say plainly when the test is skipped.
const electronDir = join(process.cwd(), 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const hasElectron = binary !== null && existsSync(binary);
const reason = hasElectron ? '' : ` — SKIPPED: no Electron binary is installed (${binary ?? pathFile} is missing; it downloads on first run, which needs internet)`;
if (!hasElectron) console.warn(`[e2e] Electron app test${reason}`);

describe('the real Electron app', () => {
  it.skipIf(!hasElectron)(`starts, shows the Korean home screen and keeps a setting across restarts${reason}`, async () => {
    const { _electron } = await import('playwright-core');
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
    const userData = await mkdtemp(join(tmpdir(), 'trailwatch-electron-'));
    const launch = () => _electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${userData}`, '--no-sandbox'], cwd: process.cwd() });
    let app = await launch();
    let page = await app.firstWindow();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('CloudTrail·CloudWatch를 직접 해 보며 배우기');
    expect(await page.evaluate(() => document.documentElement.dataset.platform)).toBe('electron');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.getByRole('button', { name: /^설정/ }).click();
    await page.getByRole('radio', { name: '어둡게' }).check();
    await app.close();
    app = await launch();
    page = await app.firstWindow();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await app.close();
  });
});
