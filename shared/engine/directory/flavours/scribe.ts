// EOLE Scribe, the ministry's school server: classic schema (Eleves, administrateur, divcod,
// dateNaissance), with Scribe-NG's ENT layer read the SDET way when present.
import type { Profile } from '../../../contract/codes.ts';
import type { DirectoryEntry, FlavourOptions } from '../model.ts';
import { entryByEntryReader } from './flavour.ts';
import type { DirectoryFlavour } from './flavour.ts';
import {
  basicAccount, birthDateReader, distinct, firstValue, isAccountEntry, isAdminEntry, objectClasses, rdns, values,
} from './person-entry.ts';
import { SDET_BIRTH_DATE_ATTRIBUTES, entClasses, entNames, entProfile } from './sdet.ts';

// `responsable` as a parent class is UNCONFIRMED; the Scribe-NG branch below confirms parents anyway.
const PROFILE_BY_CLASS = new Map<string, Profile>([
  ['eleves', 'student'],
  ['administrateur', 'teacher'],
  ['responsable', 'parent'],
]);
// Scribe-NG: ou=local,ou={eleves|personnels|responsables},ou=utilisateurs,ou=<UAI>,…
const PROFILE_BY_BRANCH = new Map<string, Profile>([
  ['eleves', 'student'],
  ['responsables', 'parent'],
  ['personnels', 'staff'],
]);

function scribeProfile(entry: DirectoryEntry): Profile {
  if (isAdminEntry(entry)) return 'admin';
  const classes = objectClasses(entry);
  for (const [objectClass, profile] of PROFILE_BY_CLASS) if (classes.has(objectClass)) return profile;
  const ent = entProfile(entry);
  if (ent !== 'unknown') return ent;
  for (const rdn of rdns(entry.dn)) {
    const profile = rdn.attribute === 'ou' ? PROFILE_BY_BRANCH.get(rdn.value.toLowerCase()) : undefined;
    if (profile) return profile;
  }
  return 'unknown';
}

/** Class groups carry description "Classe …" (or type "Classe"); their cn is the class code. */
function classGroupName(entry: DirectoryEntry): string[] {
  const isClass = [...values(entry, 'description'), ...values(entry, 'type')].some((v) => /^\s*classe\b/i.test(v));
  const cn = firstValue(entry, 'cn');
  return isClass && cn ? [cn] : [];
}

export const scribe: DirectoryFlavour = {
  id: 'scribe',
  score(entry) {
    const classes = objectClasses(entry);
    if (classes.has('eleves') || classes.has('administrateur')) return 5;
    return entry.attrs.has('divcod') || entry.attrs.has('datenaissance') ? 4 : 0;
  },
  reader(options: FlavourOptions) {
    const birthDate = birthDateReader(options, ['datenaissance', ...SDET_BIRTH_DATE_ATTRIBUTES]);
    return entryByEntryReader((entry) => {
      if (!isAccountEntry(entry)) return null;
      const account = basicAccount(entry);
      return {
        ...account,
        ...entNames(entry, account),
        birthDate: birthDate(entry),
        profile: scribeProfile(entry),
        classes: distinct([...values(entry, 'divcod'), ...entClasses(entry)]),
      };
    }, classGroupName);
  },
};
