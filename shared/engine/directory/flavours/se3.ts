// SambaEdu 3: Samba 3 on OpenLDAP. The birth date hides in gecos ("Prénom Nom,YYYYMMDD,M|F,N"); the
// profile and classes come from posixGroup memberUid groups, which may come before or after people.
import type { Profile } from '../../../contract/codes.ts';
import { AccountStore } from '../account-store.ts';
import type { AccountRecord, DirectoryEntry, FlavourOptions } from '../model.ts';
import type { DirectoryFlavour, FlavourReader } from './flavour.ts';
import {
  basicAccount, birthDateReader, distinct, firstRdn, firstValue, isAccountEntry, isAdminEntry, objectClasses,
  personNames, strongestProfile, values,
} from './person-entry.ts';
import { parseBirthDate } from '../birth-date.ts';

const PROFILE_BY_GROUP = new Map<string, Profile>([
  ['eleves', 'student'],
  ['profs', 'teacher'],
  ['administratifs', 'staff'],
]);
// Classe_TS2 holds the class's students, Equipe_TS2 its teachers.
const CLASS_GROUP = /^(?:Classe|Equipe)_(.+)$/i;
const SE3_GECOS = /^[^,]*,\d{8},[MF]?,/;

/** "Prénom Nom,YYYYMMDD,M,N": the full name and the date, as written. */
function gecosFields(entry: DirectoryEntry): { fullName?: string; birthDate?: string } {
  const gecos = firstValue(entry, 'gecos');
  if (!gecos) return {};
  const [fullName, birthDate] = gecos.split(',');
  return { fullName: fullName?.trim() || undefined, birthDate: birthDate?.trim() || undefined };
}

/** Logins a group lists: memberUid values, or the uid of each member DN. */
function groupMembers(entry: DirectoryEntry): string[] {
  const fromDns = values(entry, 'member').flatMap((dn) => {
    const rdn = firstRdn(dn);
    return rdn?.attribute === 'uid' ? [rdn.value] : [];
  });
  return [...values(entry, 'memberuid'), ...fromDns].map((login) => login.trim().toLowerCase());
}

function isGroup(entry: DirectoryEntry): boolean {
  const classes = objectClasses(entry);
  return classes.has('posixgroup') || classes.has('groupofnames');
}

class Se3Reader implements FlavourReader {
  private readonly accounts: { account: AccountRecord; admin: boolean }[] = [];
  private readonly profilesByLogin = new Map<string, Profile[]>();
  private readonly classesByLogin = new Map<string, string[]>();
  private readonly classes: string[] = [];
  private readonly birthDate: (entry: DirectoryEntry) => AccountRecord['birthDate'];

  constructor(private readonly options: FlavourOptions) {
    this.birthDate = birthDateReader(options, []);
  }

  add(entry: DirectoryEntry): void {
    if (isGroup(entry) && entry.bytes.size === 0) {
      this.addGroup(entry);
      return;
    }
    if (!isAccountEntry(entry)) return;
    const gecos = gecosFields(entry);
    const names = personNames(entry, gecos.fullName);
    const account = basicAccount(entry, {
      ...names,
      birthDate: this.birthDate(entry) ?? (gecos.birthDate ? parseBirthDate(gecos.birthDate, 'YYYYMMDD') : null),
    });
    this.accounts.push({ account, admin: isAdminEntry(entry) });
  }

  private addGroup(entry: DirectoryEntry): void {
    const cn = firstValue(entry, 'cn');
    if (!cn) return;
    const profile = PROFILE_BY_GROUP.get(cn.toLowerCase());
    const className = CLASS_GROUP.exec(cn)?.[1];
    if (className && /^classe_/i.test(cn)) this.classes.push(className);
    for (const login of groupMembers(entry)) {
      if (profile) pushTo(this.profilesByLogin, login, profile);
      if (className) pushTo(this.classesByLogin, login, className);
    }
  }

  finish() {
    // Profiles and classes come from groups, which may follow their members: packed only now (SE3 schools
    // have hundreds of accounts, not hundreds of thousands).
    const records = this.accounts.map(({ account, admin }) => {
      const login = account.login.toLowerCase();
      return {
        ...account,
        profile: admin ? 'admin' as const : strongestProfile(this.profilesByLogin.get(login) ?? []),
        classes: distinct(this.classesByLogin.get(login) ?? []),
      };
    });
    return { accounts: AccountStore.of(records), classes: distinct([...this.classes, ...records.flatMap((a) => a.classes)]) };
  }
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const se3: DirectoryFlavour = {
  id: 'se3',
  score(entry) {
    const gecos = firstValue(entry, 'gecos');
    if (gecos && SE3_GECOS.test(gecos)) return 4;
    // SE3's groups are posixGroups; Classe_*/Equipe_* are its own naming, Eleves/Profs more common words.
    if (!objectClasses(entry).has('posixgroup')) return 0;
    const cn = firstValue(entry, 'cn') ?? '';
    if (CLASS_GROUP.test(cn)) return 3;
    return PROFILE_BY_GROUP.has(cn.toLowerCase()) ? 2 : 0;
  },
  reader: (options) => new Se3Reader(options),
};
