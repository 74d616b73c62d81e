import { describe, expect, it } from 'vitest';
import { filterAccounts, NO_FILTER, sortAccounts, textKey } from './account-filter.ts';
import { account, imposedSchoolReport } from './report-fixture.test-support.ts';

const rows = [
  account('marie.curie', 'teacher', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', patternId: 'surname' }]),
  account('leo.dupont', 'student', [{ code: 'COMMON_PASSWORD', severity: 'high' }], ['6A']),
  account('zoe.martin', 'student', [], ['6B']),
  account('admin', 'admin', [{ code: 'LEGACY_HASH', severity: 'high' }]),
  account('ana.sousa', 'parent', [{ code: 'LEGACY_HASH', severity: 'medium' }]),
];
const logins = (list: { login: string }[]): string[] => list.map((a) => a.login);

describe('filterAccounts', () => {
  it('keeps everything without a filter', () => {
    expect(filterAccounts(rows, NO_FILTER)).toHaveLength(rows.length);
  });

  it('filters by profile, code and severity together', () => {
    expect(logins(filterAccounts(rows, { ...NO_FILTER, profile: 'student' }))).toEqual(['leo.dupont', 'zoe.martin']);
    expect(logins(filterAccounts(rows, { ...NO_FILTER, code: 'LEGACY_HASH' }))).toEqual(['admin', 'ana.sousa']);
    expect(logins(filterAccounts(rows, { ...NO_FILTER, code: 'LEGACY_HASH', severity: 'medium' }))).toEqual(['ana.sousa']);
    expect(logins(filterAccounts(rows, { ...NO_FILTER, onlyWithFindings: true }))).not.toContain('zoe.martin');
  });

  it('keeps only the accounts to renew by force: the imposed formula and the shared default', () => {
    const school = imposedSchoolReport({ students: 10, imposed: 7, defaults: 3 }).accounts;
    const kept = logins(filterAccounts(school, { ...NO_FILTER, forcedRenewal: true }));
    expect(kept).toHaveLength(10);
    expect(kept).toContain('eleve6');
    expect(kept).toContain('prof2');
    expect(kept).not.toContain('eleve7');
    expect(kept).not.toContain('prof.seul');
  });

  it('searches login, class and DN without regard to case', () => {
    expect(logins(filterAccounts(rows, { ...NO_FILTER, search: '6b' }))).toEqual(['zoe.martin']);
    expect(logins(filterAccounts(rows, { ...NO_FILTER, search: '  CURIE ' }))).toEqual(['marie.curie']);
    expect(logins(filterAccounts(rows, { ...NO_FILTER, search: 'ou=people' }))).toHaveLength(rows.length);
  });
});

describe('sortAccounts', () => {
  it('sorts by risk, most severe first, clean accounts last, ties by login', () => {
    expect(logins(sortAccounts(rows, { column: 'risk', descending: false })))
      .toEqual(['marie.curie', 'admin', 'leo.dupont', 'ana.sousa', 'zoe.martin']);
  });

  it('reverses on demand and does not change its input', () => {
    const copy = [...rows];
    expect(logins(sortAccounts(rows, { column: 'login', descending: true }))[0]).toBe('zoe.martin');
    expect(rows).toEqual(copy);
  });
});

describe('textKey', () => {
  it('orders without case or accents, and numbers by value', () => {
    const sorted = ['Émile', 'eva', '10A', '6A', 'zoé', 'Zoe2'].sort((a, b) => (textKey(a) < textKey(b) ? -1 : 1));
    expect(sorted).toEqual(['6A', '10A', 'Émile', 'eva', 'zoé', 'Zoe2']);
  });
});
