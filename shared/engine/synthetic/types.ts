// What the synthetic school generator takes and gives. Every school is invented from a seed:
// no real person's data ever enters the repo.
import type { AccountFindingCode, Flavour, HashSchemeName, Profile } from '../../contract/codes.ts';
import type { BirthDate, FlavourOptions, PasswordAttribute } from '../directory/model.ts';

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
  /** Set when this account shares its password with the rest of a group (e.g. a class's default). */
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
  /** Every entry in load order (parents before children), serialised one at a time. */
  entries(): Iterable<LdifEntry>;
  /** The whole LDIF as one string. For large schools prefer `writeSchoolLdif`. */
  readonly ldif: string;
}
