// The few things a head of school should have done first, derived from the findings and ranked by severity ×
// accounts: each kind of problem weighs the accounts it touches (an administrator counts more than a pupil), each
// times the severity of its finding, one level of severity being worth ten times the accounts.
// A password anyone can know — the formula imposed at account creation, a default handed out to many — is one
// action of its own (a forced renewal, done by the DSI or the school's IT contact), and its accounts are not
// counted again under the codes that say how the password was built.
import { SEVERITIES } from '../../../shared/contract/codes.ts';
import type { AccountFindingCode, DirectoryFindingCode, Profile, ScanReport, Severity } from '../../../shared/contract/index.ts';
import { hasLikelyDefault, imposedSchemes, isImposed } from './known-passwords.ts';

export type UrgentAction =
  | { kind: 'accounts'; code: AccountFindingCode; severity: Severity; accounts: number; profiles: Profile[] }
  | { kind: 'directory'; code: DirectoryFindingCode; severity: Severity }
  /** Force the renewal of a profile's accounts that kept the formula imposed at creation. */
  | { kind: 'imposed'; code: 'IMPOSED_PASSWORD_SCHEME'; severity: Severity; accounts: number; profile: Profile; label: { fr: string; en: string } | null }
  /** Force the renewal of the accounts sharing a default handed out. */
  | { kind: 'default'; code: 'SHARED_PASSWORD'; severity: Severity; accounts: number; profiles: Profile[] };

/** As in docs/scoring.md: what an account of each kind weighs in the score. */
const PROFILE_WEIGHT: Record<Profile, number> = { admin: 5, teacher: 2, staff: 2, student: 1, parent: 1, unknown: 1 };
/** One level of severity is worth ten times the accounts. */
const SEVERITY_FACTOR: Record<Severity, number> = { critical: 1000, high: 100, medium: 10, low: 1 };
/** How the password was chosen: a forced renewal replaces it, so these are not asked for again. */
const CHOSEN_PASSWORD_CODES: ReadonlySet<AccountFindingCode> = new Set([
  'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD', 'SHARED_PASSWORD', 'BREACHED_PASSWORD',
]);

/** `weight`: Σ over the accounts touched of profile weight × severity factor. */
interface Ranked { action: UrgentAction; weight: number }
interface Tally { severity: Severity; accounts: number; weight: number; profiles: Set<Profile> }

export function urgentActions(report: Pick<ScanReport, 'accounts' | 'directoryFindings'>, limit = 3): UrgentAction[] {
  const byCode = new Map<AccountFindingCode, Tally>();
  const defaults: Tally = { severity: 'low', accounts: 0, weight: 0, profiles: new Set() };
  let directoryWeight = 0;
  for (const account of report.accounts) {
    const weight = PROFILE_WEIGHT[account.profile];
    directoryWeight += weight;
    const imposed = isImposed(account);
    const shared = !imposed && hasLikelyDefault(account);
    if (shared) add(defaults, account.findings.find((f) => f.code === 'SHARED_PASSWORD')!.severity, weight, account.profile);
    for (const finding of account.findings) {
      if ((imposed || shared) && CHOSEN_PASSWORD_CODES.has(finding.code)) continue;
      let entry = byCode.get(finding.code);
      if (entry === undefined) byCode.set(finding.code, entry = { severity: finding.severity, accounts: 0, weight: 0, profiles: new Set() });
      add(entry, finding.severity, weight, account.profile);
    }
  }
  const ranked: Ranked[] = [];
  for (const [code, entry] of byCode) {
    ranked.push({ action: { kind: 'accounts', code, severity: entry.severity, accounts: entry.accounts, profiles: byWeight(entry.profiles) }, weight: entry.weight });
  }
  if (defaults.accounts > 0) {
    ranked.push({ action: { kind: 'default', code: 'SHARED_PASSWORD', severity: defaults.severity, accounts: defaults.accounts, profiles: byWeight(defaults.profiles) }, weight: defaults.weight });
  }
  for (const scheme of imposedSchemes(report)) {
    if (scheme.accounts === 0) continue;
    ranked.push({
      action: { kind: 'imposed', code: 'IMPOSED_PASSWORD_SCHEME', severity: scheme.severity, accounts: scheme.accounts, profile: scheme.profile, label: scheme.label },
      weight: scheme.accounts * PROFILE_WEIGHT[scheme.profile] * SEVERITY_FACTOR[scheme.severity],
    });
  }
  for (const finding of report.directoryFindings) {
    // SIZE_LIMITED says the scan is incomplete, not what to fix first; an imposed scheme is ranked by its accounts above.
    if (finding.code === 'SIZE_LIMITED' || finding.code === 'IMPOSED_PASSWORD_SCHEME') continue;
    // A directory-wide problem touches every account: it weighs like the whole directory. No readable hash at all
    // (issue #15 §2) comes first: until a scan can read them, nothing else in the report is known.
    const weight = finding.code === 'NO_READABLE_PASSWORD' ? Number.POSITIVE_INFINITY : Math.max(1, directoryWeight) * SEVERITY_FACTOR[finding.severity];
    ranked.push({ action: { kind: 'directory', code: finding.code, severity: finding.severity }, weight });
  }
  ranked.sort((a, b) => b.weight - a.weight
    || rank(a.action.severity) - rank(b.action.severity)
    || kindOrder(a.action) - kindOrder(b.action));
  return ranked.slice(0, limit).map((r) => r.action);
}

/** Counts one account: its weight times its finding's severity, so a few critical accounts do not lift many high ones. */
function add(entry: Tally, severity: Severity, weight: number, profile: Profile): void {
  entry.accounts += 1;
  entry.weight += weight * SEVERITY_FACTOR[severity];
  entry.profiles.add(profile);
  if (entry.accounts === 1 || rank(severity) < rank(entry.severity)) entry.severity = severity;
}

/** Among equals: what touches the whole directory, then what anyone can guess, then the rest. */
function kindOrder(action: UrgentAction): number {
  return { directory: 0, imposed: 1, default: 2, accounts: 3 }[action.kind];
}

function byWeight(profiles: Set<Profile>): Profile[] {
  return [...profiles].sort((a, b) => PROFILE_WEIGHT[b] - PROFILE_WEIGHT[a] || a.localeCompare(b));
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
