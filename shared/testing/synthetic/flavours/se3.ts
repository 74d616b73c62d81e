// SambaEdu 3: people under ou=People (posixAccount, shadowAccount, inetOrgPerson, sambaSamAccount), the birth
// date in gecos "Prénom Nom,YYYYMMDD,M|F,N", posixGroup groups under ou=Groups. No parent accounts.
import { foldAccents } from '../roster.ts';
import type { LdifEntry } from '../types.ts';
import { baseEntry, fullName, membersByClass, ouEntry, passwordAttrs, PERSON_CLASSES, sambaAttrs, yyyymmdd, type FlavourLayout, type SchoolInfo, type SyntheticAccount } from './layout.ts';

const GROUP_OF_PROFILE = { student: 'Eleves', teacher: 'Profs', staff: 'Administratifs' } as const;
const GID = { Eleves: 1000, Profs: 1001, Administratifs: 1002 } as const;

function gecos(account: SyntheticAccount): string {
  const p = account.person;
  // gecos is IA5 (ASCII): SE3 writes names without accents.
  if (p.profile === 'admin') return 'Administrateur SambaEdu,,,';
  return `${foldAccents(fullName(p))},${yyyymmdd(p)},${p.sex},N`;
}

export const se3: FlavourLayout = {
  defaultBaseDn: (uai, academie) => `ou=${uai},ou=ac-${academie},ou=education,o=gouv,c=fr`,
  birthSurnameVisible: false,
  otherGivenNamesVisible: false,
  birthDateVisible: true,
  defaultShape: 'YYYYMMDD',
  withParents: false,
  readerOptions: { flavour: 'se3' },
  dn: (a, s) => `uid=${a.person.login},ou=People,${s.baseDn}`,

  head(s: SchoolInfo): LdifEntry[] {
    return [
      baseEntry(s.baseDn, [['description', `${s.name} - ${s.town}`]]),
      ouEntry(`ou=People,${s.baseDn}`),
      ouEntry(`ou=Groups,${s.baseDn}`),
      {
        dn: `sambaDomainName=SAMBAEDU3,${s.baseDn}`,
        attrs: [['objectClass', 'top'], ['objectClass', 'sambaDomain'], ['sambaDomainName', 'SAMBAEDU3'], ['sambaSID', s.domainSid]],
      },
    ];
  },

  account(a: SyntheticAccount, s: SchoolInfo): LdifEntry {
    const p = a.person;
    const uidNumber = 1000 + a.index;
    const admin = p.profile === 'admin';
    const group = admin ? 'Administratifs' : GROUP_OF_PROFILE[p.profile as keyof typeof GROUP_OF_PROFILE] ?? 'Eleves';
    return {
      dn: se3.dn(a, s),
      attrs: [
        ...PERSON_CLASSES,
        ['objectClass', 'posixAccount'], ['objectClass', 'shadowAccount'], ['objectClass', 'sambaSamAccount'],
        ['uid', p.login],
        ['cn', admin ? 'admin' : fullName(p)],
        ['sn', admin ? 'admin' : p.surname],
        ...(admin ? [] : [['givenName', p.givenName] as [string, string]]),
        ['mail', `${p.login}@${s.uai.toLowerCase()}.ac-${s.academie}.example`],
        ['gecos', gecos(a)],
        ['uidNumber', String(uidNumber)],
        ['gidNumber', String(GID[group])],
        ['homeDirectory', `/home/${p.login}`],
        ['loginShell', '/bin/bash'],
        ['shadowLastChange', '19966'],
        ...sambaAttrs(a, s, uidNumber),
        ['sambaPrimaryGroupSID', `${s.domainSid}-513`],
        ...passwordAttrs(a.stored),
      ],
    };
  },

  tail(s: SchoolInfo, accounts: readonly SyntheticAccount[]): LdifEntry[] {
    const group = (cn: string, gid: number, members: string[], description: string): LdifEntry => ({
      dn: `cn=${cn},ou=Groups,${s.baseDn}`,
      attrs: [['objectClass', 'top'], ['objectClass', 'posixGroup'], ['cn', cn], ['gidNumber', String(gid)], ['description', description],
        ...members.map((m) => ['memberUid', m] as const)],
    });
    const of = (pred: (a: SyntheticAccount) => boolean): string[] => accounts.filter(pred).map((a) => a.person.login);
    const out = [
      group('Eleves', GID.Eleves, of((a) => a.person.profile === 'student'), 'Eleves'),
      group('Profs', GID.Profs, of((a) => a.person.profile === 'teacher'), 'Professeurs'),
      group('Administratifs', GID.Administratifs, of((a) => a.person.profile === 'staff' || a.person.profile === 'admin'), 'Personnels administratifs'),
    ];
    const students = membersByClass(accounts, 'student', (a) => a.person.login);
    const teachers = membersByClass(accounts, 'teacher', (a) => a.person.login);
    s.classes.forEach((code, i) => {
      out.push(group(`Classe_${code}`, 2000 + i, students.get(code) ?? [], `Classe ${code}`));
      out.push(group(`Equipe_${code}`, 3000 + i, teachers.get(code) ?? [], `Equipe ${code}`));
    });
    return out;
  },
};
