// Issue #15 §2 and §4 in the report: how many accounts could be checked, « non évaluable » when none could, and the
// input's problems named (never a value) in the source section.
import { describe, expect, it } from 'vitest';
import { directoryDetail } from '../../contract/directory-details.ts';
import type { HashSchemeName, Profile } from '../../contract/codes.ts';
import type { AccountFinding, InputProblems, ReportSource } from '../../contract/report.ts';
import type { AccountAudit } from '../audit/audit.ts';
import { buildReport } from './build-report.ts';
import { LISTED_INPUT_PROBLEMS } from './input-problems.ts';

const LDIF_SOURCE: ReportSource = { kind: 'ldif', location: 'annuaire.ldif', flavour: 'inetorgperson', flavourDetected: true, depth: 'quick', schoolWords: 0 };
const LDAP_SOURCE: ReportSource = {
  kind: 'ldap', location: 'ldap://annuaire.test/', baseDn: 'dc=test', transport: 'none', flavour: 'inetorgperson', flavourDetected: true, depth: 'quick', schoolWords: 0,
};

function audit(i: number, profile: Profile, schemes: HashSchemeName[], findings: AccountFinding[] = []): AccountAudit {
  return {
    account: { dn: `uid=u${i},ou=people,dc=test`, login: `u${i}`, profile, classes: [] },
    storedSchemes: schemes.map((scheme) => ({ scheme, attribute: scheme === 'NT' ? 'sambantpassword' : 'userpassword' })),
    hashScheme: schemes.length === 0 ? 'NONE' : schemes[0]!,
    findings,
    unchecked: false,
  };
}

function report(accounts: AccountAudit[], source: ReportSource = LDIF_SOURCE, inputProblems?: InputProblems) {
  return buildReport({
    source, startedAt: new Date('2026-12-01T08:00:00Z'), finishedAt: new Date('2026-12-01T08:01:00Z'), accounts,
    directoryFindings: source.kind === 'ldap' ? [{ code: 'NO_TLS', severity: 'high', detail: 'La connexion n’est pas chiffrée.' }] : [],
    ...(inputProblems ? { inputProblems } : {}),
  });
}

describe('honest coverage (issue #15 §2)', () => {
  it('an export without any password attribute is not graded A: « non évaluable », and a finding says why', () => {
    const r = report(Array.from({ length: 300 }, (_, i) => audit(i, 'student', [])));
    expect(r.summary).toMatchObject({ accounts: 300, withFindings: 0, checkable: 0, graded: false });
    // The letter a reader that predates `graded` shows is never a reassuring one.
    expect(r.summary.grade).toBe('F');
    expect(r.summary.score).toBe(0);
    expect(r.summary.byProfile.student).toMatchObject({ accounts: 300, checkable: 0, graded: false, grade: 'F' });
    const finding = r.directoryFindings.find((f) => f.code === 'NO_READABLE_PASSWORD');
    expect(finding).toMatchObject({ severity: 'high' });
    expect(directoryDetail(finding!, 'fr')).toMatch(/Aucun des 300 comptes lus n’a d’empreinte de mot de passe lisible dans cet export/);
    expect(directoryDetail(finding!, 'fr')).toMatch(/userPassword/);
    expect(directoryDetail(finding!, 'fr').split('\n')).toHaveLength(1);
  });

  it('an anonymous LDAP scan whose ACL hid every hash: not graded, and told to bind with an account allowed to read userPassword', () => {
    const r = report(Array.from({ length: 12 }, (_, i) => audit(i, i < 2 ? 'teacher' : 'student', [])), LDAP_SOURCE);
    expect(r.summary.graded).toBe(false);
    expect(r.directoryFindings.map((f) => f.code)).toEqual(['NO_TLS', 'NO_READABLE_PASSWORD']);
    expect(directoryDetail(r.directoryFindings[1]!, 'fr')).toMatch(/liez-vous avec un compte autorisé à lire userPassword/);
  });

  it('values of an unknown scheme only are not checkable either', () => {
    const r = report([audit(0, 'student', ['UNKNOWN']), audit(1, 'student', ['UNKNOWN', 'UNKNOWN'])]);
    expect(r.summary).toMatchObject({ checkable: 0, graded: false });
  });

  it('no account at all: not graded, and the finding says none was read', () => {
    const r = report([]);
    expect(r.summary).toMatchObject({ accounts: 0, checkable: 0, graded: false });
    expect(directoryDetail(r.directoryFindings[0]!, 'fr')).toMatch(/^Aucun compte n’a été lu/);
  });

  it('a partly readable directory keeps its grade, says how many were checkable, and leaves the profile with none ungraded', () => {
    const accounts = [
      ...Array.from({ length: 10 }, (_, i) => audit(i, 'student', ['ARGON2ID'])),
      ...Array.from({ length: 40 }, (_, i) => audit(100 + i, 'student', [])),
      ...Array.from({ length: 5 }, (_, i) => audit(200 + i, 'teacher', [])),
      audit(300, 'teacher', ['UNKNOWN']),
    ];
    const r = report(accounts);
    expect(r.summary).toMatchObject({ accounts: 56, checkable: 10, graded: true, grade: 'A', score: 100 });
    expect(r.summary.byProfile.student).toMatchObject({ accounts: 50, checkable: 10, graded: true, grade: 'A' });
    expect(r.summary.byProfile.teacher).toMatchObject({ accounts: 6, checkable: 0, graded: false });
    expect(r.directoryFindings.map((f) => f.code)).not.toContain('NO_READABLE_PASSWORD');
  });

  it('a graded directory is scored as before (an account with a cleartext password, NO_TLS)', () => {
    const r = report([audit(0, 'student', ['CLEARTEXT'], [{ code: 'CLEARTEXT_PASSWORD', severity: 'critical' }]), audit(1, 'student', ['ARGON2ID'])], LDAP_SOURCE);
    expect(r.summary).toMatchObject({ checkable: 2, graded: true, score: 40, grade: 'E' });
  });
});

