// The main window's options, as a constant a test can read: Electron's security checklist in one place.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The page's own scheme and host: never file://, so 'self' in the CSP means only Vigie's files. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vigie';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
  // Middle-click would open links in new windows without going through setWindowOpenHandler's checks.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

/**
 * The window's options; `preload` is the bundled preload's absolute path, `icon` Vigie's icon (the renderer's
 * icon-256.png, made by shared/host/app-icon.ts) for the title bar and the task bar.
 */
export function mainWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...(icon !== undefined ? { icon } : {}),
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Vigie',
    show: false,
    autoHideMenuBar: true,
    webPreferences: { ...WEB_PREFERENCES, preload },
  };
}

/** The hidden window that prints a report's summary to PDF: same hardening, no preload of its own needed. */
export function printWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return { show: false, width: 1000, height: 1400, webPreferences: { ...WEB_PREFERENCES, preload } };
}
