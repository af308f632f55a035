/**
 * The Electron main process: one window, locked down; the session and its vault; the
 * routes; locking on demand, on idle, on sleep and on screen lock.
 */
import {
  app,
  BrowserWindow,
  Menu,
  nativeTheme,
  powerMonitor,
  session as electronSession,
  shell,
} from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { registerRoutes } from './ipc/register';
import { logError } from './log';
import { buildMenu } from './menu';
import { vaultPaths } from './paths';
import { Session } from './session';
import { applyContentSecurity, applySessionSecurity, windowOptions } from './window/security';

const here = fileURLToPath(new URL('.', import.meta.url));
const isDev = !app.isPackaged && !!process.env.ELECTRON_RENDERER_URL;
const appUrl = isDev
  ? process.env.ELECTRON_RENDERER_URL!
  : new URL(`file://${join(here, '../renderer/index.html')}`).toString();

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
let session: Session;

function createWindow(): BrowserWindow {
  const options = windowOptions({
    preload: join(here, '../preload/index.cjs'),
    icon: join(here, '../../resources/icon.png'),
    dark: nativeTheme.shouldUseDarkColors,
  });
  // The options come from windowOptions(), checked by tests/unit/security.test.ts; the scanner cannot follow a function's result.
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK
  applyContentSecurity(win.webContents, appUrl, {
    // Only http(s) and mailto URLs reach here (isExternalWebUrl), and they open in the system browser.
    openExternal: (url) => void shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

/** Locks the vault and brings the window back to the unlock screen. */
async function lockNow(): Promise<void> {
  try {
    await session.lock();
  } catch (error) {
    logError('lock failed', error);
  }
  window?.webContents.reload();
}

/** Safety net behind the renderer's own idle timer: locks after the system has been idle too long. */
function watchIdle(): void {
  setInterval(() => {
    void (async () => {
      if (session.vault.state() !== 'unlocked') return;
      const { autoLockMinutes } = await session.status();
      if (powerMonitor.getSystemIdleTime() >= autoLockMinutes * 60) await lockNow();
    })().catch((error: unknown) => logError('idle check failed', error));
  }, 30_000).unref();
}

void app.whenReady().then(async () => {
  session = new Session(vaultPaths(app.getPath('userData')));
  applySessionSecurity(electronSession.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  registerRoutes({ session }, () => appUrl);
  Menu.setApplicationMenu(buildMenu({ lockNow: () => void lockNow() }, isDev));
  if (process.argv.includes('--demo')) await session.openDemo();
  window = createWindow();
  powerMonitor.on('lock-screen', () => void lockNow());
  powerMonitor.on('suspend', () => void lockNow());
  watchIdle();
});

app.on('second-instance', () => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => {
  app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !session) return;
  event.preventDefault();
  closing = true;
  session
    .close()
    .catch((error: unknown) => logError('closing the vault failed', error))
    .finally(() => app.quit());
});
