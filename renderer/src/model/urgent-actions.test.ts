import { describe, expect, it } from 'vitest';
import { urgentActions } from './urgent-actions.ts';
import { account } from './report-fixture.test-support.ts';

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

  it('has nothing to say about a clean directory', () => {
    expect(urgentActions({ directoryFindings: [], accounts: [account('e1', 'student')] })).toEqual([]);
  });
});
