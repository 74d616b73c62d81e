// Issue #13 §5 end to end, the IT staff's journey on the Accounts page: a generated collège (clear text, MD5, SHA and
// SSHA storage, weak passwords planted) in a throwaway slapd, scanned from the app in Chromium on the loopback host.
// The list fills the window and shows each account's whole problems text; a row opens a detail panel (why, what to
// do, the stored schemes by name — never a password or a hash); the filtered list exports as a CSV in the UI's
// language, named after the school and the scan's day. Screenshots at 800 and 1280 px, French and English.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FINDING_CODES, SEVERITIES } from '../shared/contract/codes.ts';
import type { AccountReport, ScanReport } from '../shared/contract/report.ts';
import { en } from '../renderer/src/i18n/messages-en.ts';
import { fr } from '../renderer/src/i18n/messages-fr.ts';
import { screenshot } from './support/artifacts.ts';
import { openVigie } from './support/open-vigie.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import type { VigieApp } from './pages/vigie-app.ts';
import { readCsv } from '../renderer/src/model/csv-reader.test-support.ts';

const SCHOOL = { seed: 20261123, accounts: 240, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'SHA', 'CLEARTEXT'] } as const;
const SCHOOL_NAME = 'Collège Jean Moulin (e2e)';
const SCHOOL_SLUG = 'college-jean-moulin-e2e';

/** Every stored password value of the LDIF as slapd serves it, base64 decoded, with and without its {SCHEME} tag. */
async function storedValues(ldifFile: string): Promise<string[]> {
  const ldif = (await readFile(ldifFile, 'utf8')).replace(/\r?\n /g, '');
  const values = new Set<string>();
  for (const line of ldif.split(/\r?\n/)) {
    const m = /^(userPassword|sambaNTPassword|sambaLMPassword)(::?) ?(.*)$/i.exec(line);
    if (m === null) continue;
    const value = m[2] === '::' ? Buffer.from(m[3]!, 'base64').toString('utf8') : m[3]!;
    values.add(value);
    values.add(value.replace(/^\{[^}]+\}/, ''));
  }
  // Short values (an empty one, « 1234 ») could be any word of the page: the hashes and real passwords are longer.
  return [...values].filter((v) => v.length >= 8);
}

