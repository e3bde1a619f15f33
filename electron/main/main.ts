import { BrowserWindow, Menu, Notification, app, ipcMain, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { createStorage } from '../common/storage-core';
import { createFileBackend } from './file-backend';
import { registerIpc } from './ipc-handlers';
import { menuTemplate } from './menu';
import { hardenApp, hardenSession } from './security';
import { APP_ORIGIN, APP_SCHEME, serveAppRequest } from './app-protocol';
import { loadWindowState, saveWindowState } from './window-state';
import { createReminderScheduler } from './reminder';

// Built layout: dist-electron/main/main.cjs, dist-electron/preload/preload.cjs, dist/ (renderer).
const rendererDir = join(__dirname, '..', '..', 'dist');
const preloadPath = join(__dirname, '..', 'preload', 'preload.cjs');
const appUrlPrefix = `${APP_ORIGIN}/`;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
hardenApp(app, appUrlPrefix, (url) => void shell.openExternal(url));

async function createWindow(): Promise<void> {
  const userData = app.getPath('userData');
  const state = await loadWindowState(userData);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    title: 'Trailwatch',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    void saveWindowState(userData, { ...b, maximized: win.isMaximized() }).catch(() => undefined);
  });
  await win.loadURL(`${appUrlPrefix}index.html`);
}

void app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, (url) => net.fetch(url)));
  const storage = createStorage(createFileBackend(join(app.getPath('userData'), 'data')));
  const reminders = createReminderScheduler({
    now: () => new Date(),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
  });
  const refreshReminder = async () => reminders.update((await storage.load('settings')).data);
  registerIpc(ipcMain, storage, appUrlPrefix, (channel) => {
    if (channel === 'storage:save' || channel === 'storage:import' || channel === 'storage:reset') void refreshReminder();
  });
  await refreshReminder();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, 'Trailwatch')));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
