// The score and grade of a directory. The model is explained for principals in docs/scoring.md:
// keep the two in step.
import type { Grade, Profile, Severity } from '../../contract/codes.ts';
import { GRADE_FLOORS } from '../../contract/codes.ts';

/** How much of an account's safety a finding of this severity takes away. */
export const SEVERITY_RISK: Record<Severity, number> = { critical: 1, high: 0.6, medium: 0.25, low: 0.1 };

/** How much an account counts: a privileged account opens more than a student's. */
export const PROFILE_WEIGHT: Record<Profile, number> = { admin: 5, teacher: 2, staff: 2, student: 1, parent: 1, unknown: 1 };

/** Points a directory finding takes off the score. */
export const DIRECTORY_PENALTY: Record<Severity, number> = { critical: 15, high: 10, medium: 5, low: 2 };

/** What a directory that could not be checked at all carries in `grade` and `score` beside `graded: false`. */
export const NOT_GRADED = { grade: 'F' as Grade, score: 0 } as const;

/** Lowest score of each grade, best first (in the contract: the summary's legend shows it too). */
export { GRADE_FLOORS };

export interface ScoredAccount {
  profile: Profile;
  risk: Severity | null;
}

/** 100 × (1 − weighted mean risk), minus directory penalties, clamped to 0–100 and rounded. */
export function directoryScore(accounts: Iterable<ScoredAccount>, directoryFindings: Iterable<{ severity: Severity }> = []): number {
  let weight = 0;
  let risk = 0;
  for (const a of accounts) {
    const w = PROFILE_WEIGHT[a.profile];
    weight += w;
    if (a.risk) risk += w * SEVERITY_RISK[a.risk];
  }
  let score = weight === 0 ? 100 : 100 * (1 - risk / weight);
  for (const f of directoryFindings) score -= DIRECTORY_PENALTY[f.severity];
  return Math.round(Math.min(100, Math.max(0, score)));
}

/**
 * Whether the audit could check an account: it stores at least one value of a scheme Vigie recognises. An account
 * with no stored value, or only values of an unknown scheme, tells nothing about its password (issue #15 §2).
 */
export function isCheckable(account: { storedSchemes: readonly { scheme: string }[] }): boolean {
  return account.storedSchemes.some((s) => s.scheme !== 'UNKNOWN');
}

/**
 * The grade for a score. An administrator account whose password is in clear, empty or guessable
 * (a critical finding) caps the grade at D: one such account is enough to take the whole directory.
 */
export function gradeFor(score: number, adminCritical = false): Grade {
  let grade: Grade = GRADE_FLOORS.find(([, floor]) => score >= floor)![0];
  if (adminCritical && grade < 'D') grade = 'D';
  return grade;
}
