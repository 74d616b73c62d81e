// Issue #13 §6 on a real slapd: the DSI builds the migration plan from the app's services (a report in the app's
// history, the directory of the saved school) and gets what `vigie plan` writes for the same report: the same
// files, the same 0600 modes, the same bytes wherever no fresh passphrase is drawn, and the same accounts
// wherever one is. Nothing in the answer the page shows holds a password or a hash.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationPlan } from '../../shared/contract/api.ts';
import { planMessages } from '../../shared/contract/plan-messages.ts';
import type { ScanReport } from '../../shared/contract/report.ts';
import { createVigieServices, type VigieServices } from '../../shared/app/vigie-services.ts';
import { NoSecretStore } from '../../shared/app/secret-store.ts';
import { HistoryStore } from '../../shared/app/history-store.ts';
import { runCliInProcess } from '../../shared/cli/test-io.ts';
import { parseLdif } from '../../shared/engine/migration/ldif-parse.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from '../audit/school-fixture.ts';

/** Files whose bytes hold a passphrase drawn afresh on each run (or its argon2id / NT hash). */
const DRAWN = /^(02-accounts\.ldif|credentials\.csv|lettres\/.*)$/;

async function filesWithModes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.set(path.relative(dir, full), (await stat(full)).mode & 0o777);
    }
  };
  await walk(dir);
  return out;
}

