// Issue #12 §3 end to end: a generated collège whose students mostly kept the password formula imposed when their
// accounts were created and whose staff share the default handed out at the start of the year, half-way through a
// migration to argon2id, in a throwaway slapd. The principal scans it from the app (Chromium, loopback host) and
// reads, in plain words, that anyone who knows the formula can log in as those pupils; the DSI runs `vigie plan`
// and gets the forced-renewal list first. Screenshots of the summary at 800, 1280 and 1920 px, French and English.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeLabel } from '../shared/contract/pattern-labels.ts';
import type { ScanReport } from '../shared/contract/report.ts';
import { main } from '../shared/cli/main.ts';
import { knownPasswordSentences, needsForcedRenewal } from '../renderer/src/model/known-passwords.ts';
import { urgentActions } from '../renderer/src/model/urgent-actions.ts';
import { artifactPath } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { canReadPdfText, pdfPages } from './support/pdf-text.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import { VigieApp } from './pages/vigie-app.ts';

// A seed whose drawn formula (« Nom + JJMMAA ») a quick scan learns, so the journey runs in seconds.
const SCHOOL = { seed: 2, accounts: 240, flavour: 'sdet', imposed: true } as const;
const WIDTHS = [800, 1280, 1920] as const;

/** Intl and layout put no-break spaces where a reader sees spaces: compare words. */
const words = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const stdout = { write: (t: string) => { out += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  const stderr = { write: (t: string) => { err += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  return main(args, { stdout, stderr, env: {}, signal: new AbortController().signal }).then((code) => ({ code, out, err }));
}

describe('an imposed-scheme school: the principal’s summary and the DSI’s forced renewals', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let report: ScanReport;
  let planted: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ ...SCHOOL });
    // Held in memory only, to prove no output carries one. Left out: plain lower-case words (any French word of
    // the page may be one) and passwords that are an account's own login, DN or class (the outputs name those).
    const named = vigie.school.school.truth.map((t) => `${t.login}\n${t.dn}`).join('\n').toLowerCase();
    planted = vigie.school.school.truth.map((t) => t.planted?.password)
      .filter((p): p is string => !!p && p.length >= 8 && !/^[a-z]+$/.test(p) && !named.includes(p.toLowerCase()));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Every console error counts, the favicon's 404 included (served since issue #13 §8).
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${m.text()} (${m.location().url})`); });
    app = new VigieApp(page, 'fr');
    await page.goto(vigie.host.url);
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('scans the school from the app and finds the imposed formula and the staff default', async () => {
    const { slapd, school } = vigie;
    await app.scan.useNewLdapConnection({ url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw });
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    const history = await vigie.services.listHistory();
    report = await vigie.services.getReport(history[0]!.reportId);

    const imposed = report.directoryFindings.filter((f) => f.code === 'IMPOSED_PASSWORD_SCHEME');
    expect(imposed.map((f) => f.profile)).toContain('student');
    expect(report.accounts.some((a) => a.findings.some((f) => f.likelyDefault === true))).toBe(true);
  });

  it('tells the principal in plain words, above everything else, that anyone knowing the formula can log in', async () => {
    const t = app.words.t;
    const expected = knownPasswordSentences(report, t, 'fr');
    const shown = await app.summary.knownPasswords();
    expect(shown.map(words)).toEqual(expected.map(words));
    const students = report.directoryFindings.find((f) => f.code === 'IMPOSED_PASSWORD_SCHEME' && f.profile === 'student')!;
    expect(words(shown[0]!)).toContain(`La plupart des élèves ont encore le mot de passe imposé à la création du compte (${shapeLabel(students.shape!, 'fr')}) : ${students.accounts} comptes`);
    expect(shown[0]).toContain('Quiconque connaît la formule peut se connecter à leur place.');
    expect(shown.some((s) => s.includes('du personnel partagent un même mot de passe, probablement celui donné à la rentrée'))).toBe(true);

    // The forced renewal is among the three urgent actions, with who does it.
    const actions = (await app.summary.urgentActions()).map(words);
    expect(actions).toHaveLength(3);
    const model = urgentActions(report);
    const imposedAction = model.find((a) => a.kind === 'imposed');
    expect(imposedAction, `urgent actions: ${actions.join(' | ')}`).toBeDefined();
    expect(actions.some((a) => a.startsWith(`Forcer le renouvellement des ${imposedAction!.accounts} comptes (élèves)`) && a.includes('à confier à la DSI ou au référent informatique'))).toBe(true);
    expect(planted.length).toBeGreaterThan(50);
    const html = await page.content();
    for (const p of planted) expect(html.includes(p)).toBe(false);
  });

  it('fits 800, 1280 and 1920 px without sideways scrolling, in French and in English', async () => {
    for (const language of ['fr', 'en'] as const) {
      if (app.words.language !== language) await app.switchLanguage(language);
      await app.goTo('summary');
      await app.summary.waitForReport();
      expect((await app.summary.knownPasswords()).map(words)).toEqual(knownPasswordSentences(report, app.words.t, language).map(words));
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
        expect(await app.sidewaysOverflow(), `${language} at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: await artifactPath(`imposed-summary-${language}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.switchLanguage('fr');
    await app.goTo('summary');
  });

  it('prints the summary on one A4 page that carries the imposed-scheme sentence', async () => {
    const file = await artifactPath('imposed-summary.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const bytes = await readFile(file);
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    if (!canReadPdfText()) {
      console.log('e2e: pdftotext missing (Debian poppler-utils): the PDF text check is skipped; the page count was checked.');
      return;
    }
    const [text] = await pdfPages(file);
    expect(words(text!)).toContain(words(app.words.t.summary.known));
    expect(words(text!)).toContain('Quiconque connaît la formule peut se connecter à leur place.');
  });

  it('lets IT staff list the accounts to renew by force, each naming the imposed formula or the default', async () => {
    const t = app.words.t;
    await app.goTo('accounts');
    await app.accounts.onlyForcedRenewal(true);
    const forced = report.accounts.filter(needsForcedRenewal);
    expect(await app.accounts.shownCount()).toBe(forced.length);
    const rows = await app.accounts.visibleRows();
    const label = shapeLabel(report.directoryFindings.find((f) => f.code === 'IMPOSED_PASSWORD_SCHEME' && f.profile === 'student')!.shape!, 'fr');
    // Each row starts with its badge, before the text the column may cut; the text names the formula or the default.
    for (const row of rows) {
      expect(row.findings.startsWith(t.accounts.marks.imposed) || row.findings.startsWith(t.accounts.marks.sharedDefault), row.findings).toBe(true);
      expect(row.findings.includes(t.accounts.imposedScheme(label)) || row.findings.includes(t.accounts.likelyDefault), row.findings).toBe(true);
    }
    expect(await page.locator('.accounts-table .forced-mark').first().isVisible()).toBe(true);
    await app.accounts.filterByProfile('student');
    const students = await app.accounts.visibleRows();
    expect(students.length).toBeGreaterThan(0);
    for (const row of students) expect(row.findings).toContain(t.accounts.imposedScheme(label));
    await page.screenshot({ path: await artifactPath('imposed-accounts-fr-1280.png') });
    await app.accounts.clearFilters();
    expect(await app.accounts.shownCount()).toBe(report.accounts.length);
  });

  it('gives the DSI a plan that renews the imposed formula and the default first, listed in forced-renewal.csv', async () => {
    const { slapd, workDir } = vigie;
    const reportFile = path.join(workDir, 'rapport.json');
    await writeFile(reportFile, JSON.stringify(report), { mode: 0o600 });
    await writeFile(path.join(workDir, 'root.pw'), slapd.rootPw, { mode: 0o600 });
    await writeFile(path.join(workDir, 'config.pw'), slapd.configPw, { mode: 0o600 });
    const planDir = path.join(workDir, 'plan');
    const r = await cli(['plan', '--report', reportFile, '--out', planDir, '--url', slapd.url,
      '--bind-dn', slapd.rootDn, '--password-file', path.join(workDir, 'root.pw'),
      '--config-bind-dn', 'cn=config', '--config-password-file', path.join(workDir, 'config.pw')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);

    const forced = report.accounts.filter((a) => a.hashScheme !== 'NONE' && needsForcedRenewal(a));
    expect(r.out).toContain(`dont ${forced.length} en renouvellement forcé`);
    const csvFile = path.join(planDir, 'forced-renewal.csv');
    expect((await stat(csvFile)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(csvFile, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('identifiant,dn,profil,classe,raison,formule');
    const rows = lines.slice(1);
    expect(new Set(rows.map((l) => l.split(',')[0]))).toEqual(new Set(forced.map((a) => a.login)));
    // The imposed formula first, then the shared default.
    const reasons = rows.map((l) => (l.includes('formule imposée à la création du compte') ? 0 : 1));
    expect(reasons).toEqual([...reasons].sort((a, b) => a - b));
    expect(reasons[0]).toBe(0);

    const md = await readFile(path.join(planDir, 'plan.md'), 'utf8');
    const imposedStudents = forced.filter((a) => a.profile === 'student' && a.findings.some((f) => f.imposedScheme === true)).length;
    expect(md).toMatch(new RegExp(`Renouvellement forcé : ${imposedStudents} élèves gardent la formule imposée à la création du compte \\(`));
    expect(md).toContain('du personnel partagent un mot de passe donné par défaut');
    expect(md.indexOf('Renouvellement forcé :')).toBeLessThan(md.indexOf('## Ce que contient ce dossier'));
    const steps = md.slice(md.indexOf('## Les actions'));
    expect(steps.indexOf('Renouvellement forcé : formule imposée')).toBeLessThan(steps.indexOf('Remplacer les mots de passe trouvés'));

    const texts = [md, await readFile(path.join(planDir, 'plan.html'), 'utf8'), lines.join('\n'), r.out];
    const leaks = planted.flatMap((p) => texts.flatMap((text, i) => (text.includes(p) ? [i] : [])));
    // Which output, never which password.
    expect(leaks, 'outputs (plan.md, plan.html, forced-renewal.csv, stdout) holding a planted password').toEqual([]);
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
