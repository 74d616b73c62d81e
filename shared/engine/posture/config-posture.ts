// Findings from cn=config: how slapd stores a password it is given, and whether a cleartext write is hashed. Codes and
// parameters only: the message catalogues (shared/contract/messages.ts) say them.
import type { DirectoryFinding } from '../../contract/report.ts';
import type { ConfigFacts } from './config-facts.ts';

/** olcPasswordHash values that store a slow, salted hash. */
const ADAPTIVE_TAGS = ['{ARGON2}', '{PBKDF2-SHA256}', '{PBKDF2-SHA512}'];

export function configFindings(facts: ConfigFacts): DirectoryFinding[] {
  const findings: DirectoryFinding[] = [];
  const configured = facts.passwordHash[0]?.toUpperCase();
  if (configured === undefined || !ADAPTIVE_TAGS.includes(configured)) {
    findings.push({
      code: 'LEGACY_DEFAULT_HASH',
      severity: 'medium',
      // olcPasswordHash's first value; absent: slapd's default, {SSHA}.
      params: {
        ...(configured !== undefined ? { scheme: configured } : {}),
        argon2Loaded: facts.argon2Loaded, frontendDn: facts.frontendDn,
      },
    });
  }
  const ppolicy = facts.database?.ppolicy;
  if (!ppolicy?.hashCleartext) {
    findings.push({
      code: 'CLEARTEXT_WRITES_NOT_HASHED',
      severity: 'medium',
      ...(ppolicy ? { params: { ppolicyDn: ppolicy.dn } } : {}),
    });
  }
  return findings;
}
