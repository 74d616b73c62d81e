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
      detail: "Aucune politique de mots de passe n'est appliquée (pas d'overlay ppolicy) : rien n'impose de longueur minimale ni ne freine les essais répétés ; activez ppolicy avec une politique par défaut (le plan de migration de Vigie la fournit).",
    }];
  }
  if (state.kind === 'unknown') {
    return [{
      code: 'PASSWORD_POLICY_UNKNOWN',
      severity: 'low',
      detail: "La politique de mots de passe n'a pas pu être lue avec ce compte : Vigie ne peut pas dire si un verrouillage ou une longueur minimale existent ; relancez l'analyse avec --config-bind-dn (lecture de cn=config) ou un compte qui peut lire les entrées pwdPolicy.",
    }];
  }
  const findings: DirectoryFinding[] = [];
  const unrestricted = state.policies.filter((p) => !p.lockout && !p.delay);
  if (unrestricted.length > 0) {
    findings.push({
      code: 'NO_LOCKOUT',
      severity: 'high',
      detail: `Rien ne freine les essais répétés de mots de passe (${names(unrestricted)} : ni verrouillage ni délai) : réglez pwdLockout: TRUE avec pwdMaxFailure et une durée de verrouillage courte (pwdLockoutDuration), ou un délai croissant (pwdMinDelay).`,
    });
  }
  const short = state.policies.filter((p) => p.minLength < cnilMinimumLength(p.lockout || p.delay));
  if (short.length > 0) {
    const worst = Math.min(...short.map((p) => p.minLength));
    findings.push({
      code: 'WEAK_MIN_LENGTH',
      severity: 'medium',
      detail: `La longueur minimale imposée (${worst === 0 ? 'aucune' : `${worst} caractères`}, ${names(short)}) est en dessous des seuils de la CNIL (12 caractères sans restriction d'accès, 8 avec verrouillage) : réglez pwdCheckQuality: 1 et pwdMinLength: 12.`,
    });
  }
  return findings;
}

function names(policies: PasswordPolicy[]): string {
  return policies.map((p) => p.dn).join(', ');
}
