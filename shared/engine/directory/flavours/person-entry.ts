// What every flavour reads the same way: which entries are accounts, their passwords, admin entries,
// names when `sn`/`givenName` are missing, and the birth date attribute a user may configure.
import type { Profile } from '../../../contract/codes.ts';
import { VigieError } from '../../errors.ts';
import { compileBirthDateFormat, parseBirthDate } from '../birth-date.ts';
import type { CompiledBirthDateFormat } from '../birth-date.ts';
import type { AccountRecord, BirthDate, DirectoryEntry, FlavourOptions, StoredPassword } from '../model.ts';

// Structural and auxiliary classes that make an entry a person or a login, in any school flavour.
const PERSON_CLASSES = new Set([
  'person', 'organizationalperson', 'inetorgperson', 'posixaccount', 'shadowaccount', 'account',
  'sambasamaccount', 'entperson', 'enteleve', 'eleves', 'administrateur',
]);
// The names directories give their superuser entries (cn=admin, uid=root, OpenLDAP's cn=Manager).
const ADMIN_NAMES = new Set(['admin', 'administrateur', 'administrator', 'root', 'manager']);
// Samba account flags for computers and trusts (W workstation, S server, I interdomain): random passwords.
const MACHINE_FLAGS = /[WSI]/;

// Most privileged first: a person with two profiles is audited as the one with more access.
const PROFILE_RANK: Profile[] = ['admin', 'teacher', 'staff', 'parent', 'student', 'unknown'];

export function values(entry: DirectoryEntry, attribute: string): string[] {
  return entry.attrs.get(attribute) ?? [];
}

export function firstValue(entry: DirectoryEntry, ...attributes: string[]): string | undefined {
  for (const attribute of attributes) {
    const value = values(entry, attribute).find((v) => v.trim() !== '');
    if (value !== undefined) return value.trim();
  }
  return undefined;
}

export function objectClasses(entry: DirectoryEntry): Set<string> {
  return new Set(values(entry, 'objectclass').map((c) => c.trim().toLowerCase()));
}

export function storedPasswords(entry: DirectoryEntry): StoredPassword[] {
  const passwords: StoredPassword[] = [];
  for (const [attribute, stored] of entry.bytes) {
    for (const value of stored) passwords.push({ attribute, value });
  }
  return passwords;
}

/** The first RDN of a DN: attribute lower-cased, value with simple backslash escapes undone. */
export function firstRdn(dn: string): { attribute: string; value: string } | null {
  let end = 0;
  while (end < dn.length && dn[end] !== ',' && dn[end] !== '+') end += dn[end] === '\\' ? 2 : 1;
  const rdn = dn.slice(0, end);
  const equals = rdn.indexOf('=');
  if (equals < 0) return null;
  return {
    attribute: rdn.slice(0, equals).trim().toLowerCase(),
    value: rdn.slice(equals + 1).trim().replace(/\\([0-9a-fA-F]{2}|.)/g, (_, c: string) => (c.length === 2 ? String.fromCharCode(parseInt(c, 16)) : c)),
  };
}

/** Every RDN of a DN, in order, as lower-cased attribute and raw value. */
export function rdns(dn: string): { attribute: string; value: string }[] {
  const result: { attribute: string; value: string }[] = [];
  let rest = dn;
  while (rest.length > 0) {
    const rdn = firstRdn(rest);
    if (rdn) result.push(rdn);
    let end = 0;
    while (end < rest.length && rest[end] !== ',') end += rest[end] === '\\' ? 2 : 1;
    rest = rest.slice(end + 1);
  }
  return result;
}

function isMachineAccount(entry: DirectoryEntry): boolean {
  if (firstValue(entry, 'uid')?.endsWith('$')) return true;
  const flags = firstValue(entry, 'sambaacctflags');
  return flags !== undefined && MACHINE_FLAGS.test(flags.replace(/[[\]]/g, ''));
}

/** People and logins, with or without a password, and anything else that holds one; never computers. */
export function isAccountEntry(entry: DirectoryEntry): boolean {
  if (isMachineAccount(entry)) return false;
  if (entry.bytes.size > 0) return true;
  const classes = objectClasses(entry);
  for (const c of PERSON_CLASSES) if (classes.has(c)) return true;
  return false;
}

