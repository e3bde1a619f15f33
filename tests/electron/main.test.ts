import { beforeAll, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run on these machines, so main.ts runs against a recording stand-in of the
// electron module: what we check is what main asks Electron for (window options, handlers, menu).
const rec = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  appHandlers: new Map<string, (...a: unknown[]) => void>(),
  ipcChannels: [] as string[],
  privileged: [] as unknown[],
  menu: null as unknown,
  sandboxEnabled: false,
  permissionHandler: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  protocolHandler: null as null | ((req: Request) => Promise<Response>),
  ready: null as null | Promise<void>,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows() {
      return rec.windows;
    }
    entry: { options: Record<string, unknown>; loaded?: string };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      rec.windows.push(this.entry);
    }
    maximize() {}
    once() {}
    on() {}
    async loadURL(url: string) {
      this.entry.loaded = url;
    }
  }
  let resolveReady: () => void = () => {};
  rec.ready = new Promise<void>((r) => (resolveReady = r));
  return {
    BrowserWindow,
    app: {
      enableSandbox: () => (rec.sandboxEnabled = true),
      on: (name: string, fn: (...a: unknown[]) => void) => rec.appHandlers.set(name, fn),
      whenReady: () => rec.ready!.then(() => undefined),
      getPath: () => '/tmp/trailwatch-main-test',
      quit: () => {},
      _ready: () => resolveReady(),
    },
    Notification: class {
      static isSupported() {
        return false;
      }
      show() {}
    },
    shell: { openExternal: async (url: string) => void rec.opened.push(url) },
    ipcMain: { handle: (ch: string) => rec.ipcChannels.push(ch) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    net: { fetch: async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (_s: string, fn: (req: Request) => Promise<Response>) => (rec.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof rec.permissionHandler) => (rec.permissionHandler = fn),
        setPermissionCheckHandler: () => {},
      },
    },
  };
});

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as { app: { _ready(): void } };
  await import('../../electron/main/main');
  electron.app._ready();
  await rec.ready;
  await new Promise((r) => setTimeout(r, 50));
});

describe('Electron main process', () => {
  it('opens one window with the security checklist’s web preferences', () => {
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(rec.windows[0]!.loaded).toBe('app://trailwatch/index.html');
  });

  it('registers every declared IPC channel and nothing else', async () => {
    const { IPC_CHANNELS } = await import('../../electron/common/ipc');
    expect([...rec.ipcChannels].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('denies every permission request', () => {
    let answer: boolean | undefined;
    rec.permissionHandler?.({}, 'notifications', (ok) => (answer = ok));
    expect(answer).toBe(false);
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = { on: (n: string, fn: never) => handlers.set(n, fn), setWindowOpenHandler: (fn: never) => (openHandler = fn) };
    rec.appHandlers.get('web-contents-created')?.({}, contents);
    const prevented = (name: string, url: string) => {
      let p = false;
      handlers.get(name)?.({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'app://trailwatch/index.html')).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(prevented('will-attach-webview', '')).toBe(true);
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://docs.aws.amazon.com.evil.example/' })).toEqual({ action: 'deny' });
    // Only the AWS documentation page went to the system browser; the app itself never opens a window.
    expect(rec.opened).toEqual(['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html']);
  });

  it('serves app:// with the strict CSP and refuses paths outside the renderer build', async () => {
    const ok = await rec.protocolHandler!(new Request('app://trailwatch/index.html'));
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ok.headers.get('content-security-policy')).toContain("object-src 'none'");
    const { resolveAppFile } = await import('../../electron/main/app-protocol');
    // URL parsing folds dot segments into the root; an encoded separator must not escape it either.
    expect(resolveAppFile('/app/dist', 'app://trailwatch/../../etc/passwd')).toBe('/app/dist/etc/passwd');
    expect(resolveAppFile('/app/dist', 'app://trailwatch/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile('/app/dist', 'app://other/index.html')).toBeNull();
    expect(resolveAppFile('/app/dist', 'app://trailwatch/assets/a.js')).toBe('/app/dist/assets/a.js');
  });

  it('sets a Korean application menu with the usual roles', () => {
    const menu = rec.menu as { label: string; submenu: { role?: string; label?: string }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['파일', '편집', '보기', '창']);
    const edit = menu.find((m) => m.label === '편집')!.submenu;
    expect(edit).toContainEqual({ role: 'copy', label: '복사' });
    expect(edit).toContainEqual({ role: 'paste', label: '붙여넣기' });
  });
});
