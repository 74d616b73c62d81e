// SDET / ENT: the national ENT schema (ENTPerson, ENTEleve…), as in ESCO and Scribe-NG's ENT layer.
import type { Profile } from '../../../contract/codes.ts';
import type { AccountRecord, DirectoryEntry, FlavourOptions } from '../model.ts';
import { entryByEntryReader } from './flavour.ts';
import type { DirectoryFlavour } from './flavour.ts';
import {
  basicAccount, birthDateReader, distinct, firstValue, isAccountEntry, isAdminEntry, objectClasses, strongestProfile, values,
} from './person-entry.ts';

// ENTPersonProfils values; Scribe-NG writes its own lower-case ones. National_DIR is school management,
// which holds privileged access.
const PROFILE_BY_ENT_PROFILE = new Map<string, Profile>([
  ['national_elv', 'student'],
  ['national_tut', 'parent'],
  ['national_ens', 'teacher'],
  ['national_dir', 'admin'],
  ['national_evs', 'staff'],
  ['national_eta', 'staff'],
  ['national_aca', 'staff'],
  ['national_doc', 'staff'],
  ['national_col', 'staff'],
  ['eleve', 'student'],
  ['responsable', 'parent'],
  ['enseignant', 'teacher'],
]);

const PROFILE_BY_CLASS = new Map<string, Profile>([
  ['enteleve', 'student'],
  ['entauxpersreleleve', 'parent'],
  ['entauxenseignant', 'teacher'],
  ['entauxnonensetab', 'staff'],
  ['entauxnonenscollloc', 'staff'],
  ['entauxnonensservac', 'staff'],
]);

const SDET_CLASSES = ['entperson', 'enteleve', 'entauxpersreleleve', 'entauxenseignant', 'entauxnonensetab', 'entauxnonenscollloc', 'entauxnonensservac', 'entstructure', 'entetablissement'];

export const SDET_BIRTH_DATE_ATTRIBUTES = ['entpersondatenaissance'];

/** ENTPersonProfils first (the feed's own word), the auxiliary classes otherwise. */
export function entProfile(entry: DirectoryEntry): Profile {
  const fromProfiles: Profile[] = [];
  for (const value of values(entry, 'entpersonprofils')) {
    const profile = PROFILE_BY_ENT_PROFILE.get(value.trim().toLowerCase());
    if (profile) fromProfiles.push(profile);
  }
  if (fromProfiles.length > 0) return strongestProfile(fromProfiles);
  const classes = objectClasses(entry);
  return strongestProfile([...classes].flatMap((c) => PROFILE_BY_CLASS.get(c) ?? []));
}

/** "ENTStructureUAI=0290009C,ou=structures,…$TS2" → "TS2" (students' and teachers' classes). */
export function entClasses(entry: DirectoryEntry): string[] {
  return distinct([...values(entry, 'enteleveclasses'), ...values(entry, 'entauxensclasses')].map((value) => {
    const dollar = value.lastIndexOf('$');
    return dollar >= 0 ? value.slice(dollar + 1) : value;
  }));
}

/** Usage surname then birth surname; givenName then the other given names. */
export function entNames(entry: DirectoryEntry, account: AccountRecord): Pick<AccountRecord, 'surnames' | 'givenNames'> {
  return {
    surnames: distinct([...account.surnames, ...values(entry, 'entpersonnompatro')]),
    givenNames: distinct([...account.givenNames, ...values(entry, 'entpersonautresprenoms')]),
  };
}

export const sdet: DirectoryFlavour = {
  id: 'sdet',
  score(entry) {
    const classes = objectClasses(entry);
    if (SDET_CLASSES.some((c) => classes.has(c))) return 3;
    return [...entry.attrs.keys()].some((a) => a.startsWith('entperson')) ? 2 : 0;
  },
  reader(options: FlavourOptions) {
    const birthDate = birthDateReader(options, SDET_BIRTH_DATE_ATTRIBUTES);
    return entryByEntryReader((entry) => {
      if (!isAccountEntry(entry)) return null;
      const account = basicAccount(entry);
      return {
        ...account,
        ...entNames(entry, account),
        login: firstValue(entry, 'entpersonlogin') ?? account.login,
        birthDate: birthDate(entry),
        profile: isAdminEntry(entry) ? 'admin' : entProfile(entry),
        classes: entClasses(entry),
      };
    });
  },
};
