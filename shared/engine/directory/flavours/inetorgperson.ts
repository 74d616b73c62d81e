// Any other LDAP directory of people: inetOrgPerson and friends. There is no standard birth-date
// attribute, so the user names it (BirthDateOptions); a few common names are tried otherwise.
import type { Profile } from '../../../contract/codes.ts';
import type { DirectoryEntry } from '../model.ts';
import type { DirectoryFlavour } from './flavour.ts';
import { entryByEntryReader } from './flavour.ts';
import { basicAccount, birthDateReader, isAccountEntry, objectClasses, strongestProfile, values } from './person-entry.ts';

export const COMMON_BIRTH_DATE_ATTRIBUTES = ['birthdate', 'dateofbirth', 'datenaissance', 'entpersondatenaissance'];

// eduPerson affiliations and the French words directories put in employeeType.
const PROFILE_BY_AFFILIATION = new Map<string, Profile>([
  ['student', 'student'], ['eleve', 'student'], ['élève', 'student'], ['etudiant', 'student'], ['étudiant', 'student'],
  ['faculty', 'teacher'], ['teacher', 'teacher'], ['enseignant', 'teacher'], ['professeur', 'teacher'],
  ['staff', 'staff'], ['employee', 'staff'], ['personnel', 'staff'],
  ['parent', 'parent'], ['responsable', 'parent'],
]);

function affiliationProfile(entry: DirectoryEntry): Profile {
  const words = ['edupersonprimaryaffiliation', 'edupersonaffiliation', 'employeetype'].flatMap((a) => values(entry, a));
  return strongestProfile(words.flatMap((w) => PROFILE_BY_AFFILIATION.get(w.trim().toLowerCase()) ?? []));
}

export const inetOrgPerson: DirectoryFlavour = {
  id: 'inetorgperson',
  score(entry) {
    const classes = objectClasses(entry);
    return classes.has('inetorgperson') || classes.has('person') ? 1 : 0;
  },
  reader(options) {
    const birthDate = birthDateReader(options, COMMON_BIRTH_DATE_ATTRIBUTES);
    return entryByEntryReader((entry) => {
      if (!isAccountEntry(entry)) return null;
      const account = basicAccount(entry, { birthDate: birthDate(entry) });
      if (account.profile !== 'admin') account.profile = affiliationProfile(entry);
      return account;
    });
  },
};
