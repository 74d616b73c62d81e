import { describe, expect, it } from 'vitest';
import type { AccountReport, DirectoryFinding, ScanReport } from '../contract/report.ts';
import { formatComparison, formatSummary, inputProblemLines, knownPasswordSentences } from './summary.ts';

function account(login: string, profile: AccountReport['profile'], findings: AccountReport['findings']): AccountReport {
  return {
    dn: `uid=${login},ou=people,dc=college,dc=test`, login, profile, classes: [], hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }], findings, risk: findings[0]?.severity ?? null,
  };
}

const IMPOSED: DirectoryFinding = {
  code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', profile: 'student', shape: 'surname+birthdate:YYYY|capitalised|',
  shapeLabel: { fr: 'nom + date de naissance (AAAA) — Majuscule initiale', en: 'surname + date of birth (YYYY) — Capitalised' },
  accounts: 212, share: 0.7794,
  detail: '212 comptes élèves (78 %) ont encore un mot de passe de la forme « nom + date de naissance (AAAA) — Majuscule initiale ».',
};

/** 212 students on the imposed formula (only a few listed: the finding carries the count), 74 staff on one default. */
function imposedReport(): ScanReport {
  const accounts: AccountReport[] = [
    ...Array.from({ length: 3 }, (_, i) => account(`eleve${i}`, 'student', [
      { code: 'PERSONAL_INFO_PASSWORD', severity: 'high', patternId: 'surname+birthdate:YYYY', shape: IMPOSED.shape!, imposedScheme: true },
    ])),
    ...Array.from({ length: 74 }, (_, i) => account(`prof${i}`, i < 50 ? 'teacher' : 'staff', [
      { code: 'SHARED_PASSWORD', severity: 'critical', groupId: 3, groupSize: 74, likelyDefault: true },
    ])),
    ...Array.from({ length: 2 }, (_, i) => account(`pair${i}`, 'student', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 4, groupSize: 2 }])),
  ];
  return {
    schemaVersion: 1, tool: { name: 'vigie', version: 'test' },
    source: { kind: 'ldif', location: 'college.ldif', flavour: 'sdet', flavourDetected: true, depth: 'standard', schoolWords: 3 },
    startedAt: '2026-12-05T08:00:00.000Z', finishedAt: '2026-12-05T08:01:00.000Z', partial: false,
    directoryFindings: [{ code: 'NO_TLS', severity: 'high', detail: 'La connexion n’est pas chiffrée.' }, IMPOSED],
    summary: {
      accounts: accounts.length, withFindings: accounts.length, byCode: { PERSONAL_INFO_PASSWORD: 3, SHARED_PASSWORD: 76 },
      bySeverity: { critical: 74, high: 5, medium: 0, low: 0 }, byScheme: { SSHA: accounts.length },
      byProfile: {}, sharedGroups: [{ groupId: 3, size: 74 }, { groupId: 4, size: 2 }], score: 20, grade: 'F',
    },
    accounts,
  };
}

describe('the summary says which passwords others know', () => {
  it('in French: the imposed formula with its count and share, then the staff default', () => {
    expect(knownPasswordSentences(imposedReport(), 'fr')).toEqual([
      'La plupart des élèves ont encore le mot de passe imposé à la création du compte (nom + date de naissance (AAAA) — Majuscule initiale) : '
        + '212 comptes, 78 %. Quiconque connaît la formule peut se connecter à leur place.',
      '74 comptes du personnel partagent un même mot de passe, probablement celui donné à la rentrée. Quiconque le connaît peut se connecter à leur place.',
    ]);
    const text = formatSummary(imposedReport(), 'fr');
    expect(text).toContain('Mots de passe que d’autres connaissent :\n  La plupart des élèves ont encore le mot de passe imposé');
    // Before the counts: the first thing a principal reads after the grade.
    expect(text.indexOf('La plupart des élèves')).toBeLessThan(text.indexOf('Problèmes :'));
    expect(text).toContain(`IMPOSED_PASSWORD_SCHEME — ${IMPOSED.detail}`);
  });

  it('in English, with the English label and no French detail', () => {
    expect(knownPasswordSentences(imposedReport(), 'en')).toEqual([
      'Most students still have the password imposed when their account was created (surname + date of birth (YYYY) — Capitalised): '
        + '212 accounts, 78%. Anyone who knows the formula can log in as them.',
      '74 staff accounts share one password, probably the one handed out at the start of the school year. Anyone who knows it can log in as them.',
    ]);
    const text = formatSummary(imposedReport(), 'en');
    expect(text).toContain('Passwords others know :\n  Most students still have');
    expect(text).toContain('IMPOSED_PASSWORD_SCHEME — a password formula imposed at account creation is still in use: force a renewal');
    expect(text).not.toContain(IMPOSED.detail);
    expect(text).not.toContain('Majuscule');
  });

  it('does not say « most » of a minority, and names who shares a default that is not the staff’s alone', () => {
    const report = imposedReport();
    report.directoryFindings[1] = { ...IMPOSED, profile: 'teacher', accounts: 25, share: 0.41 };
    for (const a of report.accounts.slice(3, 13)) a.profile = 'student';
    const [imposed, shared] = knownPasswordSentences(report, 'fr');
    expect(imposed).toMatch(/^Beaucoup d’enseignants ont encore le mot de passe imposé .* : 25 comptes, 41 %\./);
    expect(shared).toMatch(/^74 comptes \(enseignants, personnels et élèves\) partagent un même mot de passe, probablement un mot de passe donné par défaut\./);
    expect(knownPasswordSentences(report, 'en')[0]).toMatch(/^Many teachers still have/);
  });

  it('says nothing of the kind when no formula and no default was found', () => {
    const report = imposedReport();
    report.directoryFindings = report.directoryFindings.filter((f) => f.code !== 'IMPOSED_PASSWORD_SCHEME');
    report.accounts = report.accounts.filter((a) => a.profile === 'student' && !a.findings.some((f) => f.imposedScheme));
    expect(knownPasswordSentences(report, 'fr')).toEqual([]);
    expect(formatSummary(report, 'fr')).not.toContain('d’autres connaissent');
  });
});

