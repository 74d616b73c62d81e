// Electron's PDF export: a hidden, equally hardened window loads the page in print mode for one report, and
// webContents.printToPDF renders it. The page's contract (to be honoured by renderer/): with
// `?print=<reportId>&lang=<fr|en>` it shows that report's summary alone and sets
// `document.documentElement.dataset.printReady = 'true'` once drawn.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Language } from '../shared/contract/api.ts';
import type { PdfRenderer } from '../shared/app/export-service.ts';
import { VigieError } from '../shared/engine/errors.ts';
import { APP_INDEX_URL } from './window-options.ts';

const READY_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 100;

export function printUrl(reportId: string, language: Language): string {
  const url = new URL(APP_INDEX_URL);
  url.searchParams.set('print', reportId);
  url.searchParams.set('lang', language);
  return url.toString();
}

export function summaryPdfRenderer(
  makeWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: BrowserWindowConstructorOptions,
): PdfRenderer {
  return async (reportId, language) => {
    const window = makeWindow(options);
    try {
      await window.loadURL(printUrl(reportId, language));
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (!(await window.webContents.executeJavaScript("document.documentElement.dataset.printReady === 'true'") as boolean)) {
        if (Date.now() > deadline) throw new VigieError('the summary page did not finish drawing for the PDF', 'use the Print button instead');
        await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
      }
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      window.destroy();
    }
  };
}
