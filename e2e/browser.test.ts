// The browser journeys: Debian's Chromium on the real loopback host, the real services and engine, a synthetic
// school in a throwaway slapd. One page, one run of the journeys in order, as a school's IT person would.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../shared/contract/report.ts';
import { corpusRecords, writeHibpFile } from '../shared/engine/breached/hibp-corpus.ts';
import { artifactPath, screenshot } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { canReadPdfText, pdfPages } from './support/pdf-text.ts';
import { startVigieUnderTest, type VigieUnderTest } from './support/vigie-under-test.ts';
import { VigieApp } from './pages/vigie-app.ts';
import { readCsv } from '../renderer/src/model/csv-reader.test-support.ts';

const SCHOOL_NAME = 'Collège Jean Moulin (test)';

describe('Vigie in a browser, on the loopback host', () => {
  let vigie: VigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let report: ScanReport;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieUnderTest();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    app = new VigieApp(page, 'fr');
    await page.goto(vigie.host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('opens with the token, then takes it out of the address bar', async () => {
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
    expect(vigie.host.url).toContain('token=');
    expect(page.url()).not.toContain('token');
    expect(await app.currentSection()).toBe('Analyse');
    await screenshot(page, 'scan-page');
  });

  it('tests a new LDAP connection and says in plain words that it is not encrypted', async () => {
    await app.scan.useNewLdapConnection({ url: vigie.slapd.url, baseDn: vigie.school.school.baseDn, bindDn: vigie.slapd.rootDn, password: vigie.slapd.rootPw });
    expect(await app.scan.passwordFieldType()).toBe('password');
    expect(await app.scan.testConnection()).toBe(app.words.t.scan.testOk.none);
  });

  it('explains a wrong password and what to do', async () => {
    await app.scan.useNewLdapConnection({ url: vigie.slapd.url, baseDn: vigie.school.school.baseDn, bindDn: vigie.slapd.rootDn, password: 'not-the-password' });
    const message = await app.scan.testConnection();
    expect(message).toContain(app.words.t.scan.testFailed);
    expect(message).toContain(app.words.t.errors.credentials);
    expect(message).not.toContain('not-the-password');
    await screenshot(page, 'scan-connection-error');
  });

  it('saves the school, scans it from the saved profile and shows the summary', async () => {
    await app.scan.useNewLdapConnection({ url: vigie.slapd.url, baseDn: vigie.school.school.baseDn, bindDn: vigie.slapd.rootDn, password: vigie.slapd.rootPw });
    await app.scan.saveAsSchool(SCHOOL_NAME);
    const profiles = await vigie.services.listProfiles();
    // The built-in demo school comes first; the saved school follows it.
    expect(profiles.map((p) => p.builtIn === true)).toEqual([true, false]);
    expect(profiles[1]).toMatchObject({ name: SCHOOL_NAME, passwordSaved: false, connection: { kind: 'ldap', url: vigie.slapd.url } });

    await app.scan.chooseSavedSchool(SCHOOL_NAME);
    // The browser host keeps no password: the page asks for it again for this scan.
    await page.getByLabel(app.words.t.scan.password, { exact: true }).fill(vigie.slapd.rootPw);
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    await screenshot(page, 'summary-page');

    const history = await vigie.services.listHistory();
    expect(history).toHaveLength(1);
    report = await vigie.services.getReport(history[0]!.reportId);
    expect(report.summary.accounts).toBe(vigie.school.school.truth.length);
    expect(await app.summary.grade()).toBe(report.summary.grade);
    expect(await app.summary.score()).toBe(report.summary.score);
    expect(await app.summary.verdictSentence()).toBe(app.words.t.grades[report.summary.grade]);
    expect(await app.currentSection()).toBe('Synthèse');
  });

  it('counts accounts by profile and lists three urgent actions in plain words', async () => {
    for (const [profile, counts] of Object.entries(report.summary.byProfile)) {
      expect(await app.summary.profileRow(profile as keyof typeof report.summary.byProfile)).toEqual({ accounts: counts.accounts, withFindings: counts.withFindings });
    }
    const actions = await app.summary.urgentActions();
    expect(actions).toHaveLength(3);
    // Anyone can read this slapd's hashes (its ACL is open, critical for the whole directory): hiding them comes
    // first; the planted cleartext passwords come right after.
    expect(actions[0]).toBe(app.words.t.directoryCodes.HASHES_READABLE_ANONYMOUSLY);
    expect(actions[1], actions.join(' | ')).toContain('lisibles en clair');
    expect(await app.summary.trendSentence()).toBe(app.words.t.summary.trendFirst);
  });

  it('prints the summary on one A4 page that shows the grade', async () => {
    const file = await artifactPath('summary.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    if (!canReadPdfText()) {
      console.log('e2e: pdftotext missing (Debian poppler-utils): the PDF text check is skipped; the page count was checked.');
      return;
    }
    const pages = await pdfPages(file);
    expect(pages).toHaveLength(1);
    // Layout breaks lines where it likes: compare words, not line breaks.
    const text = pages[0]!.replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`NOTE ${report.summary.grade}\\b`));
    expect(text).toContain(`${report.summary.score} sur 100`);
    expect(text).toContain(app.words.t.grades[report.summary.grade]);
    // The page's chrome stays off paper.
    expect(text).not.toContain(app.words.t.summary.print);
  });

  it('filters, searches and sorts the accounts', async () => {
    await app.goTo('accounts');
    expect(await app.accounts.shownCount()).toBe(report.accounts.length);
    await screenshot(page, 'accounts-page');

    await app.accounts.filterByProfile('teacher');
    const teachers = report.accounts.filter((a) => a.profile === 'teacher');
    expect(await app.accounts.shownCount()).toBe(teachers.length);
    expect(new Set((await app.accounts.visibleRows()).map((r) => r.profile))).toEqual(new Set([app.words.t.profiles.one.teacher]));

    await app.accounts.filterByProfile(null);
    await app.accounts.filterByCode('PERSONAL_INFO_PASSWORD');
    const personal = report.accounts.filter((a) => a.findings.some((f) => f.code === 'PERSONAL_INFO_PASSWORD'));
    expect(personal.length).toBeGreaterThan(0);
    expect(await app.accounts.shownCount()).toBe(personal.length);
    const rows = await app.accounts.visibleRows();
    // The weak password's pattern is shown; never a password (the report holds none).
    for (const row of rows) expect(row.findings).toContain(app.words.t.codes.PERSONAL_INFO_PASSWORD);
    expect(rows.some((row) => /nom|prénom|date de naissance|identifiant|initiales/.test(row.findings))).toBe(true);
    await screenshot(page, 'accounts-filtered');

    await app.accounts.filterBySeverity('critical');
    const criticalPersonal = personal.filter((a) => a.findings.some((f) => f.severity === 'critical'));
    expect(await app.accounts.shownCount()).toBe(criticalPersonal.length);

    await app.accounts.clearFilters();
    const someone = report.accounts[Math.floor(report.accounts.length / 2)]!;
    await app.accounts.search(someone.login);
    expect((await app.accounts.visibleRows()).map((r) => r.login)).toContain(someone.login);
    await app.accounts.clearSearchWithEscape();
    expect(await app.accounts.shownCount()).toBe(report.accounts.length);

    await app.accounts.sortBy('login');
    const sortedLogins = report.accounts.map((a) => a.login).sort((a, b) => a.localeCompare(b, 'fr', { numeric: true, sensitivity: 'base' }));
    expect((await app.accounts.visibleRows())[0]?.login).toBe(sortedLogins[0]);
    // Virtualised: the page draws a screenful, not every account.
    expect(await app.accounts.renderedRowCount()).toBeLessThan(report.accounts.length);
  });

  it('exports the accounts as pseudonymised CSV through a download', async () => {
    await app.goTo('exports');
    await screenshot(page, 'exports-page');
    await app.exports.setPseudonymise(true);
    const download = await app.exports.download('csv');
    expect(download.suggestedFilename()).toMatch(/-pseudonymise\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    // French: ';' between fields (issue #13 §5), login then DN, each a pseudonym from the host's key.
    const rows = readCsv(csv.replace(/^\ufeff/, ''), ';');
    expect(rows).toHaveLength(report.accounts.length + 1);
    const logins = new Set(report.accounts.map((a) => a.login));
    const dns = new Set(report.accounts.map((a) => a.dn));
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^id-[0-9a-f]{16}$/);
      expect(row[1]).toMatch(/^compte-[0-9a-f]{16}$/);
    }
    expect(rows.slice(1).filter((r) => logins.has(r[0]!) || dns.has(r[1]!))).toEqual([]);

    await app.exports.setPseudonymise(false);
    const plain = await readFile(await (await app.exports.download('csv')).path(), 'utf8');
    expect(plain).toContain(report.accounts[0]!.login);
  });

  it('exports the full report as JSON', async () => {
    const download = await app.exports.download('json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as ScanReport;
    expect(exported.summary).toEqual(report.summary);
  });

  it('says breached passwords were not checked, and imports a HIBP download through the card', async () => {
    const t = app.words.t;
    expect(report.source.breachIndex).toEqual({ present: false });
    await app.goTo('summary');
    expect(await app.summary.breachNotice()).toContain(t.summary.breachNotChecked);
    await app.summary.openBreachImport();
    expect(await app.currentSection()).toBe('Exports');
    expect(await app.breach.status()).toBe(t.breach.none);

    await app.breach.importFrom('pwnedpasswords.txt');
    const refused = await app.breach.waitForMessage(t.breach.failed);
    // Said in French (issue #13 §7); the host's English line is folded away as the technical detail.
    expect(refused).toContain(t.errorText.notFullPath({ file: 'pwnedpasswords.txt' }));
    expect(refused).not.toContain('not a full path');
    expect(refused).toContain(t.breach.advice);

    // A tiny generated corpus in HIBP's single-file layout; Vigie reads it from disk, downloads nothing.
    const file = path.join(path.dirname(vigie.dataDir), 'pwnedpasswords-sha1.txt');
    await writeHibpFile(file, corpusRecords('sha1', [['Invented-Planted-E2E', 12]], 999));
    await app.breach.importFrom(file);
    expect(await app.breach.waitForMessage(t.breach.done(1000))).toContain(t.breach.done(1000));
    expect(await app.breach.waitForStatus(/^Index présent/)).toContain(t.breach.sha1(1000));
    expect(await vigie.services.breachIndexStatus()).toMatchObject({ present: true, sha1Entries: 1000 });
    await screenshot(page, 'breach-import-done');
  });

  it('cancels a long scan and says so', async () => {
    await app.goTo('scan');
    await app.scan.useLdifFile(vigie.slowSchool.ldif);
    await app.scan.chooseDepth('deep');
    await app.scan.start();
    const phases = await app.scan.waitForProgress();
    expect(phases).toEqual(['read', 'classify', 'global', 'accounts', 'learned'].map((p) => app.words.t.phases[p as keyof typeof app.words.t.phases]));
    await screenshot(page, 'scan-progress');
    await app.scan.cancel();
    expect(await app.scan.waitForCancelled()).toContain(app.words.t.progress.cancelled);
    await screenshot(page, 'scan-cancelled');
    expect(await vigie.services.listHistory()).toHaveLength(1);
  });

  it('switches to English, saves the choice, and translates the summary', async () => {
    await app.switchLanguage('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => vigie.services.getSettings()).toMatchObject({ language: 'en' });
    await app.goTo('summary');
    expect(await app.summary.verdictSentence()).toBe(app.words.t.grades[report.summary.grade]);
    expect((await app.summary.urgentActions())[1]).toContain('read in clear');
    await screenshot(page, 'summary-page-en');
    await app.goTo('accounts');
    await app.accounts.filterByCode('PERSONAL_INFO_PASSWORD');
    const rows = await app.accounts.visibleRows();
    expect(rows.some((row) => /surname|given name|date of birth|login|initials/.test(row.findings))).toBe(true);
    await screenshot(page, 'accounts-page-en');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