describe('the IT staff’s accounts page: detail panel, whole problems, filtered export', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let report: ScanReport;
  let secrets: string[];
  let problems: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ ...SCHOOL, schemes: [...SCHOOL.schemes] }, 'open');
    // Held in memory only, to prove the page and the file show none. Left out: plain lower-case words (« password »
    // is also an HTML attribute) and values that are an account's own login, DN or class (the page names those).
    const named = vigie.school.school.truth.map((t) => `${t.login}\n${t.dn}\n${t.classes.join('\n')}`).join('\n').toLowerCase();
    secrets = [
      ...await storedValues(vigie.school.ldif),
      ...vigie.school.school.truth.map((t) => t.planted?.password ?? '').filter((p) => p.length >= 8),
    ].filter((p) => !/^[a-z]+$/.test(p) && !named.includes(p.toLowerCase()));
    ({ browser, page, app, problems } = await openVigie(vigie.host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('scans the saved school from the app', async () => {
    const { slapd, school } = vigie;
    await app.scan.scanAsSavedSchool(SCHOOL_NAME, { url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw }, 'quick');
    await app.summary.waitForReport();
    const history = await vigie.services.listHistory();
    report = await vigie.services.getReport(history[0]!.reportId);
    expect(report.accounts).toHaveLength(SCHOOL.accounts);
    expect(secrets.length).toBeGreaterThan(100);
  });

  it('fills the window with the list and shows every account’s whole problems text', async () => {
    await app.goTo('accounts');
    const fit = await app.accounts.listFit();
    // The list runs to the bottom of the window (the footer below it), not a box of ten rows.
    expect(fit.windowHeight - fit.bottom).toBeLessThan(80);
    expect(fit.bottom - fit.top).toBeGreaterThan(fit.windowHeight * 0.5);
    expect(await app.accounts.renderedRowCount()).toBeGreaterThan(10);
    expect(await app.accounts.renderedRowCount()).toBeLessThan(report.accounts.length);
    expect(await app.accounts.cutProblemCells()).toBe(0);
    // The longest problems text on screen is whole, not an ellipsis.
    const rows = await app.accounts.visibleRows();
    const longest = rows.reduce((a, b) => (b.findings.length > a.findings.length ? b : a));
    expect(longest.findings).not.toMatch(/…$/);
    expect(longest.findings.split(' · ').length).toBe(report.accounts.find((a) => a.login === longest.login)!.findings.length || 1);
    await screenshot(page, 'accounts-1280');
  });

  it('opens a clear-text account’s detail: why, what to do, the scheme by name, no password and no hash', async () => {
    const t = app.words.t;
    const cleartext = report.accounts.find((a) => a.findings.some((f) => f.code === 'CLEARTEXT_PASSWORD') && a.findings.length >= 2)
      ?? report.accounts.find((a) => a.findings.some((f) => f.code === 'CLEARTEXT_PASSWORD'))!;
    await app.accounts.search(cleartext.login);
    const detail = await app.accounts.openDetail(cleartext.login);
    expect(detail.title).toBe(t.accountDetail.title(cleartext.login));
    expect(detail.findings).toHaveLength(cleartext.findings.length);
    expect(detail.findings.some((f) => f.startsWith(t.severities.critical) && f.includes(t.codes.CLEARTEXT_PASSWORD))).toBe(true);
    expect(detail.actions).toContain(t.accountDetail.actions.CLEARTEXT_PASSWORD);
    expect(detail.actions.join(' ')).toContain('Faire changer le mot de passe et migrer le stockage vers argon2');
    expect(detail.schemes).toEqual(cleartext.storedSchemes.map((s) => [s.scheme === 'CLEARTEXT' ? 'en clair' : expect.any(String), s.attribute, expect.any(String)]));
    expect(detail.text).toContain(t.profiles.one[cleartext.profile]);
    for (const c of cleartext.classes) expect(detail.text).toContain(c);
    // The panel beside the list: the list's columns still fill what is left.
    expect(Math.abs(await app.accounts.unusedListWidth())).toBeLessThanOrEqual(2);
    const html = await page.content();
    expect(secrets.filter((s) => html.includes(s))).toEqual([]);
    await screenshot(page, 'accounts-detail-1280');
  });

  it('opens a legacy-hash account with the keyboard, and Escape brings the focus back to its row', async () => {
    const t = app.words.t;
    const legacy = report.accounts.find((a) => a.findings.some((f) => f.code === 'LEGACY_HASH') && !a.findings.some((f) => f.code === 'CLEARTEXT_PASSWORD'))!;
    await app.accounts.search(legacy.login);
    const detail = await app.accounts.openDetailWithKeyboard(legacy.login);
    expect(detail.title).toBe(t.accountDetail.title(legacy.login));
    expect(detail.actions).toContain(t.accountDetail.actions.LEGACY_HASH);
    const names = detail.schemes.map((s) => s[0]);
    expect(names).toEqual(expect.arrayContaining([legacy.hashScheme]));
    // Names only: a scheme cell is a word or two, never a value.
    for (const s of detail.schemes) expect(s[0]!.length).toBeLessThan(20);
    expect(secrets.filter((s) => detail.text.includes(s))).toEqual([]);
    expect(await app.accounts.closeDetailWithEscape()).toBe(legacy.login);
    expect(await app.accounts.isDetailOpen()).toBe(false);
    await app.accounts.clearFilters();
  });

  it('exports the filtered list in French: ; and a BOM, French words, the school and the day in the name', async () => {
    const t = fr;
    await app.accounts.filterByCode('LEGACY_HASH');
    const legacy = report.accounts.filter((a) => a.findings.some((f) => f.code === 'LEGACY_HASH'));
    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.length).toBeLessThan(report.accounts.length);
    expect(await app.accounts.shownCount()).toBe(legacy.length);

    const download = await app.accounts.exportCsv();
    expect(download.suggestedFilename()).toBe(`vigie-comptes-${SCHOOL_SLUG}-${report.finishedAt.slice(0, 10)}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    expect(csv.split('\r\n')[0]).toBe(Object.values(t.accountsCsv.columns).join(';'));
    const rows = readCsv(csv, ';');
    expect(rows).toHaveLength(legacy.length + 1);
    for (const row of rows) expect(row).toHaveLength(9);
    const body = rows.slice(1);
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(legacy.map((a) => a.login)));
    for (const row of body) {
      const account = legacy.find((a) => a.login === row[0]) as AccountReport;
      expect(row[2]).toBe(t.profiles.one[account.profile]);
      expect(row[5]).toBe(t.severities[account.risk!]);
      expect(row[6]).toContain(t.codes.LEGACY_HASH);
      expect(row[7]).toContain(t.accountDetail.actions.LEGACY_HASH);
    }
    const text = body.flat().join('\n');
    for (const code of [...ACCOUNT_FINDING_CODES, ...SEVERITIES, 'student', 'teacher', 'staff', 'CLEARTEXT']) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect(secrets.filter((s) => csv.includes(s))).toEqual([]);
    expect(await page.getByTestId('accounts-exported').innerText()).toBe(t.accounts.exported(download.suggestedFilename(), legacy.length));
  });

  it('keeps to the window at 800 px, the panel over the list', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    await app.accounts.clearFilters();
    expect(await app.sidewaysOverflow()).toBe(0);
    expect(await app.accounts.cutProblemCells()).toBe(0);
    expect(Math.abs(await app.accounts.unusedListWidth())).toBeLessThanOrEqual(2);
    await screenshot(page, 'accounts-800');
    const first = (await app.accounts.visibleRows())[0]!;
    await app.accounts.openDetail(first.login);
    expect(await app.sidewaysOverflow()).toBe(0);
    await screenshot(page, 'accounts-detail-800');
    await app.accounts.closeDetailWithEscape();
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('exports in English: commas, English words only, an English file name', async () => {
    await app.switchLanguage('en');
    await app.goTo('accounts');
    await app.accounts.filterByCode('PERSONAL_INFO_PASSWORD');
    const personal = report.accounts.filter((a) => a.findings.some((f) => f.code === 'PERSONAL_INFO_PASSWORD'));
    expect(personal.length).toBeGreaterThan(0);
    const download = await app.accounts.exportCsv();
    expect(download.suggestedFilename()).toBe(`vigie-accounts-${SCHOOL_SLUG}-${report.finishedAt.slice(0, 10)}.csv`);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    expect(csv.split('\r\n')[0]).toBe(Object.values(en.accountsCsv.columns).join(','));
    const rows = readCsv(csv, ',');
    expect(rows).toHaveLength(personal.length + 1);
    for (const row of rows) expect(row).toHaveLength(9);
    for (const row of rows.slice(1)) {
      const account = personal.find((a) => a.login === row[0])!;
      expect(row[2]).toBe(en.profiles.one[account.profile]);
      expect(row[6]).toContain(en.codes.PERSONAL_INFO_PASSWORD);
    }
    // The report's patterns are French; the English file says them in English.
    expect(rows.slice(1).some((r) => /surname|given name|date of birth|login|initials/.test(r[6]!))).toBe(true);
    const body = rows.slice(1).map((r) => r.slice(2).join(';')).join('\n');
    expect(body).not.toMatch(/date de naissance|prénom|\bnom\b|élève|enseignant|critique|élevée|moyenne|Mot de passe|Empreinte/);
    expect(body).not.toMatch(/\bLEGACY_HASH\b|\bPERSONAL_INFO_PASSWORD\b/);
    const detail = await app.accounts.openDetail(rows[1]![0]!);
    expect(detail.actions).toContain(en.accountDetail.actions.PERSONAL_INFO_PASSWORD);
    // The list narrowed beside the panel: its rows were measured again, none left taller than its text.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    expect(await app.accounts.slackRows()).toBe(0);
    expect(await app.accounts.cutProblemCells()).toBe(0);
    await screenshot(page, 'accounts-detail-en');
  });

  it('raised no error in the page, and no request failed', () => {
    expect(problems).toEqual([]);
  });
});
