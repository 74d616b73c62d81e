// How serious each finding is, and how the person's role raises it (issue #2 §6): an administrator's or a
// teacher's weak password opens more doors than a student's, so it outranks it.
import type { AccountFindingCode, Profile, Severity } from '../../contract/codes.ts';
import { SEVERITIES } from '../../contract/codes.ts';

const BASE: Record<AccountFindingCode, Severity> = {
  CLEARTEXT_PASSWORD: 'critical',
  EMPTY_PASSWORD: 'critical',
  LM_HASH: 'high',
  PERSONAL_INFO_PASSWORD: 'high',
  SCHOOL_INFO_PASSWORD: 'high',
  COMMON_PASSWORD: 'high',
  SHARED_PASSWORD: 'medium',
  LEGACY_HASH: 'medium',
  WEAK_HASH_PARAMETERS: 'low',
  BREACHED_PASSWORD: 'high',
};

/** Codes that say the password itself is guessable: raised for every privileged profile. */
const WEAK_PASSWORD_CODES = new Set<AccountFindingCode>([
  'EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD', 'SHARED_PASSWORD', 'BREACHED_PASSWORD',
]);

const PRIVILEGED = new Set<Profile>(['admin', 'teacher', 'staff']);

/**
 * BREACHED_PASSWORD grows with how often Have I Been Pwned saw the password: seen 1000 times or more, it is in
 * every list attackers spray; under 10, in few of them.
 */
export function breachSeverity(breachCount: number): Severity {
  if (breachCount >= 1000) return 'critical';
  if (breachCount >= 10) return 'high';
  return 'medium';
}

export function severityFor(code: AccountFindingCode, profile: Profile, breachCount?: number): Severity {
  const base = code === 'BREACHED_PASSWORD' && breachCount !== undefined ? breachSeverity(breachCount) : BASE[code];
  const raise = profile === 'admin' || (PRIVILEGED.has(profile) && WEAK_PASSWORD_CODES.has(code));
  return raise ? raiseSeverity(base) : base;
}

export function raiseSeverity(s: Severity): Severity {
  const i = SEVERITIES.indexOf(s);
  return SEVERITIES[Math.max(0, i - 1)]!;
}

/** The most severe of a list, or null. SEVERITIES is ordered most severe first. */
export function worstSeverity(list: Iterable<Severity>): Severity | null {
  let best: number | null = null;
  for (const s of list) {
    const i = SEVERITIES.indexOf(s);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : SEVERITIES[best]!;
}
