// Samba 3 on LDAP without a school layer: sambaSamAccount people, names from sn/givenName/cn/displayName,
// no birth date unless the user names the attribute.
import type { DirectoryFlavour } from './flavour.ts';
import { entryByEntryReader } from './flavour.ts';
import { basicAccount, birthDateReader, firstValue, isAccountEntry, objectClasses } from './person-entry.ts';

// Well-known RID of "Domain Admins", the primary group of a domain's administrators.
const DOMAIN_ADMINS = /-512$/;

export const samba3: DirectoryFlavour = {
  id: 'samba3',
  score(entry) {
    const classes = objectClasses(entry);
    if (classes.has('sambasamaccount')) return 2;
    return classes.has('sambadomain') || classes.has('sambagroupmapping') ? 1 : 0;
  },
  reader(options) {
    const birthDate = birthDateReader(options, []);
    return entryByEntryReader((entry) => {
      if (!isAccountEntry(entry)) return null;
      const account = basicAccount(entry, { birthDate: birthDate(entry) });
      const primaryGroup = firstValue(entry, 'sambaprimarygroupsid');
      if (primaryGroup && DOMAIN_ADMINS.test(primaryGroup)) account.profile = 'admin';
      return account;
    });
  },
};
