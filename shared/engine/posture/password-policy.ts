// The password policy (ppolicy) measured against CNIL délibération 2022-100: a password alone needs ≥ 80 bits
// (e.g. 12 characters of four kinds); with an access restriction (lockout or delay) ≥ 50 bits.
// ppolicy cannot require kinds of characters, so the length is measured at the best case, 94 printable kinds.
import type { DirectoryFinding } from '../../contract/report.ts';
import type { DirectoryEntry } from '../directory/model.ts';

export interface PasswordPolicy {
  dn: string;
  /** pwdMinLength as enforced: 0 when pwdCheckQuality is 0, since slapd then checks nothing. */
  minLength: number;
  /** pwdLockout with a failure cap. */
  lockout: boolean;
  /** pwdMinDelay (2.5+): a growing wait after each failure, also a restriction in the CNIL's sense. */
  delay: boolean;
}

/** What Vigie could learn about the policy: none configured, not readable, or the policies it read. */
export type PolicyState =
  | { kind: 'absent' }
  | { kind: 'unknown' }
  | { kind: 'found'; policies: PasswordPolicy[] };

const BITS_PER_CHARACTER = Math.log2(94);
export const CNIL_BITS = { alone: 80, restricted: 50 } as const;

/** The shortest length that reaches the CNIL's threshold, with or without a restriction: 12 and 8. */
export function cnilMinimumLength(restricted: boolean): number {
  const bits = restricted ? CNIL_BITS.restricted : CNIL_BITS.alone;
  // 12 characters of four kinds is the CNIL's own example for 80 bits (78.7 by this count).
  return restricted ? Math.ceil(bits / BITS_PER_CHARACTER) : 12;
}

export function readPolicy(entry: DirectoryEntry): PasswordPolicy {
  const one = (name: string): string | undefined => entry.attrs.get(name.toLowerCase())?.[0];
  const int = (name: string): number => {
    const n = Number(one(name) ?? '0');
    return Number.isFinite(n) ? n : 0;
  };
  const quality = int('pwdCheckQuality');
  return {
    dn: entry.dn,
    minLength: quality > 0 ? int('pwdMinLength') : 0,
    lockout: one('pwdLockout')?.toUpperCase() === 'TRUE' && int('pwdMaxFailure') > 0,
    delay: int('pwdMinDelay') > 0,
  };
}

export function policyFindings(state: PolicyState): DirectoryFinding[] {
  if (state.kind === 'absent') {
    return [{
      code: 'NO_PASSWORD_POLICY',
      severity: 'high',
    }];
  }
  if (state.kind === 'unknown') {
    return [{
      code: 'PASSWORD_POLICY_UNKNOWN',
      severity: 'low',
    }];
  }
  const findings: DirectoryFinding[] = [];
  const unrestricted = state.policies.filter((p) => !p.lockout && !p.delay);
  if (unrestricted.length > 0) {
    findings.push({
      code: 'NO_LOCKOUT',
      severity: 'high',
      params: { policies: names(unrestricted) },
    });
  }
  const short = state.policies.filter((p) => p.minLength < cnilMinimumLength(p.lockout || p.delay));
  if (short.length > 0) {
    const worst = Math.min(...short.map((p) => p.minLength));
    findings.push({
      code: 'WEAK_MIN_LENGTH',
      severity: 'medium',
      params: { minLength: worst, policies: names(short) },
    });
  }
  return findings;
}

function names(policies: PasswordPolicy[]): string[] {
  return policies.map((p) => p.dn);
}