/** cn=admin, uid=root…, and organizational roles that hold a password (an LDAP rootdn copy, a service admin). */
export function isAdminEntry(entry: DirectoryEntry): boolean {
  const rdn = firstRdn(entry.dn);
  if (rdn && ADMIN_NAMES.has(rdn.value.toLowerCase())) return true;
  const uid = firstValue(entry, 'uid');
  if (uid && ADMIN_NAMES.has(uid.toLowerCase())) return true;
  return entry.bytes.size > 0 && objectClasses(entry).has('organizationalrole');
}

export function strongestProfile(profiles: Iterable<Profile>): Profile {
  let best: Profile = 'unknown';
  for (const profile of profiles) if (PROFILE_RANK.indexOf(profile) < PROFILE_RANK.indexOf(best)) best = profile;
  return best;
}

/** Values as written, trimmed, empty ones and repeats (ignoring case) left out. */
export function distinct(list: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of list) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(value);
  }
  return result;
}

/**
 * Splits a full name when `sn` is missing: around a known given name, else the all-capitals words are
 * the surname ("DUPONT Jean"), else the first word is the given name ("Jean Dupont").
 */
export function splitFullName(fullName: string, knownGiven: string[] = []): { surnames: string[]; givenNames: string[] } {
  const words = fullName.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return { surnames: [], givenNames: [] };
  for (const given of knownGiven) {
    const lower = fullName.trim().toLowerCase();
    const g = given.trim().toLowerCase();
    if (g === '') continue;
    if (lower.startsWith(`${g} `)) return { surnames: [fullName.trim().slice(g.length).trim()], givenNames: [] };
    if (lower.endsWith(` ${g}`)) return { surnames: [fullName.trim().slice(0, -g.length).trim()], givenNames: [] };
  }
  const capitals = words.filter((w) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase());
  if (capitals.length > 0 && capitals.length < words.length) {
    return { surnames: [capitals.join(' ')], givenNames: [words.filter((w) => !capitals.includes(w)).join(' ')] };
  }
  return { surnames: [words.slice(1).join(' ')], givenNames: [words[0]!] };
}

/** sn and givenName as written; when sn is missing, split displayName or cn (or the given fallback). */
export function personNames(entry: DirectoryEntry, fallbackFullName?: string): { surnames: string[]; givenNames: string[] } {
  const surnames = distinct(values(entry, 'sn'));
  const givenNames = distinct(values(entry, 'givenname'));
  if (surnames.length > 0) return { surnames, givenNames };
  const fullName = firstValue(entry, 'displayname', 'cn') ?? fallbackFullName;
  if (!fullName) return { surnames, givenNames };
  const split = splitFullName(fullName, givenNames);
  return { surnames: split.surnames, givenNames: distinct([...givenNames, ...split.givenNames]) };
}

/**
 * Reads birth dates: the user's configured attribute (and format) first, then the flavour's own
 * attributes. Throws VigieError at once for a format it cannot understand, before any entry is read.
 */
export function birthDateReader(options: FlavourOptions, flavourAttributes: string[]): (entry: DirectoryEntry) => BirthDate | null {
  const configured = options.birthDate?.attribute?.toLowerCase();
  const format = options.birthDate?.format;
  let compiled: CompiledBirthDateFormat | undefined;
  if (format !== undefined) {
    const result = compileBirthDateFormat(format);
    if (!result) throw new VigieError(`birth date format "${format}" is not understood`, 'use YYYY, MM and DD with separators, e.g. DD/MM/YYYY or YYYYMMDD', { code: 'BAD_OPTION' });
    compiled = result;
  }
  const attributes = configured ? [configured, ...flavourAttributes.filter((a) => a !== configured)] : flavourAttributes;
  return (entry) => {
    for (const attribute of attributes) {
      for (const value of values(entry, attribute)) {
        // A format given with an attribute describes that attribute only; given alone, every one.
        const date = parseBirthDate(value, configured === undefined || attribute === configured ? compiled : undefined);
        if (date) return date;
      }
    }
    return null;
  };
}

/** The account as most flavours build it; each flavour overrides what it keeps elsewhere. */
export function basicAccount(entry: DirectoryEntry, fields: Partial<AccountRecord> = {}): AccountRecord {
  const names = personNames(entry);
  return {
    dn: entry.dn,
    login: firstValue(entry, 'uid', 'cn') ?? firstRdn(entry.dn)?.value ?? entry.dn,
    surnames: names.surnames,
    givenNames: names.givenNames,
    birthDate: null,
    profile: isAdminEntry(entry) ? 'admin' : 'unknown',
    classes: [],
    passwords: storedPasswords(entry),
    ...fields,
  };
}
