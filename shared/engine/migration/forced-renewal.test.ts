// Issue #12 §3 in the plan: the accounts others can log in to without cracking anything — the formula imposed at
// creation, a default handed out — are renewed by force, first, and listed in forced-renewal.csv.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planMessages } from '../../contract/plan-messages.ts';
import type { AccountReport, ScanReport } from '../../contract/report.ts';
import { accountActions, forcedRenewals } from './account-actions.ts';
import { forcedRenewalSentence, planBlocks, toHtml, toMarkdown } from './plan-document.ts';
import { planSteps } from './plan-steps.ts';
import { readPlanReport, type PlanReport } from './report-input.ts';
import { csvLine, forcedRenewalCsv } from './write-plan.ts';

const SHAPE = 'surname+birthdate:YYYY|capitalised|';
const LABEL = { fr: 'nom + date de naissance (AAAA) — Majuscule initiale', en: 'surname + date of birth (YYYY) — Capitalised' };
const FR = planMessages('fr');
const EN = planMessages('en');

function account(login: string, profile: AccountReport['profile'], findings: AccountReport['findings'], classes: string[] = []): AccountReport {
  return {
    dn: `uid=${login},ou=people,dc=college,dc=test`, login, profile, classes, hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }], findings,
    risk: findings.find((f) => f.severity === 'critical')?.severity ?? findings[0]?.severity ?? null,
  };
}

