// Findings from cn=config: how slapd stores a password it is given, and whether a cleartext write is hashed.
import type { DirectoryFinding } from '../../contract/report.ts';
import type { ConfigFacts } from './config-facts.ts';

/** olcPasswordHash values that store a slow, salted hash. */
const ADAPTIVE_TAGS = ['{ARGON2}', '{PBKDF2-SHA256}', '{PBKDF2-SHA512}'];

export function configFindings(facts: ConfigFacts): DirectoryFinding[] {
  const findings: DirectoryFinding[] = [];
  const configured = facts.passwordHash[0]?.toUpperCase();
  if (configured === undefined || !ADAPTIVE_TAGS.includes(configured)) {
    const scheme = configured ?? '{SSHA} (valeur par défaut, olcPasswordHash absent)';
    const module = facts.argon2Loaded ? 'le module argon2 est déjà chargé : réglez' : 'chargez le module argon2 (olcModuleLoad: argon2) et réglez';
    findings.push({
      code: 'LEGACY_DEFAULT_HASH',
      severity: 'medium',
      detail: `Chaque mot de passe changé est enregistré en ${scheme}, une empreinte rapide que l'on casse en masse  ; ${module} olcPasswordHash: {ARGON2} sur ${facts.frontendDn}.`,
    });
  }
  const ppolicy = facts.database?.ppolicy;
  if (!ppolicy?.hashCleartext) {
    findings.push({
      code: 'CLEARTEXT_WRITES_NOT_HASHED',
      severity: 'medium',
      detail: ppolicy
        ? `Un mot de passe écrit en clair dans userPassword par une modification LDAP ordinaire est enregistré tel quel : réglez olcPPolicyHashCleartext: TRUE sur ${ppolicy.dn}.`
        : "Un mot de passe écrit en clair dans userPassword par une modification LDAP ordinaire est enregistré tel quel : ajoutez l'overlay ppolicy avec olcPPolicyHashCleartext: TRUE.",
    });
  }
  return findings;
}
