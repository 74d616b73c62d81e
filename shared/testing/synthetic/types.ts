// What the synthetic school generator takes and gives. Every school is invented from a seed:
// no real person's data ever enters the repo.
import type { AccountFindingCode, Flavour, HashSchemeName, Profile } from '../../contract/codes.ts';
import type { BirthDate, FlavourOptions, PasswordAttribute } from '../../engine/directory/model.ts';

export type PlantedFamily = 'empty' | 'personal' | 'school' | 'common' | 'strong';

export type PlantedCode = Extract<
  AccountFindingCode,
  'EMPTY_PASSWORD' | 'PERSONAL_INFO_PASSWORD' | 'SCHOOL_INFO_PASSWORD' | 'COMMON_PASSWORD'
>;

export interface PlantedPassword {
  family: PlantedFamily;
  /** The finding Vigie must raise for this password; null for strong passwords (never flagged). */
  expectedCode: PlantedCode | null;
  /** How it was built, e.g. "surname+birthdate:DDMMYYYY". Never contains the password. */
  description: string;
  /** Held in memory only, for tests. Never written to a file. */
  password: string;
  /**
   * Other codes that count as found. A school default phrase (« Rentree2025! ») is a school word to one list and a
   * common password to another: any weak-password code is right for it. Absent: only `expectedCode` counts.
   */
  acceptedCodes?: PlantedCode[];
  /** Set when the password follows the school's imposed formula (`imposed` option). */
  imposed?: { /** The formula as read, e.g. `surname (capitalised) + "." + birthdate:DDMMYYYY`; never the password. */ formula: string };
}

export interface PlantedTruth {
  dn: string;
  login: string;
  profile: Profile;
  classes: string[];
  /** The scheme of every stored value, in the order written (userPassword, sambaNTPassword, sambaLMPassword). */
  schemes: HashSchemeName[];
  /** Null when the account stores no password, or only values Vigie cannot verify (UNKNOWN). */
  planted: PlantedPassword | null;
  /** Set when this account shares its password with the rest of a group (a class's default, or 'staff-default'). */
  sharedGroup?: string;
  /** True when a slow scheme was stored with deliberately weak parameters (WEAK_HASH_PARAMETERS expected). */
  weakParameters: boolean;
  /** The person as the directory describes them, to compare with what a reader extracts. */
  surnames: string[];
  givenNames: string[];
  /** Null when the flavour holds no birth date for this account (then no birth-date password is planted). */
  birthDate: BirthDate | null;
}

export type SchemeWeights = readonly HashSchemeName[] | Partial<Record<HashSchemeName, number>>;

export interface SyntheticSchoolOptions {
  seed: number;
  accounts: number;
  flavour: Flavour;
  /** The userPassword schemes to use, as a list (equal weights) or weights. Default: the flavour's realistic mix. */
  schemes?: SchemeWeights;
  /** Fraction of accounts with a planted weak password, 0–1. Default 0.4. */
  weakShare?: number;
  baseDn?: string;
  /**
   * Derive salts from the seed too, so the LDIF is reproducible byte for byte (committed demo files).
   * Default false: random salts, as a real directory has.
   */
  fixedSalts?: boolean;
  schoolName?: string;
  town?: string;
  uai?: string;
  /**
   * Issue #12: an "imposed scheme" school. Students mostly kept a formula drawn from the seed (« Nom.JJMMAAAA »),
   * teachers and staff mostly kept one default, and the directory is half-way through a migration to argon2id.
   * Needs a flavour with birth dates. Default off.
   */
  imposed?: boolean | ImposedOptions;
  /**
   * Also plant the shapes issue #12 says any auditor tries first (login + birth date, initial + surname + birth date,
   * surname + initial + year, one word of a multi-word town, a school default phrase with the year).
   * Default: on, except with `fixedSalts` (the committed demo files keep their planting until regenerated).
   */
  auditorShapes?: boolean;
}

/** Each share is drawn from the seed when absent; give one to pin it. */
export interface ImposedOptions {
  /** Students who kept the imposed formula, 0–1. Default: drawn in 0.55–0.90. */
  studentShare?: number;
  /** Teachers and staff who kept the staff default, 0–1. Default: drawn in 0.60–0.90. */
  staffShare?: number;
  /** Accounts already rehashed to argon2id, 0–1; the others are {SSHA}. Default: drawn in 0.40–0.60. */
  argon2Share?: number;
  /** Staff-default accounts whose legacy value is still in cleartext or unsalted {MD5}/{SHA}. Default: drawn 2–5. */
  legacyDefaults?: number;
}

/** What an imposed-scheme school was given, as descriptions: never a password. */
export interface ImposedSummary {
  /** The students' formula, e.g. `given.surname (upper) + "_" + birthdate:YYYY + "!"`. */
  formula: string;
  /** How the staff default was built, e.g. `school-default:back-to-school (capitalised)+year:2025+symbol:!`. */
  staffDefault: string;
  studentShare: number;
  staffShare: number;
  argon2Share: number;
  /** The argon2id parameters of the migrated accounts: cheap, below OWASP's minimums (WEAK_HASH_PARAMETERS). */
  argon2: { memoryKiB: number; timeCost: number };
}

export interface StoredValue {
  attribute: PasswordAttribute;
  scheme: HashSchemeName;
  value: string;
}

/** One LDIF entry before serialisation: attribute names as written, values as text. */
export interface LdifEntry {
  dn: string;
  attrs: (readonly [string, string])[];
}

export interface SyntheticSchool {
  flavour: Flavour;
  seed: number;
  baseDn: string;
  schoolName: string;
  town: string;
  uai: string;
  /** What a reader needs to be told to read this school (e.g. the birth-date attribute of inetorgperson). */
  readerOptions: FlavourOptions;
  truth: PlantedTruth[];
  /** Present for an imposed-scheme school (the `imposed` option). */
  imposed?: ImposedSummary;
  /** Every entry in load order (parents before children), serialised one at a time. */
  entries(): Iterable<LdifEntry>;
  /** The whole LDIF as one string. For large schools prefer `writeSchoolLdif`. */
  readonly ldif: string;
}
