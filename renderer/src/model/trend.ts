// How a school's score moved: the current scan against the earlier scans of the same school.
// A scan that could check nothing (issue #15 §2) is « non évaluable »: it is shown, but never compared.
// Scores compare only between scans of the same source at the same depth (issue #13 §2): a quick scan after a
// standard one finds less, and would read as progress. Such a scan is drawn, dated and named, but not compared.
import type { HistoryEntry } from '../../../shared/contract/index.ts';

/**
 * A past scan, whether it was graded, and whether it compares with the current one (same source, same depth;
 * the current scan compares with itself).
 */
export type TrendPoint = HistoryEntry & { graded: boolean; comparable: boolean };

/** The scan just before the current one, when it does not compare with it: what differs. */
export interface SkippedScan {
  entry: TrendPoint;
  depth: boolean;
  source: boolean;
}

export interface Trend {
  /** Earlier scans of the same school and this one, oldest first. */
  points: TrendPoint[];
  /** The last graded scan before the current one of the same source at the same depth, if any. */
  previous: TrendPoint | null;
  /** Current score minus the previous one; null without a previous graded scan, or when the current one is not graded. */
  delta: number | null;
  /** False when the current scan could check nothing: its score is no score. */
  currentGraded: boolean;
  /** The scan just before the current one when it was of another source or depth: said plainly, not compared. */
  skipped: SkippedScan | null;
}

/**
 * Whether a history entry's scan was graded. Entries carry `graded: false` once the history stores it; an entry
 * without the field (older, or not yet carried) is taken as graded.
 */
export function isGraded(entry: HistoryEntry): boolean {
  return (entry as HistoryEntry & { graded?: unknown }).graded !== false;
}

/** Same school: the same saved profile, or for a scan without one the same label and source. */
function sameSchool(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a.profileId !== undefined || b.profileId !== undefined) return a.profileId === b.profileId;
  return a.label === b.label && a.source === b.source;
}

/** Same source: the same location (LDAP URL or LDIF path), of the same kind when both entries say it. */
function sameSource(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.source === b.source && (a.sourceKind === undefined || b.sourceKind === undefined || a.sourceKind === b.sourceKind);
}

/**
 * `current`: what the open report says of itself (its summary's `graded`), which wins over its history entry.
 */
export function trendFor(history: HistoryEntry[], reportId: string, limit = 8, current?: { graded?: boolean }): Trend {
  const found = history.find((entry) => entry.reportId === reportId);
  if (found === undefined) return { points: [], previous: null, delta: null, currentGraded: current?.graded !== false, skipped: null };
  const points: TrendPoint[] = history
    .filter((entry) => sameSchool(entry, found) && entry.finishedAt <= found.finishedAt)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))
    .slice(-limit)
    .map((entry) => ({
      ...entry,
      graded: entry.reportId === reportId && current?.graded !== undefined ? current.graded : isGraded(entry),
      comparable: sameSource(entry, found) && entry.depth === found.depth,
    }));
  const here = points.find((p) => p.reportId === reportId)!;
  const before = points.slice(0, points.indexOf(here));
  const earlier = before.filter((p) => p.graded && p.comparable);
  const previous = earlier.length > 0 ? earlier[earlier.length - 1]! : null;
  const last = before.at(-1);
  return {
    points,
    previous,
    delta: previous === null || !here.graded ? null : here.score - previous.score,
    currentGraded: here.graded,
    skipped: last === undefined || last.comparable ? null
      : { entry: last, depth: last.depth !== found.depth, source: !sameSource(last, found) },
  };
}
