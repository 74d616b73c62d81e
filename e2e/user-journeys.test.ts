// Issue #13's « Done when », the three journeys end to end in Chromium on the loopback host, against a real slapd
// whose hashes anyone can read, reached without TLS: a generated collège whose pupils kept the formula imposed at
// account creation, whose staff share a start-of-year default (some of it still in clear), half-way to argon2id.
// - The principal: the grade and what A–F mean, the three urgent actions chosen across ALL the findings (accounts
//   and directory), and the printed summary looked at as an image: one A4 page, inked across its width and height.
// - IT staff: an account's detail panel, the filtered list exported, and F5 in the middle of a deep scan: the
//   reloaded page follows the same scan's progress, says so on every page, and cancels it.
// - The DSI: the migration plan built from the app against the live slapd, its files on the disk in 0600.
// Every step leaves a screenshot in e2e-artifacts/; the journey ends with no page error, console error or 4xx/5xx.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FINDING_CODES, GRADE_FLOORS, SEVERITIES, type Profile } from '../shared/contract/codes.ts';
import { en } from '../renderer/src/i18n/messages-en.ts';
import { fr } from '../renderer/src/i18n/messages-fr.ts';
import type { ScanReport } from '../shared/contract/report.ts';
import type { Messages } from '../renderer/src/i18n/messages-fr.ts';
import { urgentActions, type UrgentAction } from '../renderer/src/model/urgent-actions.ts';
import { readCsv } from '../renderer/src/model/csv-reader.test-support.ts';
import { artifactPath, screenshot } from './support/artifacts.ts';
import { openVigie } from './support/open-vigie.ts';
import { canRenderPdf, renderPdfPages } from './support/pdf-image.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import { MigrationPlanCard } from './pages/migration-plan-card.ts';
import type { VigieApp } from './pages/vigie-app.ts';

// Seed 2: a formula a quick scan learns (the journey runs in seconds), and argon2 accounts a deep scan takes minutes on.
const SCHOOL = { seed: 2, accounts: 240, flavour: 'sdet', imposed: true } as const;
const SCHOOL_NAME = 'Collège des trois parcours (e2e)';
const SCHOOL_SLUG = 'college-des-trois-parcours-e2e';
const SCAN_WAIT = 420_000;

/** Intl and layout put no-break spaces where a reader sees spaces: compare words. */
const words = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const nextFrame = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

/** What the summary says for an urgent action, in the UI's words (the page's own sentence, built here again). */
function actionSentence(action: UrgentAction, t: Messages): string {
  const who = (profiles: Profile[]): string => t.list(profiles.map((p) => t.profiles.plural[p]));
  switch (action.kind) {
    case 'directory': return t.directoryCodes[action.code];
    case 'imposed': return t.forcedActions.imposed(action.accounts, who([action.profile]), action.label?.fr ?? null);
    case 'default': return t.forcedActions.sharedDefault(action.accounts, who(action.profiles));
    case 'accounts': return t.codeActions[action.code](action.accounts, who(action.profiles));
  }
}

async function filesWithModes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), (await stat(path.join(e.parentPath, e.name))).mode & 0o777);
  }
  return out;
}

