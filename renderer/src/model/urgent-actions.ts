// The few things a head of school should have done first, derived from the findings: the most severe kinds of
// problem first, and among equals the one that weighs most (an administrator counts more than a pupil).
import { SEVERITIES } from '../../../shared/contract/codes.ts';
import type { AccountFindingCode, DirectoryFindingCode, Profile, ScanReport, Severity } from '../../../shared/contract/index.ts';

export type UrgentAction =
  | { kind: 'accounts'; code: AccountFindingCode; severity: Severity; accounts: number; profiles: Profile[] }
  | { kind: 'directory'; code: DirectoryFindingCode; severity: Severity };

/** As in docs/scoring.md: what an account of each kind weighs in the score. */
const PROFILE_WEIGHT: Record<Profile, number> = { admin: 5, teacher: 2, staff: 2, student: 1, parent: 1, unknown: 1 };
/** A directory-wide problem touches every account: it weighs like the whole directory. */
const DIRECTORY_WEIGHT = Number.MAX_SAFE_INTEGER;

interface Ranked { action: UrgentAction; weight: number }

export function urgentActions(report: Pick<ScanReport, 'accounts' | 'directoryFindings'>, limit = 3): UrgentAction[] {
  const byCode = new Map<AccountFindingCode, { severity: Severity; accounts: number; weight: number; profiles: Set<Profile> }>();
  for (const account of report.accounts) {
    for (const finding of account.findings) {
      const entry = byCode.get(finding.code) ?? { severity: finding.severity, accounts: 0, weight: 0, profiles: new Set<Profile>() };
      entry.accounts += 1;
      entry.weight += PROFILE_WEIGHT[account.profile];
      entry.profiles.add(account.profile);
      if (rank(finding.severity) < rank(entry.severity)) entry.severity = finding.severity;
      byCode.set(finding.code, entry);
    }
  }
  const ranked: Ranked[] = [];
  for (const [code, entry] of byCode) {
    const profiles = [...entry.profiles].sort((a, b) => PROFILE_WEIGHT[b] - PROFILE_WEIGHT[a] || a.localeCompare(b));
    ranked.push({ action: { kind: 'accounts', code, severity: entry.severity, accounts: entry.accounts, profiles }, weight: entry.weight });
  }
  for (const finding of report.directoryFindings) {
    // SIZE_LIMITED says the scan is incomplete, not what to fix first.
    if (finding.code === 'SIZE_LIMITED') continue;
    ranked.push({ action: { kind: 'directory', code: finding.code, severity: finding.severity }, weight: DIRECTORY_WEIGHT });
  }
  ranked.sort((a, b) => rank(a.action.severity) - rank(b.action.severity) || b.weight - a.weight);
  return ranked.slice(0, limit).map((r) => r.action);
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
