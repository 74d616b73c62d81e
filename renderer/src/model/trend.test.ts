import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/contract/index.ts';
import { trendFor } from './trend.ts';

const entry = (reportId: string, finishedAt: string, score: number, school: Partial<HistoryEntry> = { profileId: 'college' }): HistoryEntry => ({
  reportId, finishedAt, score, grade: 'C', accounts: 10, partial: false, label: 'Collège', source: 'ldap://x', ...school,
});

describe('trendFor', () => {
  const history = [
    entry('r3', '2025-03-01T10:00:00Z', 71),
    entry('other', '2025-02-15T10:00:00Z', 20, { profileId: 'lycee' }),
    entry('r1', '2025-01-01T10:00:00Z', 50),
    entry('r2', '2025-02-01T10:00:00Z', 64),
    entry('r4', '2025-04-01T10:00:00Z', 90),
  ];

  it('compares with the previous scan of the same school, ignoring later scans and other schools', () => {
    const trend = trendFor(history, 'r3');
    expect(trend.points.map((p) => p.reportId)).toEqual(['r1', 'r2', 'r3']);
    expect(trend.previous?.reportId).toBe('r2');
    expect(trend.delta).toBe(7);
  });

  it('has no delta for a school’s first scan', () => {
    expect(trendFor(history, 'r1')).toMatchObject({ previous: null, delta: null });
  });

  it('matches scans without a profile by label and source', () => {
    const adHoc = [
      entry('a', '2025-01-01T00:00:00Z', 40, { label: 'export.ldif', source: 'export.ldif' }),
      entry('b', '2025-01-02T00:00:00Z', 35, { label: 'export.ldif', source: 'export.ldif' }),
      entry('c', '2025-01-01T12:00:00Z', 99, { label: 'autre.ldif', source: 'autre.ldif' }),
    ];
    expect(trendFor(adHoc, 'b')).toMatchObject({ delta: -5, previous: { reportId: 'a' } });
  });

  it('is empty for a report the history does not list', () => {
    expect(trendFor(history, 'missing').points).toEqual([]);
  });

  describe('a scan that could check nothing (issue #15 §2)', () => {
    it('is not compared: no delta, whatever its placeholder score', () => {
      const trend = trendFor(history, 'r3', 8, { graded: false });
      expect(trend).toMatchObject({ delta: null, currentGraded: false, previous: { reportId: 'r2' } });
      expect(trend.points.map((p) => p.graded)).toEqual([true, true, false]);
    });

    it('is skipped as the previous scan: the last graded one is compared', () => {
      const withUngraded = history.map((e) => (e.reportId === 'r3' ? { ...e, score: 0, grade: 'F' as const, graded: false } : e));
      const trend = trendFor(withUngraded, 'r4');
      expect(trend.previous?.reportId).toBe('r2');
      expect(trend.delta).toBe(26);
      expect(trend.currentGraded).toBe(true);
      expect(trend.points.find((p) => p.reportId === 'r3')?.graded).toBe(false);
    });

    it('has no delta when no earlier scan was graded', () => {
      const firstUngraded = history.map((e) => (e.reportId === 'r1' ? { ...e, graded: false } : e));
      expect(trendFor(firstUngraded, 'r2')).toMatchObject({ previous: null, delta: null, currentGraded: true });
    });
  });
});

describe('trendFor, issue #13 §2: only the same source at the same depth compares', () => {
  const at = (reportId: string, day: number, score: number, more: Partial<HistoryEntry> = {}): HistoryEntry =>
    entry(reportId, `2026-12-0${day}T10:00:00Z`, score, { profileId: 'college', source: 'ldap://x', sourceKind: 'ldap', depth: 'standard', ...more });

  it('a quick scan after a standard one is not progress: it is skipped, and said to differ', () => {
    const trend = trendFor([at('std', 1, 40), at('quick', 2, 46, { depth: 'quick' })], 'quick');
    expect(trend.delta).toBeNull();
    expect(trend.previous).toBeNull();
    expect(trend.skipped).toMatchObject({ entry: { reportId: 'std' }, depth: true, source: false });
    expect(trend.points.map((p) => [p.reportId, p.comparable])).toEqual([['std', false], ['quick', true]]);
  });

  it('compares with the last scan at the same depth, past one at another depth, and names the one skipped', () => {
    const trend = trendFor([at('s1', 1, 40), at('q', 2, 60, { depth: 'quick' }), at('s2', 3, 45)], 's2');
    expect(trend).toMatchObject({ delta: 5, previous: { reportId: 's1' }, skipped: { entry: { reportId: 'q' }, depth: true } });
  });

  it('a saved school whose connection moved to another directory does not compare across', () => {
    const trend = trendFor([at('old', 1, 30, { source: 'ldap://ancien' }), at('new', 2, 70)], 'new');
    expect(trend).toMatchObject({ delta: null, skipped: { depth: false, source: true } });
  });

  it('says nothing is skipped when the scan just before compares', () => {
    expect(trendFor([at('a', 1, 30), at('b', 2, 35)], 'b')).toMatchObject({ delta: 5, skipped: null });
  });
});
