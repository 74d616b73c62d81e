// The Accounts page with 100,000 accounts stays usable: it draws a screenful of rows, filters and sorts in
// well under a second, and scrolls from top to bottom. The report is a real engine report of a small
// synthetic school, its accounts repeated under new logins, saved in the history the real host serves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../shared/app/history-store.ts';
import { NoSecretStore } from '../shared/app/secret-store.ts';
import { createVigieServices, type VigieServices } from '../shared/app/vigie-services.ts';
import type { AccountReport, ScanReport } from '../shared/contract/report.ts';
import { runScan } from '../shared/engine/scan.ts';
import { generateSchool, writeSchoolLdif } from '../shared/testing/synthetic/index.ts';
import { startLoopbackHost, type LoopbackHost } from '../shared/host/loopback-host.ts';
import { screenshot } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { buildRenderer } from './support/renderer-build.ts';
import { VigieApp } from './pages/vigie-app.ts';

const ACCOUNTS = 100_000;

function repeatAccounts(report: ScanReport, count: number): ScanReport {
  const accounts: AccountReport[] = [];
  for (let i = 0; i < count; i++) {
    const model = report.accounts[i % report.accounts.length]!;
    const login = `${model.login}.${Math.floor(i / report.accounts.length)}`;
    accounts.push({ ...model, login, dn: model.dn.replace(/^[^,]+/, `uid=${login}`) });
  }
  return { ...report, accounts, summary: { ...report.summary, accounts: count } };
}

describe('the Accounts page with 100,000 accounts', () => {
  let dir: string;
  let services: VigieServices;
  let host: LoopbackHost;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let report: ScanReport;

  beforeAll(async () => {
    const staticDir = await buildRenderer();
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-e2e-large-'));
    const school = await generateSchool({ seed: 99, accounts: 200, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'CLEARTEXT'] });
    const ldif = path.join(dir, 'college.ldif');
    await writeSchoolLdif(school, ldif);
    report = repeatAccounts(await runScan({ source: { kind: 'ldif', file: ldif }, depth: 'quick' }), ACCOUNTS);
    const dataDir = path.join(dir, 'data');
    await new HistoryStore(dataDir).save(report, { label: 'Cité scolaire (100 000 comptes)' });
    services = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' });
    host = await startLoopbackHost({ services, staticDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    app = new VigieApp(page, 'fr');
    await page.goto(host.url);
    await app.goTo('summary');
    await app.summary.waitForReport(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await services?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('draws a screenful of rows, not all of them', async () => {
    await app.goTo('accounts');
    expect(await app.accounts.shownCount()).toBe(ACCOUNTS);
    const drawn = await app.accounts.renderedRowCount();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(80);
    await screenshot(page, 'accounts-100k');
  });

  // Wall-clock time on a 2-core machine shared with the other test projects: each action is timed three times and
  // the best try is held to its bound, so a moment of load elsewhere does not fail it and a page that became slower
  // fails every try.
  it('filters in under 1.5 s and sorts 100,000 rows in under 2.5 s (best of three tries)', async () => {
    const teachers = report.accounts.filter((a) => a.profile === 'teacher').length;
    const count = (n: number) => page.getByTestId('accounts-count').filter({ hasText: new RegExp(`^${n.toLocaleString('fr-FR')} `) });
    const filtering: number[] = [];
    const sorting: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      let started = Date.now();
      await app.accounts.filterByProfile('teacher');
      await count(teachers).waitFor();
      filtering.push(Date.now() - started);
      await app.accounts.filterByProfile(null);
      await count(ACCOUNTS).waitFor();

      started = Date.now();
      await app.accounts.sortBy('login');
      await page.locator('th.col-login[aria-sort="ascending"]').waitFor();
      await page.locator('.accounts-table tbody tr[data-login]').first().waitFor();
      sorting.push(Date.now() - started);
      // Back to the default order: the next try sorts by login from it again.
      await app.accounts.sortBy('risk');
      await page.locator('th.col-risk[aria-sort="ascending"]').waitFor();
    }
    expect(Math.min(...filtering)).toBeLessThan(1_500);
    expect(Math.min(...sorting)).toBeLessThan(2_500);
  });

  it('scrolls to the last account', async () => {
    const region = page.getByRole('region', { name: app.words.t.accounts.tableLabel });
    await region.focus();
    await page.keyboard.press('End');
    // The last account's row carries aria-rowindex 100,001 (the header row is 1).
    await page.locator(`.accounts-table tbody tr[aria-rowindex="${ACCOUNTS + 1}"]`).waitFor();
    expect(await app.accounts.renderedRowCount()).toBeLessThan(80);
    await screenshot(page, 'accounts-100k-end');
  });
});
