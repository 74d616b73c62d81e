// The vocabulary every part of Vigie shares: hash schemes, finding codes, severities, profiles.
// This folder is the only part of shared/ that renderer/ may import: no Node, no Electron, no DOM.

/** How a stored password value is kept (issue #2 §3). Tags like `{ssha}` are case-insensitive. */
export const HASH_SCHEMES = [
  'CLEARTEXT',
  'MD5', 'SMD5', 'SHA', 'SSHA',
  'SHA256', 'SSHA256', 'SHA384', 'SSHA384', 'SHA512', 'SSHA512',
  'CRYPT_DES', 'MD5CRYPT', 'SHA256CRYPT', 'SHA512CRYPT',
  'BCRYPT', 'YESCRYPT', 'SCRYPT',
  'PBKDF2_SHA1', 'PBKDF2_SHA256', 'PBKDF2_SHA512',
  'ARGON2I', 'ARGON2D', 'ARGON2ID',
  'NT', 'LM',
  'UNKNOWN',
] as const;
export type HashSchemeName = (typeof HASH_SCHEMES)[number];

/** Account finding codes, exactly as issue #2 §6 names them (one code per kind; details in fields). */
export const ACCOUNT_FINDING_CODES = [
  'CLEARTEXT_PASSWORD',
  'LEGACY_HASH',
  'WEAK_HASH_PARAMETERS',
  'LM_HASH',
  'EMPTY_PASSWORD',
  'PERSONAL_INFO_PASSWORD',
  'SCHOOL_INFO_PASSWORD',
  'COMMON_PASSWORD',
  'SHARED_PASSWORD',
  'BREACHED_PASSWORD',
] as const;
export type AccountFindingCode = (typeof ACCOUNT_FINDING_CODES)[number];

/** Findings about the directory as a whole. */
export const DIRECTORY_FINDING_CODES = [
  'NO_TLS',
  'TLS_CERTIFICATE_NOT_VERIFIED',
  'HASHES_READABLE_ANONYMOUSLY',
  'HASHES_READABLE_BY_USERS',
  'NO_PASSWORD_POLICY',
  'NO_LOCKOUT',
  'WEAK_MIN_LENGTH',
  'SIZE_LIMITED',
  // Issue #4: the policy could not be read (unknown is not absent); cn=config's storage settings.
  'PASSWORD_POLICY_UNKNOWN',
  'LEGACY_DEFAULT_HASH',
  'CLEARTEXT_WRITES_NOT_HASHED',
  // Issue #12: one password shape covers a large share of a profile's found passwords (a formula imposed at
  // account creation, « nom + date de naissance »): anyone who knows the formula can log in as those accounts.
  'IMPOSED_PASSWORD_SCHEME',
  // Issue #15 §2: no account had a stored value Vigie could read (no password attribute exported, or an ACL that
  // hides userPassword from the scan's account): nothing was checked, and the directory is not graded.
  'NO_READABLE_PASSWORD',
] as const;
export type DirectoryFindingCode = (typeof DIRECTORY_FINDING_CODES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PROFILES = ['student', 'parent', 'teacher', 'staff', 'admin', 'unknown'] as const;
export type Profile = (typeof PROFILES)[number];

export const FLAVOURS = ['sdet', 'scribe', 'se3', 'samba3', 'inetorgperson'] as const;
export type Flavour = (typeof FLAVOURS)[number];

export const DEPTHS = ['quick', 'standard', 'deep'] as const;
export type Depth = (typeof DEPTHS)[number];

/** The candidate families that find weak passwords, most likely first. */
export const CANDIDATE_FAMILIES = ['empty', 'personal', 'school', 'common'] as const;
export type CandidateFamilyId = (typeof CANDIDATE_FAMILIES)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Grade = (typeof GRADES)[number];
/** Lowest score of each grade, best first: the engine grades with it, the summary's legend shows it (docs/scoring.md). */
export const GRADE_FLOORS: readonly (readonly [Grade, number])[] = [['A', 90], ['B', 80], ['C', 65], ['D', 50], ['E', 35], ['F', 0]];

/**
 * What was wrong in the input itself (issue #15 §4), named by where it is (LDIF line, DN, attribute), never by value:
 * a base64 value without its padding (truncated), an entry whose DN came before (only the first is audited), a
 * stored password value whose scheme Vigie cannot recognise (no verdict on it).
 */
export const INPUT_PROBLEM_KINDS = ['MALFORMED_BASE64', 'DUPLICATE_DN', 'UNCLASSIFIED_VALUE'] as const;
export type InputProblemKind = (typeof INPUT_PROBLEM_KINDS)[number];
