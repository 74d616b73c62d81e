// How a school's score moved: the current scan against the earlier scans of the same school.
import type { HistoryEntry } from '../../../shared/contract/index.ts';

export interface Trend {
  /** Earlier scans of the same school and this one, oldest first. */
  points: HistoryEntry[];
  /** The scan just before the current one, if any. */
  previous: HistoryEntry | null;
  /** Current score minus the previous one; null without a previous scan. */
  delta: number | null;
}

/** Same school: the same saved profile, or for a scan without one the same label and source. */
function sameSchool(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a.profileId !== undefined || b.profileId !== undefined) return a.profileId === b.profileId;
  return a.label === b.label && a.source === b.source;
}

export function trendFor(history: HistoryEntry[], reportId: string, limit = 8): Trend {
  const current = history.find((entry) => entry.reportId === reportId);
  if (current === undefined) return { points: [], previous: null, delta: null };
  const points = history
    .filter((entry) => sameSchool(entry, current) && entry.finishedAt <= current.finishedAt)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))
    .slice(-limit);
  const previous = points.length >= 2 ? points[points.length - 2]! : null;
  return { points, previous, delta: previous === null ? null : current.score - previous.score };
}