/** 24 of 30 students on the imposed formula, 6 teachers on one default, a teacher with his own weak password, a legacy-only account. */
function school(): ScanReport {
  const accounts: AccountReport[] = [
    account('zz.legacy', 'student', [{ code: 'LEGACY_HASH', severity: 'medium', scheme: 'MD5' }]),
    account('aa.prof', 'teacher', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', patternId: 'given+year', pattern: 'prénom + année' }]),
    ...Array.from({ length: 6 }, (_, i) => account(`prof${i}`, i < 4 ? 'teacher' : 'staff', [
      { code: 'SCHOOL_INFO_PASSWORD', severity: 'critical', patternId: 'school-name+year' },
      { code: 'SHARED_PASSWORD', severity: 'critical', groupId: 1, groupSize: 6, likelyDefault: true },
    ])),
    ...Array.from({ length: 30 }, (_, i) => account(`eleve${String(i).padStart(2, '0')}`, 'student', i < 24
      ? [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'high', patternId: 'surname+birthdate:YYYY', shape: SHAPE, imposedScheme: true, strength: 1 }]
      : [], ['5B'])),
  ];
  // A class name a spreadsheet would run as a formula.
  accounts.find((a) => a.login === 'eleve00')!.classes = ['=HYPERLINK("x")'];
  return {
    schemaVersion: 1, tool: { name: 'vigie', version: 'test' },
    source: { kind: 'ldap', location: 'ldap://annuaire.college.test', baseDn: 'ou=people,dc=college,dc=test', flavour: 'sdet', flavourDetected: true, depth: 'standard', schoolWords: 3 },
    startedAt: '2026-12-05T08:00:00.000Z', finishedAt: '2026-12-05T08:01:00.000Z', partial: false,
    directoryFindings: [
      { code: 'NO_PASSWORD_POLICY', severity: 'high', detail: 'Aucune politique.' },
      { code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', detail: '24 comptes élèves (80 %)…', profile: 'student', shape: SHAPE, shapeLabel: LABEL, accounts: 24, share: 0.8 },
    ],
    summary: {
      accounts: accounts.length, withFindings: 32, byCode: {}, bySeverity: { critical: 7, high: 24, medium: 1, low: 0 },
      byScheme: { SSHA: accounts.length }, byProfile: {}, sharedGroups: [{ groupId: 1, size: 6 }], score: 30, grade: 'E',
    },
    accounts,
  };
}

describe('the forced-renewal list of the plan', () => {
  let dir: string;
  let report: PlanReport;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-forced-'));
    const file = path.join(dir, 'report.json');
    await writeFile(file, JSON.stringify(school()));
    report = await readPlanReport(file);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the issue #12 fields through the report schema, and a report without them still reads', async () => {
    expect(report.directoryFindings[1]).toMatchObject({ profile: 'student', shape: SHAPE, shapeLabel: LABEL, accounts: 24, share: 0.8 });
    expect(report.accounts.find((a) => a.login === 'eleve01')!.findings[0]).toMatchObject({ shape: SHAPE, imposedScheme: true });
    expect(report.accounts.find((a) => a.login === 'prof0')!.findings[1]).toMatchObject({ groupId: 1, likelyDefault: true });

    const old = school();
    old.directoryFindings = old.directoryFindings.filter((f) => f.code !== 'IMPOSED_PASSWORD_SCHEME');
    for (const a of old.accounts) a.findings = a.findings.map(({ shape: _s, imposedScheme: _i, likelyDefault: _l, ...rest }) => rest);
    const file = path.join(dir, 'old.json');
    await writeFile(file, JSON.stringify(old));
    const plain = await readPlanReport(file);
    expect(accountActions(plain).some((a) => a.forced !== undefined)).toBe(false);
  });

  it('renews the imposed formula first, then the shared default, then the other resets, then the must-changes', () => {
    const actions = accountActions(report);
    expect(actions.map((a) => a.account.login)).toEqual([
      ...Array.from({ length: 24 }, (_, i) => `eleve${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `prof${i}`),
      'aa.prof', 'zz.legacy',
    ]);
    expect(actions.slice(0, 24).every((a) => a.kind === 'reset' && a.forced === 'imposed-scheme')).toBe(true);
    expect(actions.slice(24, 30).every((a) => a.kind === 'reset' && a.forced === 'likely-default')).toBe(true);
    expect(actions[30]).toMatchObject({ kind: 'reset' });
    expect(actions[30]!.forced).toBeUndefined();
    expect(actions[31]).toMatchObject({ kind: 'must-change' });

    const forced = forcedRenewals(report, actions);
    expect(forced).toHaveLength(30);
    expect(forced[0]).toEqual({ login: 'eleve00', dn: 'uid=eleve00,ou=people,dc=college,dc=test', profile: 'student', classes: ['=HYPERLINK("x")'], reason: 'imposed-scheme', shape: SHAPE });
    expect(forced[29]).toEqual({ login: 'prof5', dn: 'uid=prof5,ou=people,dc=college,dc=test', profile: 'staff', classes: [], reason: 'likely-default' });
  });

  it('makes the forced renewal a step of its own, before the other resets, that lifts the imposed-scheme finding', () => {
    const actions = accountActions(report);
    const steps = planSteps(report, actions, () => false);
    expect(steps.map((s) => s.id)).toEqual(['forced-renewal', 'reset-weak', 'policy', 'storage', 'must-change']);
    expect(steps[0]).toMatchObject({ accounts: 30, files: expect.arrayContaining(['forced-renewal.csv', '02-accounts.ldif']) });
    expect(steps[1]!.accounts).toBe(1);
    // Scores only rise as the steps are done.
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.score).toBeGreaterThanOrEqual(steps[i - 1]!.score);
  });

  it('says it in plain words in plan.md and plan.html, before the files, with no password', () => {
    const actions = accountActions(report);
    const forced = forcedRenewals(report, actions);
    const sentence = 'Renouvellement forcé : 24 élèves gardent la formule imposée à la création du compte (nom + date de naissance (AAAA) — Majuscule initiale) ; '
      + '6 comptes du personnel partagent un mot de passe donné par défaut.';
    expect(forcedRenewalSentence(forced, FR)).toBe(sentence);
    expect(forcedRenewalSentence(forced, EN)).toBe('Forced renewal: 24 students keep the formula imposed when the account was created (surname + date of birth (YYYY) — Capitalised); '
      + '6 accounts of the staff share a default password.');
    const doc = planBlocks({
      location: report.source.location, reportDate: '2026-12-05', before: { score: 30, grade: 'E' },
      steps: planSteps(report, actions, () => false), actions, forced, issued: 31, missing: [], notUndone: [],
      target: 'openldap-2.5', argon2: { memoryKiB: 19456, timeCost: 2, parallelism: 1 }, url: 'ldap://annuaire.college.test',
    }, FR);
    const md = toMarkdown(doc);
    expect(md).toContain(sentence);
    expect(md.indexOf(sentence)).toBeLessThan(md.indexOf('## Ce que contient ce dossier'));
    expect(md).toContain('| forced-renewal.csv |');
    expect(md).toContain('| eleve00 | élève | =HYPERLINK("x") | renouvellement forcé (formule imposée), phrase de passe temporaire |');
    expect(md).toContain('| prof0 | enseignant | — | renouvellement forcé (mot de passe par défaut), phrase de passe temporaire |');
    expect(toHtml(doc, 'fr')).toContain('Renouvellement forcé : 24 élèves gardent la formule imposée');
  });

  it('names a lone account and a default that students share too', () => {
    expect(forcedRenewalSentence([
      { login: 'a', dn: 'uid=a', profile: 'teacher', classes: [], reason: 'imposed-scheme' },
      { login: 'b', dn: 'uid=b', profile: 'student', classes: [], reason: 'likely-default' },
      { login: 'c', dn: 'uid=c', profile: 'teacher', classes: [], reason: 'likely-default' },
    ], FR)).toBe('Renouvellement forcé : 1 enseignant garde la formule imposée à la création du compte ; 2 comptes (enseignants, élèves) partagent un mot de passe donné par défaut.');
    expect(forcedRenewalSentence([], FR)).toBeNull();
  });

  it('writes forced-renewal.csv with the plan’s CSV writer: who, why, the formula in words; formulas neutralised', () => {
    const csv = forcedRenewalCsv(forcedRenewals(report, accountActions(report)), FR);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('identifiant,dn,profil,classe,raison,formule');
    expect(lines[1]).toBe(`eleve00,"uid=eleve00,ou=people,dc=college,dc=test",élève,"'=HYPERLINK(""x"")",formule imposée à la création du compte,${LABEL.fr}`);
    expect(lines[30]).toBe('prof5,"uid=prof5,ou=people,dc=college,dc=test",personnel,,mot de passe par défaut partagé,');
    expect(csvLine(['+33', '-x', '@a', 'plain', 'a;b'])).toBe("'+33,'-x,'@a,plain,\"a;b\"");
  });
});
