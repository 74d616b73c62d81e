// Issue #14: the plan is built by ids and parameters and said in one language, French by default or English, through
// the plan catalogue (contract/plan-messages*.ts). The same plan written twice: no French sentence in the English
// files, no English step in the French ones, and every comment, header, column and letter in the language asked.
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_STEP_IDS } from '../../contract/api.ts';
import { planMessages, type ChangeNote, type PlanMessages } from '../../contract/plan-messages.ts';
import type { AccountReport, ScanReport } from '../../contract/report.ts';
import type { DirectoryEntry, PasswordAttribute } from '../directory/model.ts';
import { accountActions, forcedRenewals } from './account-actions.ts';
import { accountChanges } from './account-changes.ts';
import { configChanges } from './config-changes.ts';
import type { MigrationPlan } from './plan-migration.ts';
import { planSteps } from './plan-steps.ts';
import { policyChanges } from './policy-changes.ts';
import { planReportOf, type PlanReport } from './report-input.ts';
import { writePlanFiles, writePlanFromReport } from './write-plan.ts';

const SHAPE = 'surname+birthdate:YYYY|capitalised|';
const BASE = 'dc=college,dc=test';
// Cheap hashes: this test reads words, not hashes (OWASP's minimums are checked where settings come in).
const ARGON2 = { memoryKiB: 1024, timeCost: 1, parallelism: 1 };

/** French that must not be in an English file: accents, and words no English sentence here holds. */
const FRENCH = /[àâçéèêëîïôûùœ]|\b(le|la|les|des|du|et|est|une|pour|mot de passe|compte|comptes|annuaire)\b/i;

function account(login: string, profile: AccountReport['profile'], findings: AccountReport['findings'], classes: string[], lm = false): AccountReport {
  return {
    dn: `uid=${login},ou=people,${BASE}`, login, profile, classes, hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }, ...(lm ? [{ scheme: 'LM' as const, attribute: 'sambaLMPassword' }] : [])],
    findings, risk: findings[0]?.severity ?? null,
  };
}

function report(): PlanReport {
  const accounts: AccountReport[] = [
    ...Array.from({ length: 3 }, (_, i) => account(`eleve${i}`, 'student', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'high', patternId: 'surname+birthdate:YYYY', shape: SHAPE, imposedScheme: true }], ['5B'])),
    ...Array.from({ length: 2 }, (_, i) => account(`prof${i}`, 'teacher', [{ code: 'SHARED_PASSWORD', severity: 'critical', groupId: 1, groupSize: 2, likelyDefault: true }], [])),
    account('weak', 'staff', [{ code: 'COMMON_PASSWORD', severity: 'high' }], []),
    account('legacy', 'student', [{ code: 'LM_HASH', severity: 'high' }], ['6A'], true),
    account('gone', 'student', [{ code: 'COMMON_PASSWORD', severity: 'high' }], ['6A']),
  ];
  const scan: ScanReport = {
    schemaVersion: 1, tool: { name: 'vigie', version: 'test' },
    source: { kind: 'ldap', location: 'ldap://ldap.college.test', baseDn: BASE, flavour: 'sdet', flavourDetected: true, depth: 'standard', schoolWords: 3 },
    startedAt: '2026-12-05T08:00:00.000Z', finishedAt: '2026-12-05T08:01:00.000Z', partial: false,
    directoryFindings: [
      { code: 'HASHES_READABLE_ANONYMOUSLY', severity: 'critical' },
      { code: 'NO_PASSWORD_POLICY', severity: 'high' },
      { code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', profile: 'student', shape: SHAPE, accounts: 3, share: 0.75 },
    ],
    summary: {
      accounts: accounts.length, withFindings: accounts.length, byCode: {}, bySeverity: { critical: 2, high: 6, medium: 0, low: 0 },
      byScheme: { SSHA: accounts.length }, byProfile: {}, sharedGroups: [{ groupId: 1, size: 2 }], score: 10, grade: 'F',
    },
    accounts,
  };
  return planReportOf(scan, 'test report');
}

