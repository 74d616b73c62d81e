import { describe, expect, it } from 'vitest';
import { directoryScore, gradeFor } from './score.ts';
import { severityFor, worstSeverity } from './severity.ts';

describe('score', () => {
  it('is 100 for a directory without findings and 0 when every account is critical', () => {
    expect(directoryScore([{ profile: 'student', risk: null }])).toBe(100);
    expect(directoryScore([{ profile: 'student', risk: 'critical' }, { profile: 'admin', risk: 'critical' }])).toBe(0);
  });

  it('weighs an administrator five times a student', () => {
    const students = Array.from({ length: 5 }, () => ({ profile: 'student' as const, risk: null }));
    const adminBad = directoryScore([...students, { profile: 'admin', risk: 'critical' }]);
    const studentBad = directoryScore([...students, { profile: 'student', risk: 'critical' }]);
    expect(adminBad).toBe(50);
    expect(studentBad).toBe(83);
  });

  it('takes directory findings off the score', () => {
    expect(directoryScore([{ profile: 'student', risk: null }], [{ severity: 'high' }])).toBe(90);
    expect(directoryScore([], [{ severity: 'critical' }, { severity: 'critical' }])).toBe(70);
  });

  it('maps scores to grades and caps at D when an admin account is critical', () => {
    expect(gradeFor(95)).toBe('A');
    expect(gradeFor(80)).toBe('B');
    expect(gradeFor(64)).toBe('D');
    expect(gradeFor(10)).toBe('F');
    expect(gradeFor(95, true)).toBe('D');
    expect(gradeFor(20, true)).toBe('F');
  });
});

describe('severity', () => {
  it("ranks a teacher's or an admin's weak password above a student's", () => {
    expect(severityFor('PERSONAL_INFO_PASSWORD', 'student')).toBe('high');
    expect(severityFor('PERSONAL_INFO_PASSWORD', 'teacher')).toBe('critical');
    expect(severityFor('LEGACY_HASH', 'student')).toBe('medium');
    expect(severityFor('LEGACY_HASH', 'teacher')).toBe('medium');
    expect(severityFor('LEGACY_HASH', 'admin')).toBe('high');
    expect(severityFor('CLEARTEXT_PASSWORD', 'admin')).toBe('critical');
  });

  it('finds the worst severity', () => {
    expect(worstSeverity(['low', 'high', 'medium'])).toBe('high');
    expect(worstSeverity([])).toBeNull();
  });
});
