// Small hand-made report rows for the model tests.
import type { AccountFinding, AccountReport, Profile, ScanReport } from '../../../shared/contract/index.ts';

export function account(login: string, profile: Profile, findings: AccountFinding[] = [], classes: string[] = []): AccountReport {
  const order = ['critical', 'high', 'medium', 'low'] as const;
  const risk = findings.length === 0 ? null : order.find((s) => findings.some((f) => f.severity === s)) ?? null;
  return {
    dn: `uid=${login},ou=people,dc=college,dc=test`,
    login,
    profile,
    classes,
    hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }],
    findings,
    risk,
  };
}

/** The label the engine gives "surname+birthdate:YYYY|capitalised|" (shared/engine/candidates/shape.ts). */
export const IMPOSED_LABEL = { fr: 'nom + date de naissance (AAAA) — Majuscule initiale', en: 'surname + date of birth (YYYY) — Capitalised' };
const IMPOSED_SHAPE = 'surname+birthdate:YYYY|capitalised|';

/**
 * A collège as issue #12 found it: `imposed` of its students kept the formula imposed at creation (out of
 * `students`), `defaults` teachers share the default handed out at the start of the year, one teacher chose a
 * weak password of their own, and the others are clean.
 */
export function imposedSchoolReport(options: { students?: number; imposed?: number; defaults?: number } = {}): Pick<ScanReport, 'accounts' | 'directoryFindings'> {
  const { students = 30, imposed = 24, defaults = 6 } = options;
  const accounts: AccountReport[] = [];
  for (let i = 0; i < students; i++) {
    accounts.push(account(`eleve${i}`, 'student', i < imposed
      ? [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'high', patternId: 'surname+birthdate:YYYY', pattern: 'nom + date de naissance (AAAA)', shape: IMPOSED_SHAPE, imposedScheme: true }]
      : [], ['6A']));
  }
  for (let i = 0; i < defaults; i++) {
    accounts.push(account(`prof${i}`, 'teacher', [
      { code: 'SCHOOL_INFO_PASSWORD', severity: 'critical', patternId: 'school-name+year', pattern: 'nom de l’établissement + année' },
      { code: 'SHARED_PASSWORD', severity: 'critical', groupId: 1, groupSize: defaults, likelyDefault: true },
    ]));
  }
  accounts.push(account('prof.seul', 'teacher', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', patternId: 'given+year', pattern: 'prénom + année' }]));
  return {
    accounts,
    directoryFindings: [{
      code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', detail: '', profile: 'student', shape: IMPOSED_SHAPE,
      shapeLabel: IMPOSED_LABEL, accounts: imposed, share: imposed / students,
    }],
  };
}