describe('a report that could check nothing (issue #15 §2)', () => {
  function notGraded(kind: 'ldap' | 'ldif'): ScanReport {
    const report = imposedReport();
    report.source = kind === 'ldif' ? report.source : { ...report.source, kind: 'ldap', location: 'ldap://annuaire.test/', baseDn: 'dc=college,dc=test' };
    report.accounts = report.accounts.map((a) => ({ ...a, storedSchemes: [], hashScheme: 'NONE', findings: [], risk: null }));
    report.directoryFindings = [{ code: 'NO_READABLE_PASSWORD', severity: 'high', detail: 'Aucun des 79 comptes lus n’a d’empreinte de mot de passe lisible.' }];
    report.summary = {
      ...report.summary, withFindings: 0, byCode: {}, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, sharedGroups: [],
      checkable: 0, graded: false, grade: 'F', score: 0,
      byProfile: { student: { accounts: 5, withFindings: 0, byCode: {}, checkable: 0, graded: false, grade: 'F', score: 0 } },
    };
    return report;
  }

  it('says « non évaluable » and how to fix it, never a letter or a score', () => {
    const text = formatSummary(notGraded('ldap'), 'fr');
    expect(text).toContain('Note : non évaluable : aucune empreinte lisible (liez-vous avec un compte autorisé à lire userPassword) — 79 comptes, dont 0 avec au moins un problème');
    expect(text).toMatch(/élèves\s+5 {2}note non évaluable\n/);
    expect(text).not.toMatch(/\(\d+\/100\)/);
    expect(formatSummary(notGraded('ldap'), 'en')).toContain('Grade : not graded: no readable password hash (bind with an account allowed to read userPassword)');
    expect(formatSummary(notGraded('ldif'), 'fr')).toContain('non évaluable : aucune empreinte lisible dans cet export');
  });

  it('compares « non évaluable » with a graded report without inventing a score', () => {
    const before = imposedReport();
    const text = formatComparison(before, notGraded('ldif'), 'fr');
    expect(text).toMatch(/Note\s+F \(20\/100\) → non évaluable\n/);
    expect(formatComparison(notGraded('ldif'), before, 'en')).toMatch(/Grade\s+not graded → F \(20\/100\)\n/);
  });
});

describe('inputProblemLines (issue #15 §4)', () => {
  it('names LDAP entries by DN, without a line, and says how many more there are', () => {
    const report = imposedReport();
    report.source = {
      ...report.source, kind: 'ldap', location: 'ldap://annuaire.test/',
      inputProblems: {
        total: 4, byKind: { DUPLICATE_DN: 1, UNCLASSIFIED_VALUE: 3 },
        listed: [
          { kind: 'DUPLICATE_DN', dn: 'uid=a,dc=test' },
          { kind: 'UNCLASSIFIED_VALUE', dn: 'uid=b,dc=test', attribute: 'sambantpassword' },
          { kind: 'UNCLASSIFIED_VALUE', dn: 'uid=c,dc=test', attribute: 'userpassword' },
        ],
      },
    };
    expect(inputProblemLines(report, 'fr', 2)).toEqual([
      'ldap://annuaire.test/ : uid=a,dc=test apparaît une nouvelle fois ; seule la première entrée est analysée',
      'uid=b,dc=test : une valeur de sambantpassword a un format d’empreinte inconnu ; elle n’est pas vérifiée',
      '… et 2 autre(s) problème(s) dans la source (le rapport complet en compte le détail)',
    ]);
    expect(inputProblemLines(imposedReport(), 'fr')).toEqual([]);
  });
});