describe('the three journeys of issue #13 on a live slapd: principal, IT staff, DSI', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let report: ScanReport;
  let problems: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ ...SCHOOL }, 'open');
    ({ browser, page, app, problems } = await openVigie(vigie.host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  describe('the principal', () => {
    it('has the school scanned from the app: every kind of finding is there to choose from', async () => {
      const { slapd, school } = vigie;
      await app.scan.scanAsSavedSchool(SCHOOL_NAME, { url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw }, 'quick');
      // Seconds on an idle machine; minutes when others load its two cores.
      await app.summary.waitForReport(SCAN_WAIT);
      const history = await vigie.services.listHistory();
      expect(history).toHaveLength(1);
      report = await vigie.services.getReport(history[0]!.reportId);
      const accountCodes = new Set(report.accounts.flatMap((a) => a.findings.map((f) => f.code)));
      for (const code of ['CLEARTEXT_PASSWORD', 'EMPTY_PASSWORD', 'LEGACY_HASH'] as const) expect(accountCodes, code).toContain(code);
      const directoryCodes = new Set(report.directoryFindings.map((f) => f.code));
      for (const code of ['HASHES_READABLE_ANONYMOUSLY', 'NO_TLS', 'IMPOSED_PASSWORD_SCHEME'] as const) expect(directoryCodes, code).toContain(code);
    }, SCAN_WAIT + 60_000);

    it('reads the grade beside what A–F mean, its own grade marked', async () => {
      const t = app.words.t;
      expect(await app.summary.grade()).toBe(report.summary.grade);
      const legend = page.getByTestId('grade-legend');
      expect(words(await legend.innerText())).toContain(t.legend.title);
      expect(await legend.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-grade')))).toEqual(GRADE_FLOORS.map(([g]) => g));
      expect(await legend.locator('li[aria-current="true"]').getAttribute('data-grade')).toBe(report.summary.grade);
      for (const [grade] of GRADE_FLOORS) expect(words(await legend.locator(`li[data-grade="${grade}"]`).innerText())).toContain(t.legend.words[grade]);
      expect(words(await legend.innerText())).toContain(words(t.legend.adminRule));
      await screenshot(page, 'journey-principal-summary-fr');
    });

    it('gets three urgent actions chosen across every finding, accounts and directory alike, the gravest first', async () => {
      const t = app.words.t;
      // Every finding competes: clear text, empty, imposed formula, legacy storage, readable hashes, no TLS.
      const all = urgentActions(report, Number.POSITIVE_INFINITY);
      const competing = new Set(all.map((a) => a.code));
      for (const code of ['CLEARTEXT_PASSWORD', 'EMPTY_PASSWORD', 'LEGACY_HASH', 'IMPOSED_PASSWORD_SCHEME', 'HASHES_READABLE_ANONYMOUSLY', 'NO_TLS'] as const) {
        expect(competing, code).toContain(code);
      }
      const shown = (await app.summary.urgentActions()).map(words);
      expect(shown).toEqual(all.slice(0, 3).map((a) => words(actionSentence(a, t))));
      // Not three « Faire changer N mots de passe »: the chosen three are of different kinds of problem.
      const chosen = all.slice(0, 3);
      expect(new Set(chosen.map((a) => a.kind)).size).toBeGreaterThan(1);
      // The gravest severity in the report leads.
      const gravest = Math.min(...all.map((a) => SEVERITIES.indexOf(a.severity)));
      expect(SEVERITIES.indexOf(chosen[0]!.severity)).toBe(gravest);
      // Each says who does what.
      expect(shown.some((s) => /DSI|référent/.test(s))).toBe(true);
      await page.getByRole('region', { name: t.summary.urgent }).scrollIntoViewIfNeeded();
      await screenshot(page, 'journey-principal-urgent-fr');
    });

    it('prints the summary on one A4 page, looked at as an image: inked across the page, the legend and the mark on it', async (context) => {
      if (!canRenderPdf()) {
        context.skip('pdftoppm missing (Debian poppler-utils): the PDF cannot be looked at');
        return;
      }
      const file = await artifactPath('journey-principal-summary.pdf');
      await page.pdf({ path: file, format: 'A4', printBackground: true });
      const pages = await renderPdfPages(file, { pngFile: await artifactPath('journey-principal-summary-pdf.png') });
      expect(pages).toHaveLength(1);
      const [a4] = pages;
      // A4 at 50 dpi: 413 × 585 px, portrait.
      expect(a4!.width).toBeGreaterThan(400);
      expect(a4!.height / a4!.width).toBeCloseTo(297 / 210, 1);
      // Not blank, not a wall of colour.
      expect(a4!.ink).toBeGreaterThan(0.03);
      expect(a4!.ink).toBeLessThan(0.5);
      // Across the width (the findings and the trend side by side), and from the top to the foot (no quarter left empty).
      expect(a4!.inkBox.left).toBeLessThan(0.12);
      expect(a4!.inkBox.right).toBeGreaterThan(0.88);
      expect(a4!.inkBox.top).toBeLessThan(0.1);
      expect(a4!.inkBox.bottom).toBeGreaterThan(0.75);
      const blankBands = a4!.bands.map((share, i) => [share, i] as const).filter(([share]) => share < 0.002).map(([, i]) => i);
      expect(blankBands.filter((i) => i < 7), `blank tenths of the page: ${blankBands.join(', ')}`).toEqual([]);
    });
  });

  describe('IT staff', () => {
    it('open a clear-text account’s detail: why, what to do, its schemes by name', async () => {
      const t = app.words.t;
      await app.goTo('accounts');
      const cleartext = report.accounts.find((a) => a.findings.some((f) => f.code === 'CLEARTEXT_PASSWORD'))!;
      await app.accounts.search(cleartext.login);
      const detail = await app.accounts.openDetail(cleartext.login);
      expect(detail.title).toBe(t.accountDetail.title(cleartext.login));
      expect(detail.findings).toHaveLength(cleartext.findings.length);
      expect(detail.findings.some((f) => f.startsWith(t.severities.critical) && f.includes(t.codes.CLEARTEXT_PASSWORD))).toBe(true);
      expect(detail.actions).toContain(t.accountDetail.actions.CLEARTEXT_PASSWORD);
      expect(detail.schemes.map((s) => s[1])).toEqual(cleartext.storedSchemes.map((s) => s.attribute));
      await screenshot(page, 'journey-it-detail-fr');
      await app.accounts.closeDetailWithEscape();
      await app.accounts.clearFilters();
    });

    it('export the list filtered to the accounts without a password: ; and a BOM, the school and the day in the name', async () => {
      const t = app.words.t;
      await app.accounts.filterByCode('EMPTY_PASSWORD');
      const empty = report.accounts.filter((a) => a.findings.some((f) => f.code === 'EMPTY_PASSWORD'));
      expect(await app.accounts.shownCount()).toBe(empty.length);
      await screenshot(page, 'journey-it-filtered-fr');
      const download = await app.accounts.exportCsv();
      expect(download.suggestedFilename()).toBe(`vigie-comptes-${SCHOOL_SLUG}-${report.finishedAt.slice(0, 10)}.csv`);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = readCsv(bytes.toString('utf8').slice(1), ';');
      expect(rows[0]).toEqual(Object.values(t.accountsCsv.columns));
      expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(empty.map((a) => a.login)));
      for (const row of rows.slice(1)) expect(row[6]).toContain(t.codes.EMPTY_PASSWORD);
      await app.accounts.clearFilters();
    });

    it('export the whole list from the Exports page, in French then English: localized, named after the school and the day', async () => {
      const day = report.finishedAt.slice(0, 10);
      await app.goTo('exports');
      const json = await app.exports.download('json');
      expect(json.suggestedFilename()).toBe(`vigie-rapport-${SCHOOL_SLUG}-${day}.json`);
      expect((JSON.parse(await readFile(await json.path(), 'utf8')) as ScanReport).summary).toEqual(report.summary);

      const frFile = await app.exports.download('csv');
      expect(frFile.suggestedFilename()).toBe(`vigie-comptes-${SCHOOL_SLUG}-${day}.csv`);
      const frBytes = await readFile(await frFile.path());
      expect([...frBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const frRows = readCsv(frBytes.toString('utf8').slice(1), ';');
      expect(frRows[0]).toEqual(Object.values(fr.accountsCsv.columns));
      expect(frRows).toHaveLength(report.accounts.length + 1);
      const frBody = frRows.slice(1).map((r) => r.slice(2).join(';')).join('\n');
      for (const code of [...ACCOUNT_FINDING_CODES, ...SEVERITIES, 'student', 'teacher', 'staff', 'CLEARTEXT', 'imposed-scheme', 'likely-default']) {
        expect(frBody, code).not.toMatch(new RegExp(`\\b${code}\\b`));
      }
      expect(frBody).toContain(fr.codes.LEGACY_HASH);
      expect(frBody).toContain(fr.profiles.one.student);
      await screenshot(page, 'journey-it-exports-fr');

      await app.switchLanguage('en');
      await app.goTo('exports');
      const enFile = await app.exports.download('csv');
      expect(enFile.suggestedFilename()).toBe(`vigie-accounts-${SCHOOL_SLUG}-${day}.csv`);
      const enRows = readCsv((await readFile(await enFile.path(), 'utf8')).replace(/^\ufeff/, ''), ',');
      expect(enRows[0]).toEqual(Object.values(en.accountsCsv.columns));
      expect(enRows).toHaveLength(report.accounts.length + 1);
      const enBody = enRows.slice(1).map((r) => r.slice(2).join(';')).join('\n');
      // The report's patterns are French; the English file says them in English.
      expect(enBody).toMatch(/surname|given name|date of birth/);
      expect(enBody).not.toMatch(/date de naissance|prénom|\bnom\b|élève|enseignant|critique|élevée|moyenne|Mot de passe|Empreinte|Majuscule/);
      expect(enBody).not.toMatch(/\bLEGACY_HASH\b|\bPERSONAL_INFO_PASSWORD\b|\bCLEARTEXT_PASSWORD\b|\bimposed-scheme\b/);
      expect((await app.exports.download('json')).suggestedFilename()).toBe(`vigie-report-${SCHOOL_SLUG}-${day}.json`);
      await app.switchLanguage('fr');
    });

    it('press F5 in the middle of a deep scan: the page follows the same scan, says so on every page, and cancels it', async () => {
      const t = app.words.t;
      const { slapd } = vigie;
      await app.goTo('scan');
      await app.scan.chooseSavedSchool(SCHOOL_NAME);
      await page.getByLabel(t.scan.password, { exact: true }).fill(slapd.rootPw);
      await app.scan.chooseDepth('deep');
      await app.scan.start();
      await app.scan.waitForProgress();
      const running = await vigie.services.runningScan();
      expect(running).not.toBeNull();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: t.scan.title }).waitFor();
      const phases = await app.scan.waitForProgress();
      expect(phases.length).toBeGreaterThanOrEqual(4);
      expect(words(await app.scan.resumedLine())).toContain(`${SCHOOL_NAME} — profondeur approfondi`);
      // The same scan, not a new one.
      expect((await vigie.services.runningScan())?.scanId).toBe(running!.scanId);
      await screenshot(page, 'journey-it-reload-mid-scan-fr');

      // The other pages show the last report, and say it is not the one being made.
      for (const section of ['summary', 'accounts', 'exports'] as const) {
        await app.goTo(section);
        const banner = page.getByTestId('scan-running-banner');
        await banner.waitFor();
        expect(words(await banner.innerText())).toContain(words(t.scanBanner.previous));
        await screenshot(page, `journey-it-banner-${section}-fr`);
      }
      await app.goTo('scan');
      expect(await page.getByTestId('scan-running-banner').count()).toBe(0);

      await app.scan.cancel();
      expect(await app.scan.waitForCancelled()).toContain(t.progress.cancelled);
      expect(await vigie.services.runningScan()).toBeNull();
      expect(await vigie.services.listHistory()).toHaveLength(1);
      await app.goTo('summary');
      expect(await page.getByTestId('scan-running-banner').count()).toBe(0);
    });
  });

  describe('the DSI', () => {
    it('builds the migration plan from the app against the live slapd: files on the disk, the sensitive ones 0600', async () => {
      const { slapd, workDir } = vigie;
      const plan = new MigrationPlanCard(page, app.words);
      const folder = path.join(workDir, 'plan-journey');
      await app.goTo('exports');
      await plan.card.waitFor();
      await plan.build({ bindPassword: slapd.rootPw, configPassword: slapd.configPw, folder }, slapd.rootDn);
      await plan.waitForWritten(folder);
      const files = await filesWithModes(folder);
      for (const name of ['plan.md', 'plan.html', '01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'credentials.csv', 'forced-renewal.csv']) {
        expect(files.has(name), name).toBe(true);
      }
      for (const name of ['02-accounts.ldif', 'rollback.ldif', 'credentials.csv', 'forced-renewal.csv']) expect(files.get(name), name).toBe(0o600);
      for (const [name, mode] of files) if (name.startsWith('lettres/')) expect(mode, name).toBe(0o600);
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
      const access = new Map((await plan.fileRows()).map((r) => [r.name, r.access]));
      expect(access.get('credentials.csv')).toBe(app.words.t.plan.ownerOnly);
      expect(await plan.command('dry-run')).toMatch(/ --dry-run$/);
      await plan.card.scrollIntoViewIfNeeded();
      await screenshot(page, 'journey-dsi-plan-fr');
      await page.evaluate(nextFrame);
      expect(await app.sidewaysOverflow()).toBeLessThanOrEqual(0);
    });
  });

  it('raised no page error, no console error, and no request failed', () => {
    expect(problems).toEqual([]);
  });
});
