// What the directory readers produce, and what the audit consumes.
import type { Flavour, Profile } from '../../contract/codes.ts';

/** Attributes whose values are kept as bytes (everything else is decoded as UTF-8 text). */
export const PASSWORD_ATTRIBUTES = ['userpassword', 'sambantpassword', 'sambalmpassword'] as const;
export type PasswordAttribute = (typeof PASSWORD_ATTRIBUTES)[number];

export function isPasswordAttribute(name: string): name is PasswordAttribute {
  return (PASSWORD_ATTRIBUTES as readonly string[]).includes(name.toLowerCase());
}

/**
 * One entry as a reader (LDIF or LDAP) hands it over. Attribute names are lower-cased; options such as
 * `;binary` are dropped. Password attributes are bytes (trailing NULs stripped), the rest text.
 */
export interface DirectoryEntry {
  dn: string;
  attrs: Map<string, string[]>;
  bytes: Map<PasswordAttribute, Uint8Array[]>;
  /** LDIF: the line the entry starts on, for error messages. */
  line?: number;
}

/** A calendar date without time zone. */
export interface BirthDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface StoredPassword {
  attribute: PasswordAttribute;
  value: Uint8Array;
}

/** One account, whatever the flavour of directory it came from. */
export interface AccountRecord {
  dn: string;
  login: string;
  /** Usage surname first, then birth surname(s) when they differ. */
  surnames: string[];
  /** First given name first, then the others. */
  givenNames: string[];
  birthDate: BirthDate | null;
  profile: Profile;
  classes: string[];
  passwords: StoredPassword[];
}

/** The words a weak password may borrow from the school (issue #2 §2). */
export interface SchoolContext {
  /** Full names as the directory or the user give them, e.g. "Lycée Jean Moulin". */
  names: string[];
  towns: string[];
  uais: string[];
  classes: string[];
  /** Free text from `--school`. */
  extra: string[];
}

export function emptySchoolContext(): SchoolContext {
  return { names: [], towns: [], uais: [], classes: [], extra: [] };
}

/** How to read the birth date in the generic inetOrgPerson flavour. */
export interface BirthDateOptions {
  attribute?: string;
  /** e.g. 'YYYYMMDD', 'DD/MM/YYYY', 'YYYY-MM-DD'. */
  format?: string;
}

export interface FlavourOptions {
  flavour?: Flavour;
  birthDate?: BirthDateOptions;
}
