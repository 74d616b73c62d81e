// Issue #13 §2, §3, §7 and §8 in Chromium, on the real loopback host: a reload mid-scan keeps the session and
// re-attaches the progress and its cancel; « Tester » on an LDIF source checks the file and says so in French;
// errors are in the user's language and go when the source changes; the history tells scans apart (time, depth,
// source) and the trend compares only what compares; no console error and no 404 (favicon) on any page.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { startVigieUnderTest, type VigieUnderTest } from './support/vigie-under-test.ts';
import { VigieApp } from './pages/vigie-app.ts';

describe('a session that survives reload, errors in French, a history that cannot mislead', () => {
  let vigie: VigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  const problems: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieUnderTest();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    app = new VigieApp(page, 'fr');
    await page.goto(vigie.host.url);
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('serves its own favicon: /favicon.ico and the SVG the page names', async () => {
    for (const [file, type] of [['/favicon.ico', 'image/x-icon'], ['/favicon.svg', 'image/svg+xml']] as const) {
      const answer = await page.request.get(new URL(file, vigie.host.origin).toString());
      expect(answer.status(), file).toBe(200);
      expect(answer.headers()['content-type']).toBe(type);
    }
    const icons = page.locator('link[rel="icon"]');
    expect(await icons.count()).toBe(2);
    expect([await icons.nth(0).getAttribute('href'), await icons.nth(1).getAttribute('href')]).toEqual(['./favicon.ico', './favicon.svg']);
  });

  it('checks an LDIF file instead of « testing a connection », and says in French what it holds', async () => {
    const t = app.words.t;
    await app.scan.useLdifFile(vigie.school.ldif);
    expect(await page.getByRole('button', { name: t.scan.testFile }).isVisible()).toBe(true);
    const said = await app.scan.checkFile();
    const check = await vigie.services.testConnection({ connection: { kind: 'ldif', file: vigie.school.ldif } });
    expect(check.ok).toBe(true);
    expect(said).toBe(t.scan.testFileOk(check.file!.entries, check.file!.withPassword));
    // Counted here from the file itself: entries (blocks) with a stored password attribute, values never read.
    const blocks = (await readFile(vigie.school.ldif, 'utf8')).split(/\n\s*\n/).filter((b) => /^dn:/m.test(b));
    expect(check.file!.entries).toBe(blocks.length);
    expect(check.file!.withPassword).toBe(blocks.filter((b) => /^(?:userPassword|sambaNTPassword|sambaLMPassword)::? /im.test(b)).length);
    expect(said).not.toMatch(/chiffrée|Connexion réussie/);
    await screenshot(page, 'ldif-check-ok-fr');
  });

  it('says why a file cannot be scanned, and drops the old answer as soon as the path changes', async () => {
    const t = app.words.t;
    const missing = path.join(path.dirname(vigie.dataDir), 'absent', 'annuaire.ldif');
    await page.getByLabel(t.scan.ldifFile, { exact: true }).fill(missing);
    // The earlier « readable » answer was about another file: it is gone.
    expect(await app.scan.formNotices()).toEqual([]);
    const said = await app.scan.checkFile();
    expect(said).toContain(t.scan.testFileFailed);
    expect(said).toContain(t.scan.fileProblems.missing(missing));
    expect(said).not.toMatch(/does not exist/);
    await screenshot(page, 'ldif-check-missing-fr');

    const notes = path.join(path.dirname(vigie.dataDir), 'notes.txt');
    await writeFile(notes, 'dn: uid=a,dc=test\nuid: a\nceci est une phrase, pas du LDIF\n');
    await page.getByLabel(t.scan.ldifFile, { exact: true }).fill(notes);
    expect(await app.scan.checkFile()).toContain(t.scan.fileProblems.notLdif(notes, 3));
  });

  it('says a refused bind in French, keeps the English line folded away, and clears it when the source changes', async () => {
    const t = app.words.t;
    await app.scan.useNewLdapConnection({ url: vigie.slapd.url, baseDn: vigie.school.school.baseDn, bindDn: vigie.slapd.rootDn, password: 'not-the-password' });
    const said = await app.scan.testConnection();
    expect(said).toContain(t.scan.testFailed);
    expect(said).toContain(t.errorText.invalidCredentials({ who: vigie.slapd.rootDn }));
    expect(said).toContain(t.errors.credentials);
    expect(said).toContain(t.errorDetail);
    // The host's English line is there for a support request, closed: not what the page says.
    expect(said).not.toMatch(/wrong DN or password/);
    expect(said).not.toContain('not-the-password');
    await screenshot(page, 'connection-error-fr');

    await page.getByLabel(t.scan.url, { exact: true }).fill(`${vigie.slapd.url}/`);
    expect(await app.scan.formNotices()).toEqual([]);
  });

  it('keeps the session through a reload mid-scan: the progress comes back, and Cancel still works', async () => {
    const t = app.words.t;
    await app.scan.useLdifFile(vigie.slowSchool.ldif);
    await app.scan.chooseDepth('deep');
    await app.scan.start();
    await app.scan.waitForProgress();
    expect(page.url()).not.toContain('token');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.scan.title }).waitFor();
    // Still not in the address: the tab kept it.
    expect(page.url()).not.toContain('token');
    const phases = await app.scan.waitForProgress();
    expect(phases).toHaveLength(5);
    expect(await app.scan.resumedLine()).toContain(`${vigie.slowSchool.ldif} — profondeur approfondi`);
    // The host answers the reloaded page: the saved schools (the demo) are listed, not « Aucun établissement ».
    await expect.poll(() => page.getByRole('combobox', { name: t.scan.savedSchool }).locator('option').count()).toBeGreaterThan(1);
    expect(await page.getByText(t.scan.noSavedSchool).count()).toBe(0);
    await screenshot(page, 'reload-mid-scan-fr');

    await app.scan.cancel();
    expect(await app.scan.waitForCancelled()).toContain(t.progress.cancelled);
    expect(await vigie.services.runningScan()).toBeNull();
    expect(await vigie.services.listHistory()).toEqual([]);
  });

  it('lists each scan with its date, time, depth, source and grade, and compares only the same depth', async () => {
    const t = app.words.t;
    await app.goTo('scan');
    for (const depth of ['quick', 'standard'] as const) {
      await app.goTo('scan');
      await app.scan.useLdifFile(vigie.school.ldif);
      await app.scan.chooseDepth(depth);
      await app.scan.start();
      await app.summary.waitForReport();
      await expect.poll(async () => (await vigie.services.listHistory()).length).toBe(depth === 'quick' ? 1 : 2);
    }
    const history = await vigie.services.listHistory();
    expect(history.map((h) => [h.depth, h.sourceKind, h.source])).toEqual([
      ['standard', 'ldif', vigie.school.ldif], ['quick', 'ldif', vigie.school.ldif],
    ]);
    const entries = await app.summary.historyEntries();
    expect(entries).toHaveLength(2);
    const [standard, quick] = history;
    expect(entries[0]).toBe(`${t.history.source('ldif', vigie.school.ldif)} — ${t.history.when(standard!.finishedAt)} — standard (note ${standard!.grade})`);
    expect(entries[1]).toBe(`${t.history.source('ldif', vigie.school.ldif)} — ${t.history.when(quick!.finishedAt)} — rapide (note ${quick!.grade})`);
    for (const line of entries) expect(line).toMatch(/\d{2}:\d{2}/);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'history-picker-fr');
    expect(await app.sidewaysOverflow()).toBe(0);

    // The standard scan after a quick one is not « progress »: the quick one is named and not compared.
    expect(await app.summary.trendSentence()).toBe(t.trend.noComparable);
    expect(await app.summary.trendSkipped()).toBe(t.trend.skipped(t.history.when(quick!.finishedAt), 'Rapide', false));
    expect(await app.summary.trendBarLabels()).toEqual([
      t.trend.barDay(quick!.finishedAt), t.trend.barTime(quick!.finishedAt), t.trend.barDay(standard!.finishedAt), t.trend.barTime(standard!.finishedAt),
    ]);
    await page.locator('.card-trend').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-trend-fr');
  });

  it('says the same in English, and no page raised an error or a 404', async () => {
    await app.switchLanguage('en');
    const t = app.words.t;
    await app.goTo('summary');
    const [standard] = await vigie.services.listHistory();
    expect((await app.summary.historyEntries())[0]).toBe(`${t.history.source('ldif', vigie.school.ldif)} — ${t.history.when(standard!.finishedAt)} — standard (grade ${standard!.grade})`);
    expect(await app.summary.trendSentence()).toBe(t.trend.noComparable);
    await page.locator('.card-trend').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-trend-en');

    await app.goTo('scan');
    await app.scan.useLdifFile(path.join(path.dirname(vigie.dataDir), 'absent.ldif'));
    expect(await app.scan.checkFile()).toContain(t.scan.fileProblems.missing(path.join(path.dirname(vigie.dataDir), 'absent.ldif')));
    await screenshot(page, 'ldif-check-missing-en');

    for (const language of ['en', 'fr'] as const) {
      if (app.words.language !== language) await app.switchLanguage(language);
      for (const section of ['scan', 'summary', 'accounts', 'exports'] as const) await app.goTo(section);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await app.goTo('summary');
    }
    expect(problems).toEqual([]);
  });
});