/** The plan a directory holding every account but 'gone' gives: no module list, no ppolicy, no policy entry. */
async function plan(r: PlanReport): Promise<MigrationPlan> {
  const actions = accountActions(r);
  const current = new Map<string, DirectoryEntry>();
  for (const a of r.accounts.filter((x) => x.login !== 'gone')) {
    const bytes = new Map<PasswordAttribute, Uint8Array[]>([['userpassword', [Buffer.from('{SSHA}old')]]]);
    if (a.login === 'legacy') bytes.set('sambalmpassword', [Buffer.from('AAD3B435B51404EEAAD3B435B51404EE')]);
    current.set(a.dn.toLowerCase(), { dn: a.dn, attrs: new Map(), bytes });
  }
  const policyDn = `cn=default,ou=policies,${BASE}`;
  const config = configChanges({
    facts: { moduleLists: [], argon2Loaded: false, ppolicyLoaded: false, frontendDn: 'olcDatabase={-1}frontend,cn=config', passwordHash: [],
      database: { dn: 'olcDatabase={1}mdb,cn=config', suffixes: [BASE], access: [], overlayCount: 0 } },
    policyDn, argon2: ARGON2, passwordAttributes: ['userPassword'],
  });
  const accounts = await accountChanges(actions, current, ARGON2);
  const kept = actions.filter((a) => !accounts.missing.includes(a.account.dn));
  return {
    settings: { target: 'openldap-2.5', argon2: ARGON2, baseDn: BASE },
    url: 'ldap://ldap.college.test', configDn: 'cn=config', adminDn: `cn=admin,${BASE}`,
    report: { location: r.source.location, finishedAt: r.finishedAt, before: { score: 10, grade: 'F' } },
    config, policy: policyChanges({ policyDn, createParent: true, target: 'openldap-2.5' }), accounts,
    actions: kept, forced: forcedRenewals(r, kept), steps: planSteps(r, kept, () => false),
    mustChange: kept.filter((a) => a.kind === 'must-change').length,
  };
}

/** Every file of a plan folder, by name, with the temporary passphrases taken out (they are words of no language). */
async function texts(dir: string, passphrases: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    if ((await stat(path.join(dir, name))).isDirectory()) continue;
    let text = await readFile(path.join(dir, name), 'utf8');
    for (const p of passphrases) text = text.replaceAll(p, '');
    out.set(name, text);
  }
  return out;
}

describe('the plan said in French or in English', () => {
  const FR = planMessages('fr');
  const EN = planMessages('en');
  let work: string;
  const written = new Map<PlanMessages, Map<string, string>>();

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'vigie-plan-language-'));
    const built = await plan(report());
    expect(built.steps.map((s) => s.id)).toEqual(['hide-hashes', 'forced-renewal', 'reset-weak', 'drop-lm', 'policy', 'storage', 'must-change']);
    expect(built.accounts.missing).toHaveLength(1);
    const passphrases = built.accounts.issued.map((i) => i.passphrase);
    for (const m of [FR, EN]) {
      const dir = path.join(work, m.language);
      await mkdir(dir, { mode: 0o700 });
      const result = await writePlanFiles(built, dir, m);
      expect(result).toMatchObject({ reset: 6, forced: 5, mustChange: 1, missing: 1 });
      written.set(m, await texts(dir, passphrases));
    }
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes the same files in either language', () => {
    const names = [...written.get(FR)!.keys()].sort();
    expect(names).toEqual([...written.get(EN)!.keys()].sort());
    expect(names).toEqual(expect.arrayContaining(['plan.md', 'plan.html', '01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'rollback-config.ldif',
      'credentials.csv', 'forced-renewal.csv', path.join('lettres', '5B.html'), path.join('lettres', 'sans-classe.html')]));
    // 6A's accounts: one must change its password (no letter), the other is no longer in the directory.
    expect(names).not.toContain(path.join('lettres', '6A.html'));
  });

  it('has no French sentence in the English plan: its files, its comments, its letters', () => {
    for (const [name, text] of written.get(EN)!) {
      for (const line of text.split('\n')) expect(line, `${name}: ${line}`).not.toMatch(FRENCH);
    }
    expect(written.get(EN)!.get('plan.html')).toContain('<html lang="en">');
  });

  it('names each step in the plan’s language only', () => {
    const fr = written.get(FR)!.get('plan.md')!;
    const en = written.get(EN)!.get('plan.md')!;
    for (const id of PLAN_STEP_IDS) {
      expect(fr).toContain(`| ${FR.steps[id].title} | ${FR.steps[id].why} |`);
      expect(en).toContain(`| ${EN.steps[id].title} | ${EN.steps[id].why} |`);
      for (const [name, text] of written.get(FR)!) expect(text, name).not.toContain(EN.steps[id].title);
      for (const [name, text] of written.get(EN)!) expect(text, name).not.toContain(FR.steps[id].title);
    }
  });

  it('writes the French plan in French: comments, headers, columns, letters', () => {
    const files = written.get(FR)!;
    expect(files.get('01-config.ldif')).toMatch(/^# Vigie — étape 1 : configuration de slapd \(cn=config\), OpenLDAP 2\.5\/2\.6\n# Annuaire : /);
    expect(files.get('01-config.ldif')).toContain('# Charge les modules argon2 et ppolicy.\n');
    expect(files.get('02-accounts.ldif')).toContain('# legacy — empreinte ancienne : changement de mot de passe obligatoire à la prochaine connexion (enregistré alors en argon2) ; empreinte LM supprimée.\n');
    expect(files.get('rollback-config.ldif')).toContain('# Non annulé : les modules argon2 et ppolicy restent chargés');
    expect(files.get('credentials.csv')!.split('\n')[0]).toBe('identifiant,classe,phrase_de_passe_temporaire');
    expect(files.get('forced-renewal.csv')).toContain(',élève,5B,formule imposée à la création du compte,nom + date de naissance (AAAA) — Majuscule initiale\n');
    expect(files.get(path.join('lettres', '5B.html'))).toContain('<p class="who">Identifiant : <strong>eleve0</strong> — classe 5B</p>');
    expect(files.get(path.join('lettres', 'sans-classe.html'))).toContain('<title>Mots de passe provisoires — sans-classe</title>');
    expect(files.get('plan.md')).toContain('Ces comptes figurent dans le rapport mais plus dans l\'annuaire ; le plan les ignore : uid=gone,ou=people,dc=college,dc=test.');
  });

  it('writes the English plan in English, the formula said in English', () => {
    const files = written.get(EN)!;
    expect(files.get('01-config.ldif')).toMatch(/^# Vigie — step 1: slapd’s configuration \(cn=config\), OpenLDAP 2\.5\/2\.6\n# Directory: /);
    expect(files.get('credentials.csv')!.split('\n')[0]).toBe('login,class,temporary_passphrase');
    expect(files.get('forced-renewal.csv')).toContain(',student,5B,formula imposed when the account was created,surname + date of birth (YYYY) — Capitalised\n');
    expect(files.get('plan.md')).toContain('Forced renewal: 3 students keep the formula imposed when the account was created (surname + date of birth (YYYY) — Capitalised); 2 accounts of the staff share a default password.');
  });
});

