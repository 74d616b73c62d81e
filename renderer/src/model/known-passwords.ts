// Passwords anyone can know without cracking anything (issue #12): a formula imposed when the accounts were
// created (IMPOSED_PASSWORD_SCHEME) and a default handed out to many accounts (SHARED_PASSWORD, likelyDefault).
// Derived from the report alone: counts, profiles and the shape's label, never a password.
import { SEVERITIES } from '../../../shared/contract/codes.ts';
import { shapeLabel } from '../../../shared/contract/pattern-labels.ts';
import type { AccountReport, DirectoryFinding, Language, Profile, ScanReport, Severity } from '../../../shared/contract/index.ts';
import type { Messages } from '../i18n/messages-fr.ts';

export interface ImposedScheme {
  profile: Profile;
  /** The shape's id, e.g. "surname+birthdate:YYYY|capitalised|" (absent in a finding without one). */
  shape: string | null;
  /** The shape as a person reads it, in French and English. */
  label: { fr: string; en: string } | null;
  /** Accounts of the profile found with the shape. */
  accounts: number;
  /** Their share of the profile's checkable accounts, 0–1; null when the finding gives none. */
  share: number | null;
  severity: Severity;
}

export interface DefaultGroup {
  groupId: number;
  accounts: number;
  /** The kinds of account sharing it, most weighty first. */
  profiles: Profile[];
  severity: Severity;
}

const PROFILE_ORDER: readonly Profile[] = ['admin', 'teacher', 'staff', 'student', 'parent', 'unknown'];
/** Adults of the school: a default they share was handed out by the school, « celui donné à la rentrée ». */
export const SCHOOL_STAFF: readonly Profile[] = ['admin', 'teacher', 'staff'];

/** One entry per IMPOSED_PASSWORD_SCHEME finding, most accounts first. */
export function imposedSchemes(report: Pick<ScanReport, 'accounts' | 'directoryFindings'>): ImposedScheme[] {
  return report.directoryFindings
    .filter((f): f is DirectoryFinding & { profile: Profile } => f.code === 'IMPOSED_PASSWORD_SCHEME' && f.profile !== undefined)
    .map((f) => ({
      profile: f.profile,
      shape: f.shape ?? null,
      label: f.shape !== undefined ? { fr: shapeLabel(f.shape, 'fr'), en: shapeLabel(f.shape, 'en') } : null,
      // A finding without its count (not written by this Vigie) still says how many accounts the report marks.
      accounts: f.accounts ?? report.accounts.filter((a) => a.profile === f.profile && isImposed(a, f.shape)).length,
      share: f.share ?? null,
      severity: f.severity,
    }))
    .sort((a, b) => b.accounts - a.accounts);
}

/** The account follows an imposed formula (of `shape`, when given). */
export function isImposed(account: AccountReport, shape?: string): boolean {
  return account.findings.some((f) => f.imposedScheme === true && (shape === undefined || f.shape === undefined || f.shape === shape));
}

/** The account shares a password that looks like a default handed out. */
export function hasLikelyDefault(account: AccountReport): boolean {
  return account.findings.some((f) => f.code === 'SHARED_PASSWORD' && f.likelyDefault === true);
}

/** Must be renewed by force: the imposed formula or a shared default (the plan lists these first). */
export function needsForcedRenewal(account: AccountReport): boolean {
  return isImposed(account) || hasLikelyDefault(account);
}

/** The SHARED_PASSWORD groups flagged as a likely default, largest first. */
export function likelyDefaultGroups(report: Pick<ScanReport, 'accounts'>): DefaultGroup[] {
  const groups = new Map<number, { accounts: number; profiles: Set<Profile>; severity: Severity }>();
  for (const account of report.accounts) {
    for (const f of account.findings) {
      if (f.code !== 'SHARED_PASSWORD' || f.likelyDefault !== true) continue;
      const id = f.groupId ?? -1;
      const g = groups.get(id) ?? { accounts: 0, profiles: new Set<Profile>(), severity: f.severity };
      g.accounts += 1;
      g.profiles.add(account.profile);
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(g.severity)) g.severity = f.severity;
      groups.set(id, g);
    }
  }
  return [...groups].map(([groupId, g]) => ({
    groupId, accounts: g.accounts, severity: g.severity,
    profiles: PROFILE_ORDER.filter((p) => g.profiles.has(p)),
  })).sort((a, b) => b.accounts - a.accounts || a.groupId - b.groupId);
}

/** Only adults of the school share it. */
export function isStaffOnly(profiles: readonly Profile[]): boolean {
  return profiles.length > 0 && profiles.every((p) => SCHOOL_STAFF.includes(p));
}

/**
 * One plain sentence per password others know: each imposed formula (IMPOSED_PASSWORD_SCHEME), then each
 * shared group that looks like a default handed out.
 */
export function knownPasswordSentences(report: Pick<ScanReport, 'accounts' | 'directoryFindings'>, t: Messages, language: Language): string[] {
  const imposed = imposedSchemes(report).map((s) => t.summary.imposed(t.summary.groups[s.profile], s.label?.[language] ?? null, s.accounts, s.share));
  const defaults = likelyDefaultGroups(report).map((g) => t.summary.sharedDefault(g.accounts, isStaffOnly(g.profiles), t.list(g.profiles.map((p) => t.profiles.plural[p]))));
  return [...imposed, ...defaults];
}
