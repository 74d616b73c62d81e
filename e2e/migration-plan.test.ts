// Issue #13 §6 end to end, the DSI's journey: a generated collège in a throwaway slapd whose hashes anyone can
// read, saved as a school and scanned from the app (Chromium, loopback host); then, on the Exports page, the
// migration plan built from that report into a typed folder. The files are on the disk with vigie plan's modes
// (0600 for every passphrase, hash or list of weak accounts); the page shows the steps and the files in plain
// words, French then English, says to run `vigie apply … --dry-run` first, and shows no password and no hash.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../shared/contract/report.ts';
import { artifactPath } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import { MigrationPlanCard } from './pages/migration-plan-card.ts';
import { VigieApp } from './pages/vigie-app.ts';

const SCHOOL_NAME = 'Collège du plan (test)';
const SCHOOL = { seed: 20261206, accounts: 120, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'SHA', 'CLEARTEXT'] } as const;

/** Intl and layout put no-break spaces where a reader sees spaces: compare words. */
const words = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function filesWithModes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, full), (await stat(full)).mode & 0o777);
  }
  return out;
}

describe('the DSI builds the migration plan from the app', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let plan: MigrationPlanCard;
  let report: ScanReport;
  let folder: string;
  /** Every password and stored value the school holds: none may reach the page. */
  let secrets: string[];
  const pageErrors: string[] = [];
  /** Set while a refusal is expected: the browser logs the host's 422 answer to that call, and only that. */
  let refusalExpected = false;

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ ...SCHOOL, schemes: [...SCHOOL.schemes] }, 'open');
    folder = path.join(vigie.workDir, 'plan-2026-12');
    // Held in memory only, to prove the page carries none. Left out: plain lower-case words (any French word of the
    // page may be one) and values that are an account's own login, DN or class (the page may name those).
    const named = vigie.school.school.truth.map((t) => `${t.login}\n${t.dn}`).join('\n').toLowerCase();
    const planted = vigie.school.school.truth.map((t) => t.planted?.password)
      .filter((p): p is string => !!p && p.length >= 8 && !/^[a-z]+$/.test(p) && !named.includes(p.toLowerCase()));
    const stored = [...(await readFile(vigie.school.ldif, 'utf8')).matchAll(/^(?:userPassword|sambaNTPassword|sambaLMPassword)::? (.+)$/gim)]
      .map((m) => m[1]!.trim()).filter((v) => v.length >= 12);
    secrets = [...planted, ...stored, vigie.slapd.rootPw, vigie.slapd.configPw];
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (refusalExpected && m.location().url.endsWith('/api/buildMigrationPlan') && m.text().includes('422')) return;
      pageErrors.push(`${m.text()} (${m.location().url})`);
    });
    app = new VigieApp(page, 'fr');
    plan = new MigrationPlanCard(page, app.words);
    await page.goto(vigie.host.url);
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('says the demo school’s report (an LDIF file) needs a saved school that reaches the directory', async () => {
    await app.scan.chooseSavedSchool('École de démonstration (synthétique)');
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    await app.goTo('exports');
    await plan.card.waitFor();
    await plan.card.getByText(app.words.t.plan.noLdapSchool).waitFor();
    expect(await plan.card.getByText(app.words.t.plan.ldifReport).isVisible()).toBe(true);
    // No form to fill: nothing to build a plan against.
    expect(await plan.card.getByRole('button', { name: app.words.t.plan.build }).count()).toBe(0);
    await app.goTo('scan');
  });

  it('scans the saved school from the app', async () => {
    const { slapd, school } = vigie;
    await app.scan.useNewLdapConnection({ url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw });
    await app.scan.saveAsSchool(SCHOOL_NAME);
    await app.scan.chooseSavedSchool(SCHOOL_NAME);
    await page.getByLabel(app.words.t.scan.password, { exact: true }).fill(slapd.rootPw);
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    const history = await vigie.services.listHistory();
    expect(history).toHaveLength(2);
    report = await vigie.services.getReport(history[0]!.reportId);
    expect(report.source.kind).toBe('ldap');
    expect(report.directoryFindings.map((f) => f.code)).toContain('HASHES_READABLE_ANONYMOUSLY');
  });

  it('writes the plan to the typed folder, with vigie plan’s files and modes, and shows its steps and files', async () => {
    const { slapd } = vigie;
    await app.goTo('exports');
    await plan.card.waitFor();
    // The school the report was scanned from is chosen; its password is not saved in the browser host: typed once.
    await plan.build({ bindPassword: slapd.rootPw, configPassword: slapd.configPw, folder }, slapd.rootDn);
    await plan.waitForWritten(folder);

    const files = await filesWithModes(folder);
    for (const name of ['plan.md', 'plan.html', '01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'rollback-config.ldif', 'credentials.csv']) {
      expect(files.has(name), name).toBe(true);
    }
    // Passphrases, their hashes and the old hashes: owner only, as vigie plan writes them.
    for (const name of ['02-accounts.ldif', 'rollback.ldif', 'credentials.csv']) expect(files.get(name), name).toBe(0o600);
    const letters = [...files].filter(([name]) => name.startsWith('lettres/'));
    expect(letters.length).toBeGreaterThan(0);
    for (const [name, mode] of letters) expect(mode, name).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);

    // The steps in plan.md's order, in plain French; hiding the readable hashes first.
    const md = await readFile(path.join(folder, 'plan.md'), 'utf8');
    const titles = await plan.stepTitles();
    expect(titles[0]).toBe(app.words.t.plan.steps['hide-hashes'].title);
    expect(titles).toContain(app.words.t.plan.steps['reset-weak'].title);
    expect(md).toContain('Cacher les empreintes de mots de passe');
    // Each file row says who reads it: the sensitive ones by you only.
    const rows = await plan.fileRows();
    const access = new Map(rows.map((r) => [r.name, r.access]));
    for (const name of ['02-accounts.ldif', 'rollback.ldif', 'credentials.csv', 'lettres/']) expect(access.get(name), name).toBe(app.words.t.plan.ownerOnly);
    expect(access.get('plan.md')).toBe(app.words.t.plan.readable('0644'));

    // Applying stays a terminal step: the dry run first, with password files, never a password.
    const dryRun = await plan.command('dry-run');
    expect(dryRun).toBe(`vigie apply ${folder} --url ${slapd.url} --bind-dn ${slapd.rootDn} --password-file admin.pw `
      + '--config-bind-dn cn=config --config-password-file config.pw --dry-run');
    expect(await plan.command('rollback')).toMatch(/ --rollback$/);
    expect(words(await plan.card.textContent() ?? '')).toContain(words(app.words.t.plan.applyIntro));
    await plan.card.screenshot({ path: await artifactPath('migration-plan-fr.png') });
    // The commands and the file table wrap: no sideways scrolling at 800 px.
    await page.setViewportSize({ width: 800, height: 900 });
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    expect(await app.sidewaysOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: await artifactPath('migration-plan-fr-800.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows no password and no hash: not the school’s, not the new passphrases', async () => {
    const passphrases = (await readFile(path.join(folder, 'credentials.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(',')[2]!);
    expect(passphrases.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(50);
    const html = await page.content();
    const shown = [...secrets, ...passphrases].filter((s) => html.includes(s));
    // How many, never which.
    expect(shown.length, 'passwords or hashes found in the page').toBe(0);
    // A stored value is a scheme followed by its hash; the storage step names the setting olcPasswordHash {ARGON2}, no hash.
    expect(html).not.toMatch(/\{(?:SSHA|MD5|SHA|ARGON2)\}[$A-Za-z0-9+/]/);
  });

  it('says it all in English too, and writes a plan built in English in English', async () => {
    await app.switchLanguage('en');
    const t = app.words.t;
    await plan.card.getByText(t.plan.written(folder)).waitFor();
    expect((await plan.stepTitles())[0]).toBe(t.plan.steps['hide-hashes'].title);
    expect((await plan.fileRows()).find((r) => r.name === 'credentials.csv')?.access).toBe(t.plan.ownerOnly);
    await plan.card.screenshot({ path: await artifactPath('migration-plan-en.png') });
    // A plan built from the English page is written in English: its steps as the page says them.
    const { slapd } = vigie;
    const english = `${folder}-en`;
    await plan.build({ bindPassword: slapd.rootPw, configPassword: slapd.configPw, folder: english }, slapd.rootDn);
    await plan.waitForWritten(english);
    const md = await readFile(path.join(english, 'plan.md'), 'utf8');
    expect(md).toContain(`| ${t.plan.steps['hide-hashes'].title} |`);
    expect(md).not.toContain('Cacher les empreintes de mots de passe');
    await app.switchLanguage('fr');
  });

  it('never writes over an earlier plan, and says so in French', async () => {
    const { slapd } = vigie;
    refusalExpected = true;
    await plan.build({ bindPassword: slapd.rootPw, configPassword: slapd.configPw, folder }, slapd.rootDn);
    expect(await plan.failure()).toBe(app.words.t.plan.notEmpty);
    refusalExpected = false;
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