describe('the plan catalogues', () => {
  const NOTES: ChangeNote[] = [
    { id: 'load-modules', modules: ['argon2'] }, { id: 'add-module-list' }, { id: 'store-argon2' }, { id: 'restore-hash-scheme' },
    { id: 'add-ppolicy-overlay' }, { id: 'remove-ppolicy-overlay' }, { id: 'hash-cleartext' }, { id: 'restore-ppolicy' },
    { id: 'hide-hashes' }, { id: 'restore-acl' }, { id: 'set-policy' }, { id: 'restore-policy' }, { id: 'add-policies-branch' },
    { id: 'add-policy' }, { id: 'remove-policy' }, { id: 'remove-policies-branch' },
    { id: 'reset-account', login: 'a', dropLm: true }, { id: 'must-change-account', login: 'a', dropLm: false }, { id: 'account-before', login: 'a' },
  ];

  it('say every LDIF comment in both languages, one line each, the English with no French', () => {
    for (const note of NOTES) {
      const fr = planMessages('fr').ldif.note(note);
      const en = planMessages('en').ldif.note(note);
      expect(fr).not.toBe(en);
      for (const text of [fr, en]) {
        expect(text).toMatch(/^\S.*\.$/);
        expect(text).not.toContain('\n');
      }
      expect(en).not.toMatch(FRENCH);
    }
  });

  it('default to French', () => {
    expect(planMessages()).toBe(planMessages('fr'));
    expect(planMessages().steps['hide-hashes'].title).toBe('Cacher les empreintes de mots de passe');
  });
});

// The app's job runner cancels a plan (host shutdown) through its signal; a failed or cancelled plan leaves no file.
describe('a plan stopped half-way', () => {
  it('stops before the next file once cancelled, and says which it wrote', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vigie-plan-cancel-'));
    try {
      let checks = 0;
      // Aborted from the third file on: the two first are written, nothing after.
      const signal = { get aborted() { return ++checks > 2; } } as AbortSignal;
      const written: string[] = [];
      await expect(writePlanFiles(await plan(report()), dir, planMessages('fr'), signal, written)).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(written).toEqual(['01-config.ldif', '02-accounts.ldif']);
      expect((await readdir(dir)).sort()).toEqual(written);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes the folder it made when the directory cannot be read, and leaves an empty one given to it', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'vigie-plan-failed-'));
    const target = (out: string) => ({
      out, url: 'ldap://127.0.0.1:1', bind: { dn: `cn=admin,${BASE}`, password: 'x' }, config: { dn: 'cn=config', password: 'x' }, argon2: ARGON2,
    });
    try {
      const made = path.join(work, 'new-plan');
      await expect(writePlanFromReport(report(), target(made))).rejects.toThrow();
      await expect(stat(made)).rejects.toMatchObject({ code: 'ENOENT' });
      const given = path.join(work, 'given');
      await mkdir(given, { mode: 0o700 });
      await expect(writePlanFromReport(report(), target(given))).rejects.toThrow();
      expect(await readdir(given)).toEqual([]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
