// What a message catalogue says (issue #14 §2): one per language, messages-fr.ts and messages-en.ts, for everything a report names by
// id. The CLI, the UI and the PDF say a report with it; the engine writes ids and parameters, never a sentence.
import type { AccountFindingCode, DirectoryFindingCode, HashSchemeName, Profile, Severity } from './codes.ts';
import type { ErrorCode, ErrorParams } from './errors.ts';
import type { WeakParameters } from './report.ts';
import type { DateShape, FixedPattern, LetterCase, PairPart, Role, SchoolSource, SchoolTail } from './pattern-ids.ts';

export interface PatternWords {
  /** The empty and common families' patterns, and a password found offline that no family makes. */
  fixed: Record<FixedPattern, string>;
  roles: Record<Role, string>;
  /** A name pair's parts, written with the pair's own separator: « prénom.nom ». */
  pairParts: Record<PairPart, string>;
  dateShape: (shape: DateShape) => string;
  birthdate: string;
  birthdateAlone: string;
  suffix: string;
  year: string;
  symbol: string;
  schoolSources: Record<SchoolSource, string>;
  schoolTails: Record<SchoolTail, string>;
  /** An id this Vigie does not know (a newer report's): shown as is. */
  unknown: (patternId: string) => string;
  letterCases: Record<LetterCase, string>;
  /** A shape's punctuation that its pattern does not say: « avec « . » ». */
  withPunctuation: (characters: string) => string;
}

/** What a directory finding's sentence may say: its parameters, read from the finding (directory-details.ts). */
export interface DirectoryDetailParams {
  /** HASHES_READABLE_BY_USERS: the ordinary account that could read them. */
  dn: string;
  /** NO_LOCKOUT, WEAK_MIN_LENGTH: the policies' DNs. */
  policies: string[];
  /** WEAK_MIN_LENGTH: the shortest minimum length imposed (0: none). */
  minLength: number;
  /** LEGACY_DEFAULT_HASH: olcPasswordHash's value; absent when unset (slapd's default, {SSHA}). */
  scheme: string | undefined;
  /** LEGACY_DEFAULT_HASH: the argon2 module is already loaded. */
  argon2Loaded: boolean;
  /** LEGACY_DEFAULT_HASH: where olcPasswordHash is set. */
  frontendDn: string;
  /** CLEARTEXT_WRITES_NOT_HASHED: the ppolicy overlay's DN; absent when there is none. */
  ppolicyDn: string | undefined;
  /** IMPOSED_PASSWORD_SCHEME: the accounts of the profile with the shape; NO_READABLE_PASSWORD: the accounts read. */
  accounts: number;
  /** NO_READABLE_PASSWORD: an LDIF export or a live directory. */
  sourceKind: 'ldap' | 'ldif';
  /** IMPOSED_PASSWORD_SCHEME: the profile, its share in percent, its shape said in this language. */
  profile: Profile;
  percent: number;
  shape: string;
}

export interface ReportMessages {
  /** A profile's accounts, in the plural: « élèves », "students". */
  profiles: Record<Profile, string>;
  severities: Record<Severity, string>;
  /**
   * How a stored value is kept, as an administrator names it (the report says the scheme's id and its numeric
   * params): a proper name (SCHEME_NAMES) or, for what is no scheme, words.
   */
  schemes: { names: Record<HashSchemeName | 'NONE', string>; saltBytes: (bytes: number) => string };
  /** What each account finding code means: a phrase inside a line (the CLI), a title of its own (the UI, the PDF). */
  findingCodes: { phrase: Record<AccountFindingCode, string>; title: Record<AccountFindingCode, string> };
  /** What each directory finding code means: a phrase (the CLI's English summary), a piece of advice (the UI, the PDF). */
  directoryCodes: { phrase: Record<DirectoryFindingCode, string>; advice: Record<DirectoryFindingCode, string> };
  patterns: PatternWords;
  /** What an account finding's parameters say (account-details.ts). */
  accountDetails: {
    CLEARTEXT_PASSWORD: (attribute: string) => string;
    LM_HASH: () => string;
    LEGACY_HASH: (schemes: string[]) => string;
    /** One stored value's parameters below today's minimum: « bcrypt coût 8 < 10 ». */
    weakParameters: (w: WeakParameters) => string;
    /** A weak password hashcat or John the Ripper found, brought back by `vigie import potfile`. */
    crackedOffline: () => string;
  };
  /** Each directory finding's sentence: what is wrong and what fixes it. */
  directoryDetails: Record<DirectoryFindingCode, (p: DirectoryDetailParams) => string>;
  /**
   * Why a report is partial, from the code and names of the failure that cut the read short (report.partialError),
   * in lower case to follow « Rapport PARTIEL : »; null for a code without a sentence here (its English line is shown).
   */
  partialReason: (code: ErrorCode, p: ErrorParams) => string | null;
}

/** The schemes' own names, the same in every language: LDAP tags as slapd writes them, crypt formats as libxcrypt. */
export const SCHEME_NAMES: Record<Exclude<HashSchemeName, 'CLEARTEXT' | 'UNKNOWN'>, string> = {
  MD5: 'MD5', SMD5: 'SMD5', SHA: 'SHA', SSHA: 'SSHA', SHA256: 'SHA256', SSHA256: 'SSHA256', SHA384: 'SHA384', SSHA384: 'SSHA384',
  SHA512: 'SHA512', SSHA512: 'SSHA512',
  CRYPT_DES: 'crypt (DES)', MD5CRYPT: 'md5crypt', SHA256CRYPT: 'sha256crypt', SHA512CRYPT: 'sha512crypt',
  BCRYPT: 'bcrypt', YESCRYPT: 'yescrypt', SCRYPT: 'scrypt',
  PBKDF2_SHA1: 'PBKDF2-SHA1', PBKDF2_SHA256: 'PBKDF2-SHA256', PBKDF2_SHA512: 'PBKDF2-SHA512',
  ARGON2I: 'argon2i', ARGON2D: 'argon2d', ARGON2ID: 'argon2id', NT: 'NT (NTLM)', LM: 'LM',
};

/** The olcLimits clause that lifts a limit for the account that was bound (`who`: its DN, or 'anonymous'). */
export function limitsTarget(who: string | undefined): string {
  return who === undefined || who === 'anonymous' ? 'anonymous' : `dn.exact="${who}"`;
}
