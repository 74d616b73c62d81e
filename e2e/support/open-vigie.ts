// Debian's Chromium on Vigie's page, as each browser journey opens it: a fresh context (downloads accepted), the
// token URL, the scan page's heading waited for, and every problem the page shows a person or a console recorded —
// a page error, a console error, an answer of 400 or more (issue #13: no console error or 404 on any page).
import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../shared/contract/api.ts';
import { VigieApp } from '../pages/vigie-app.ts';
import { launchChromium } from './chromium.ts';

export interface OpenVigie {
  browser: Browser;
  page: Page;
  app: VigieApp;
  /** One line per problem, in the order they came; a journey ends by expecting none. */
  problems: string[];
}

export async function openVigie(url: string, options: { viewport?: { width: number; height: number }; language?: Language } = {}): Promise<OpenVigie> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    const app = new VigieApp(page, options.language ?? 'fr');
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
    return { browser, page, app, problems };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