describe('the migration plan built from the app is the plan vigie plan writes', () => {
  let school: SchoolOnDisk;
  let slapd: SlapdServer;
  let services: VigieServices;
  let work: string;
  let report: ScanReport;
  let reportId: string;
  let profileId: string;
  let plan: MigrationPlan;
  const appDir = (): string => path.join(work, 'plan depuis l’app');
  const cliDir = (): string => path.join(work, 'plan-cli');

  beforeAll(async () => {
    // Legacy storage with weak and cleartext passwords, Samba hashes, hashes readable by anyone: every step.
    school = await schoolOnDisk({ flavour: 'samba3', accounts: 120, schemes: ['SSHA', 'MD5', 'SHA', 'CLEARTEXT'] });
    slapd = await schoolInSlapd(school, { acl: 'open' });
    work = await mkdtemp(path.join(tmpdir(), 'vigie-app-plan-'));
    services = createVigieServices({ dataDir: path.join(work, 'data'), secrets: new NoSecretStore(), hostKind: 'loopback', demoFile: null });
    const profile = await services.saveProfile({
      name: 'Lycée de test', connection: { kind: 'ldap', url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn },
    });
    profileId = profile.id;
    const { scanId } = await services.startScan({ profileId, password: slapd.rootPw, depth: 'quick' });
    const outcome = await services.scanOutcome(scanId);
    if (outcome.status !== 'done') throw new Error(`scan ended ${JSON.stringify(outcome)}`);
    reportId = outcome.reportId;
    report = await services.getReport(reportId);
  });

  afterAll(async () => {
    await services?.close();
    await slapd?.stop();
    await school?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes the plan from the report in the history, reading the saved school’s directory', async () => {
    plan = await services.buildMigrationPlan({
      reportId, password: slapd.rootPw, configBindDn: 'cn=config', configPassword: slapd.configPw, folder: appDir(),
    });
    expect(plan.folder).toBe(appDir());
    expect(plan.directory).toEqual({ url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, configBindDn: 'cn=config' });
    expect(plan.before).toEqual({ score: report.summary.score, grade: report.summary.grade });
    expect(plan.reset).toBeGreaterThan(0);
    expect(plan.mustChange).toBeGreaterThan(0);
    expect(plan.steps.map((s) => s.id)).toContain('hide-hashes');
    expect(plan.steps.map((s) => s.id)).toContain('reset-weak');
    // The modes the page shows are the disk's.
    const onDisk = await filesWithModes(appDir());
    expect(new Map(plan.files.map((f) => [f.name, f.mode]))).toEqual(onDisk);
    for (const name of ['02-accounts.ldif', 'rollback.ldif', 'credentials.csv']) expect(onDisk.get(name), name).toBe(0o600);
    const letters = [...onDisk].filter(([name]) => name.startsWith('lettres/'));
    expect(letters.length).toBeGreaterThan(0);
    for (const [name, mode] of letters) expect(mode, name).toBe(0o600);
    expect((await stat(appDir())).mode & 0o777).toBe(0o700);
  });

  it('matches vigie plan on the same report: files, modes, bytes, accounts', async () => {
    const reportFile = new HistoryStore(path.join(work, 'data')).reportFile(reportId);
    const rootPw = path.join(work, 'root.pw'), configPw = path.join(work, 'config.pw');
    await writeFile(rootPw, slapd.rootPw, { mode: 0o600 });
    await writeFile(configPw, slapd.configPw, { mode: 0o600 });
    const r = await runCliInProcess(['plan', '--report', reportFile, '--out', cliDir(), '--url', slapd.url,
      '--bind-dn', slapd.rootDn, '--password-file', rootPw, '--config-bind-dn', 'cn=config', '--config-password-file', configPw]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${plan.reset} compte(s) à réinitialiser`);
    expect(r.stdout).toContain(`${plan.mustChange} compte(s) à faire changer de mot de passe`);

    const app = await filesWithModes(appDir());
    const cli = await filesWithModes(cliDir());
    expect(app).toEqual(cli);
    for (const name of app.keys()) {
      const [a, c] = await Promise.all([readFile(path.join(appDir(), name), 'utf8'), readFile(path.join(cliDir(), name), 'utf8')]);
      if (!DRAWN.test(name)) {
        expect(a, name).toBe(c);
        continue;
      }
      if (name === 'credentials.csv') {
        // Same accounts and classes; the passphrase column is drawn afresh.
        const columns = (text: string): string[] => text.trim().split('\n').map((l) => l.split(',').slice(0, 2).join(','));
        expect(columns(a)).toEqual(columns(c));
        expect(a).not.toBe(c);
      } else if (name === '02-accounts.ldif') {
        const shape = (text: string): unknown => parseLdif(text, name).map((rec) => ({
          dn: rec.dn, change: rec.change, controls: rec.controls,
          mods: rec.change === 'modify' ? rec.mods.map((m) => [m.op, m.attribute, m.values.length]) : undefined,
        }));
        expect(shape(a)).toEqual(shape(c));
      }
    }
  });

  it('writes the plan in the page’s language: English asked of the app and of vigie plan --lang en, the same files', async () => {
    const appEn = path.join(work, 'plan-en-app'), cliEn = path.join(work, 'plan-en-cli');
    const english = await services.buildMigrationPlan({
      reportId, password: slapd.rootPw, configBindDn: 'cn=config', configPassword: slapd.configPw, folder: appEn, language: 'en',
    });
    expect(english.steps).toEqual(plan.steps);
    const r = await runCliInProcess(['plan', '--report', new HistoryStore(path.join(work, 'data')).reportFile(reportId), '--out', cliEn, '--url', slapd.url,
      '--bind-dn', slapd.rootDn, '--password-file', path.join(work, 'root.pw'), '--config-bind-dn', 'cn=config', '--config-password-file', path.join(work, 'config.pw'), '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Plan written to ${cliEn}: ${plan.reset} account(s) to reset`);
    expect(await filesWithModes(appEn)).toEqual(await filesWithModes(appDir()));
    for (const name of ['plan.md', 'plan.html', '01-config.ldif', 'rollback-config.ldif', 'rollback.ldif']) {
      expect(await readFile(path.join(appEn, name), 'utf8'), name).toBe(await readFile(path.join(cliEn, name), 'utf8'));
    }
    const [md, mdFr] = await Promise.all([readFile(path.join(appEn, 'plan.md'), 'utf8'), readFile(path.join(appDir(), 'plan.md'), 'utf8')]);
    for (const step of plan.steps) {
      expect(md).toContain(`| ${planMessages('en').steps[step.id].title} |`);
      expect(md).not.toContain(planMessages('fr').steps[step.id].title);
      expect(mdFr).toContain(`| ${planMessages('fr').steps[step.id].title} |`);
    }
    expect(await readFile(path.join(appEn, '01-config.ldif'), 'utf8')).toMatch(/^# Vigie — step 1: slapd’s configuration/);
  });

  it('answers the page with names and counts only: no password and no stored hash', () => {
    const shown = JSON.stringify(plan);
    expect(shown).not.toContain(slapd.rootPw);
    expect(shown).not.toContain(slapd.configPw);
    const planted = school.school.truth.map((t) => t.planted?.password).filter((p): p is string => !!p && p.length >= 8);
    expect(planted.length).toBeGreaterThan(0);
    for (const p of planted) expect(shown.includes(p)).toBe(false);
    expect(shown).not.toMatch(/\{(SSHA|MD5|SHA|ARGON2)\}/i);
  });

  it('never writes over an earlier plan: its rollback may be the only way back', async () => {
    await expect(services.buildMigrationPlan({
      reportId, profileId, password: slapd.rootPw, configBindDn: 'cn=config', configPassword: slapd.configPw, folder: appDir(),
    })).rejects.toThrow(/is not empty/);
  });
});
