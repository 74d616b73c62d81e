// Vigie's desktop app: the composition root. Every service is made here and handed to who needs it:
//
//   safeStorage ──▶ SafeStorageSecretStore ─┐
//   summaryPdfRenderer (hidden window) ─────┼─▶ createVigieServices (shared/app) ──▶ registerIpcHandlers (ipc.ts)
//   bundled audit worker (workerUrl) ───────┘                                  └──▶ progress ──▶ webContents.send
//   dist/renderer ──▶ registerAppProtocol (app://vigie/) ──▶ the hardened BrowserWindow (window-options.ts)
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultDataDir } from '../shared/app/data-dir.ts';
import { createVigieServices } from '../shared/app/vigie-services.ts';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol.ts';
import { BREACH_IMPORT_PROGRESS_CHANNEL, isTrustedSender, PROGRESS_CHANNEL, registerIpcHandlers } from './ipc.ts';
import { SafeStorageSecretStore } from './safe-storage-secret-store.ts';
import { summaryPdfRenderer } from './summary-pdf.ts';
import { APP_INDEX_URL, mainWindowOptions, printWindowOptions, WEB_PREFERENCES } from './window-options.ts';

// Bundled layout (build/build-electron.mjs): dist/electron/{main.mjs, preload.cjs, audit-worker.mjs}, dist/renderer/.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(HERE, 'preload.cjs');
const RENDERER_DIR = path.resolve(HERE, '..', 'renderer');
const AUDIT_WORKER = pathToFileURL(path.join(HERE, 'audit-worker.mjs'));

// Must run before `ready`: app:// is a standard, secure origin the CSP can call 'self'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = defaultDataDir(process.env, process.platform, app.getPath('home'));
  const services = createVigieServices({
    dataDir,
    secrets: new SafeStorageSecretStore(safeStorage, dataDir),
    hostKind: 'electron',
    workerUrl: AUDIT_WORKER,
    renderPdf: summaryPdfRenderer((options) => new BrowserWindow({
      ...options,
      // Restated literally where each window is made, so Electronegativity's static checks can see them.
      webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
    }), printWindowOptions(PRELOAD)),
  });

  // The page asks for nothing: no camera, no notifications, no clipboard, no geolocation.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(protocol, RENDERER_DIR);
  registerIpcHandlers(ipcMain, services);

  const window = new BrowserWindow({
    ...mainWindowOptions(PRELOAD, path.join(RENDERER_DIR, 'icon-256.png')),
    webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  services.onProgress((event) => {
    if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, event);
  });
  services.onBreachImportProgress((event) => {
    if (!window.isDestroyed()) window.webContents.send(BREACH_IMPORT_PROGRESS_CHANNEL, event);
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_INDEX_URL);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
}

// Every page, the main window's and the print window's: no navigation away, no new windows, no <webview>;
// an https link opens in the system browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSender(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSender(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

start().catch((e: unknown) => {
  console.error(`vigie: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  app.exit(1);
});