describe('input problems (issue #15 §4)', () => {
  it('names every value of an unknown scheme by DN and attribute, never by value', () => {
    const r = report([audit(0, 'student', ['SSHA']), audit(1, 'student', ['UNKNOWN']), audit(2, 'teacher', ['NT', 'UNKNOWN'])]);
    expect(r.source.inputProblems).toEqual({
      total: 2,
      byKind: { UNCLASSIFIED_VALUE: 2 },
      listed: [
        { kind: 'UNCLASSIFIED_VALUE', dn: 'uid=u1,ou=people,dc=test', attribute: 'userpassword' },
        { kind: 'UNCLASSIFIED_VALUE', dn: 'uid=u2,ou=people,dc=test', attribute: 'userpassword' },
      ],
    });
  });

  it('keeps the reader’s problems first, counts them all and lists a few hundred at most', () => {
    const fromReader: InputProblems = {
      total: 3,
      byKind: { MALFORMED_BASE64: 1, DUPLICATE_DN: 2 },
      listed: [
        { kind: 'MALFORMED_BASE64', line: 7, dn: 'uid=u0,ou=people,dc=test', attribute: 'userpassword' },
        { kind: 'DUPLICATE_DN', line: 12, firstLine: 1, dn: 'uid=u0,ou=people,dc=test' },
        { kind: 'DUPLICATE_DN', line: 20, firstLine: 1, dn: 'uid=u0,ou=people,dc=test' },
      ],
    };
    const many = Array.from({ length: LISTED_INPUT_PROBLEMS + 50 }, (_, i) => audit(i, 'student', ['UNKNOWN']));
    const r = report([...many, audit(9999, 'student', ['SSHA'])], LDIF_SOURCE, fromReader);
    const problems = r.source.inputProblems!;
    expect(problems.total).toBe(3 + LISTED_INPUT_PROBLEMS + 50);
    expect(problems.byKind).toEqual({ MALFORMED_BASE64: 1, DUPLICATE_DN: 2, UNCLASSIFIED_VALUE: LISTED_INPUT_PROBLEMS + 50 });
    expect(problems.listed).toHaveLength(LISTED_INPUT_PROBLEMS);
    expect(problems.listed.slice(0, 3)).toEqual(fromReader.listed);
  });

  it('says there were none when there were none', () => {
    expect(report([audit(0, 'student', ['SSHA'])]).source.inputProblems).toEqual({ total: 0, byKind: {}, listed: [] });
  });
});
