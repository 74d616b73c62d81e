import { describe, expect, it } from 'vitest';
import { urgentActions } from './urgent-actions.ts';
import { account, IMPOSED_LABEL, imposedSchoolReport } from './report-fixture.test-support.ts';

describe('urgentActions', () => {
  it('puts the most severe kind of problem first, then the one that weighs most', () => {
    const report = {
      directoryFindings: [],
      accounts: [
        account('e1', 'student', [{ code: 'LEGACY_HASH', severity: 'medium' }]),
        account('e2', 'student', [{ code: 'LEGACY_HASH', severity: 'medium' }, { code: 'COMMON_PASSWORD', severity: 'high' }]),
        account('p1', 'teacher', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'critical' }]),
        account('a1', 'admin', [{ code: 'EMPTY_PASSWORD', severity: 'critical' }]),
        account('e3', 'student', [{ code: 'WEAK_HASH_PARAMETERS', severity: 'low' }]),
      ],
    };
    const actions = urgentActions(report);
    expect(actions.map((a) => a.code)).toEqual(['EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'COMMON_PASSWORD']);
    expect(actions[0]).toEqual({ kind: 'accounts', code: 'EMPTY_PASSWORD', severity: 'critical', accounts: 1, profiles: ['admin'] });
  });

  it('takes a code’s worst severity and lists the profiles it touches, most weighty first', () => {
    const actions = urgentActions({
      directoryFindings: [],
      accounts: [
        account('e1', 'student', [{ code: 'COMMON_PASSWORD', severity: 'high' }]),
        account('t1', 'teacher', [{ code: 'COMMON_PASSWORD', severity: 'critical' }]),
      ],
    });
    expect(actions).toEqual([{ kind: 'accounts', code: 'COMMON_PASSWORD', severity: 'critical', accounts: 2, profiles: ['teacher', 'student'] }]);
  });

  it('ranks a directory problem above account problems of the same severity, and ignores SIZE_LIMITED', () => {
    const actions = urgentActions({
      directoryFindings: [
        { code: 'SIZE_LIMITED', severity: 'high', detail: '' },
        { code: 'NO_TLS', severity: 'high', detail: '' },
      ],
      accounts: [account('e1', 'student', [{ code: 'COMMON_PASSWORD', severity: 'high' }])],
    });
    expect(actions.map((a) => a.code)).toEqual(['NO_TLS', 'COMMON_PASSWORD']);
  });

  it('ranks by severity × accounts: many students on an imposed formula come before one teacher’s weak password', () => {
    const actions = urgentActions(imposedSchoolReport({ students: 30, imposed: 24, defaults: 6 }));
    expect(actions).toEqual([
      // 6 teachers × weight 2 × critical outweighs 24 students × high.
      { kind: 'default', code: 'SHARED_PASSWORD', severity: 'critical', accounts: 6, profiles: ['teacher'] },
      { kind: 'imposed', code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', accounts: 24, profile: 'student', label: IMPOSED_LABEL },
      // What is left of the personal-data passwords: the one teacher who chose his; the 24 students are the imposed action's.
      { kind: 'accounts', code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', accounts: 1, profiles: ['teacher'] },
    ]);
  });

  it('does not ask again, under how the password was built, for the accounts a forced renewal covers', () => {
    const actions = urgentActions(imposedSchoolReport({ students: 30, imposed: 24, defaults: 6 }), 10);
    expect(actions.map((a) => a.code)).not.toContain('SCHOOL_INFO_PASSWORD');
    expect(actions.filter((a) => a.code === 'SHARED_PASSWORD')).toHaveLength(1);
  });

  it('lets a large enough problem of a lower severity pass a small one of a higher severity, not a small one', () => {
    const few = [account('t1', 'teacher', [{ code: 'CLEARTEXT_PASSWORD', severity: 'critical' }])];
    const students = (n: number) => Array.from({ length: n }, (_, i) => account(`e${i}`, 'student', [{ code: 'COMMON_PASSWORD', severity: 'high' }]));
    expect(urgentActions({ directoryFindings: [], accounts: [...few, ...students(19)] }).map((a) => a.code)).toEqual(['CLEARTEXT_PASSWORD', 'COMMON_PASSWORD']);
    expect(urgentActions({ directoryFindings: [], accounts: [...few, ...students(21)] }).map((a) => a.code)).toEqual(['COMMON_PASSWORD', 'CLEARTEXT_PASSWORD']);
  });

  it('weighs each account by its own finding’s severity: one critical account does not lift many high ones', () => {
    const personal = (login: string, profile: 'student' | 'teacher', severity: 'high' | 'critical') => account(login, profile, [{ code: 'PERSONAL_INFO_PASSWORD', severity }]);
    const actions = urgentActions({
      directoryFindings: [],
      accounts: [
        personal('t1', 'teacher', 'critical'), ...Array.from({ length: 10 }, (_, i) => personal(`e${i}`, 'student', 'high')),
        // 2 teachers × critical = 4,000: more than 1 teacher critical + 10 students high = 3,000.
        ...['c1', 'c2'].map((login) => account(login, 'teacher', [{ code: 'CLEARTEXT_PASSWORD', severity: 'critical' }])),
      ],
    });
    expect(actions.map((a) => [a.code, a.severity])).toEqual([['CLEARTEXT_PASSWORD', 'critical'], ['PERSONAL_INFO_PASSWORD', 'critical']]);
  });

  it('has nothing to say about a clean directory', () => {
    expect(urgentActions({ directoryFindings: [], accounts: [account('e1', 'student')] })).toEqual([]);
  });

  it('asks first for a scan that can read the hashes when none could be read (issue #15 §2)', () => {
    const unread = { ...account('e1', 'student'), storedSchemes: [], hashScheme: 'NONE' as const };
    const actions = urgentActions({
      directoryFindings: [
        { code: 'NO_TLS', severity: 'high', detail: '' },
        { code: 'NO_READABLE_PASSWORD', severity: 'high', detail: '' },
      ],
      accounts: [unread, { ...unread, login: 'e2' }],
    });
    expect(actions.map((a) => a.code)).toEqual(['NO_READABLE_PASSWORD', 'NO_TLS']);
  });
});
