// A flavour's layout: where entries live and which object classes and attributes describe a person,
// following school-directories.md. One file per flavour.
import type { Profile } from '../../../contract/codes.ts';
import type { FlavourOptions } from '../../../engine/directory/model.ts';
import type { BirthDateShape } from '../planting.ts';
import type { Person, SchoolKind } from '../roster.ts';
import type { LdifEntry, StoredValue } from '../types.ts';

export interface SchoolInfo {
  name: string;
  town: string;
  uai: string;
  academie: string;
  kind: SchoolKind;
  baseDn: string;
  /** Samba domain SID prefix, S-1-5-21-a-b-c. */
  domainSid: string;
  classes: string[];
}

export interface SyntheticAccount {
  /** 0 for the admin, then 1, 2… in roster order; gives uidNumber, RID and opaque ids. */
  index: number;
  person: Person;
  stored: StoredValue[];
}

export interface FlavourLayout {
  defaultBaseDn(uai: string, academie: string): string;
  /** Whether the flavour stores birth dates (so birth-date passwords are findable). */
  birthDateVisible: boolean;
  /** Whether a birth surname that differs from the usage surname is in the entry. */
  birthSurnameVisible: boolean;
  /** Whether given names beyond the first are in the entry. */
  otherGivenNamesVisible: boolean;
  /** The birth-date shape the school server hands out as default password, if any. */
  defaultShape: BirthDateShape | null;
  withParents: boolean;
  readerOptions: FlavourOptions;
  dn(account: SyntheticAccount, school: SchoolInfo): string;
  /** Entries before the people (base, ou's, structure), parents first. */
  head(school: SchoolInfo): LdifEntry[];
  account(account: SyntheticAccount, school: SchoolInfo): LdifEntry;
  /** Entries after the people (groups). */
  tail(school: SchoolInfo, accounts: readonly SyntheticAccount[]): LdifEntry[];
}

/** The suffix entry itself, whatever its first RDN type. */
export function baseEntry(baseDn: string, extra: (readonly [string, string])[]): LdifEntry {
  const match = /^\s*([A-Za-z]+)=([^,]+)/.exec(baseDn);
  const type = (match?.[1] ?? '').toLowerCase();
  const value = (match?.[2] ?? '').replace(/\\(.)/g, '$1');
  switch (type) {
    case 'dc':
      return { dn: baseDn, attrs: [['objectClass', 'top'], ['objectClass', 'dcObject'], ['objectClass', 'organization'], ['dc', value], ['o', value], ...extra] };
    case 'o':
      return { dn: baseDn, attrs: [['objectClass', 'top'], ['objectClass', 'organization'], ['o', value], ...extra] };
    case 'ou':
      return { dn: baseDn, attrs: [['objectClass', 'top'], ['objectClass', 'organizationalUnit'], ['ou', value], ...extra] };
    default:
      throw new RangeError(`baseDn must start with dc=, o= or ou= (got "${baseDn}")`);
  }
}

export function ouEntry(dn: string): LdifEntry {
  const value = /^ou=([^,]+)/i.exec(dn)?.[1] ?? '';
  return { dn, attrs: [['objectClass', 'top'], ['objectClass', 'organizationalUnit'], ['ou', value]] };
}

export function passwordAttrs(stored: readonly StoredValue[]): [string, string][] {
  const names = { userpassword: 'userPassword', sambantpassword: 'sambaNTPassword', sambalmpassword: 'sambaLMPassword' } as const;
  return stored.map((s) => [names[s.attribute], s.value]);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function yyyymmdd(person: Person): string {
  const d = person.birthDate;
  return `${d.year}${pad2(d.month)}${pad2(d.day)}`;
}

export function fullName(person: Person): string {
  return `${person.givenName} ${person.surname}`;
}

/** Samba attributes every sambaSamAccount carries; the RID follows the uidNumber as smbldap-tools does. */
export function sambaAttrs(account: SyntheticAccount, school: SchoolInfo, uidNumber: number): [string, string][] {
  const hasPassword = account.stored.length > 0;
  return [
    ['sambaSID', `${school.domainSid}-${uidNumber * 2 + 1000}`],
    // N = no password required: only where none is stored.
    ['sambaAcctFlags', hasPassword ? '[U          ]' : '[NU         ]'],
    ['sambaPwdLastSet', String(1725148800 + account.index * 60)],
    ['sambaPwdMustChange', '2147483647'],
  ];
}

/** The classes a person's entry needs for a structural chain under inetOrgPerson. */
export const PERSON_CLASSES: [string, string][] = [
  ['objectClass', 'top'], ['objectClass', 'person'], ['objectClass', 'organizationalPerson'], ['objectClass', 'inetOrgPerson'],
];

/** Members of each class with this profile, computed once (a per-class scan is quadratic on big schools). */
export function membersByClass<T>(accounts: readonly SyntheticAccount[], profile: Profile, member: (a: SyntheticAccount) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const a of accounts) {
    if (a.person.profile !== profile) continue;
    for (const c of a.person.classes) {
      const list = out.get(c);
      if (list) list.push(member(a));
      else out.set(c, [member(a)]);
    }
  }
  return out;
}

/** Object classes a stored value needs: sambaSamAccount for NT/LM (ESCO's ESCOAddons plays that role in SDET). */
export function sambaClassIfNeeded(stored: readonly StoredValue[]): [string, string][] {
  return stored.some((v) => v.attribute !== 'userpassword') ? [['objectClass', 'sambaSamAccount']] : [];
}

/** The directory administrator as an organizationalRole; simpleSecurityObject requires a userPassword. */
export function adminRoleEntry(dn: string, stored: readonly StoredValue[]): LdifEntry {
  const hasUserPassword = stored.some((v) => v.attribute === 'userpassword');
  return {
    dn,
    attrs: [['objectClass', 'top'], ['objectClass', 'organizationalRole'],
      ...(hasUserPassword ? [['objectClass', 'simpleSecurityObject'] as [string, string]] : []),
      ...sambaClassIfNeeded(stored), ['cn', 'admin'], ['description', "Administrateur de l'annuaire"], ...passwordAttrs(stored)],
  };
}
