// A plain Samba 3 domain on OpenLDAP (smbldap-tools layout): ou=Users, ou=Groups, a sambaDomain entry.
// No birth date anywhere: only name- and login-based personal passwords are findable.
import type { LdifEntry } from '../types.ts';
import { baseEntry, fullName, ouEntry, passwordAttrs, PERSON_CLASSES, sambaAttrs, type FlavourLayout, type SchoolInfo, type SyntheticAccount } from './layout.ts';

const GROUPS = { student: ['eleves', 1100], teacher: ['profs', 1101], staff: ['personnels', 1102], admin: ['Domain Admins', 512], parent: ['personnels', 1102], unknown: ['personnels', 1102] } as const;

export const samba3: FlavourLayout = {
  defaultBaseDn: () => 'dc=ecole,dc=example',
  birthSurnameVisible: false,
  otherGivenNamesVisible: false,
  birthDateVisible: false,
  defaultShape: null,
  withParents: false,
  readerOptions: { flavour: 'samba3' },
  dn: (a, s) => `uid=${a.person.login},ou=Users,${s.baseDn}`,

  head(s: SchoolInfo): LdifEntry[] {
    return [
      // The only place a plain Samba domain names its school: what school-based passwords can be found from.
      baseEntry(s.baseDn, [['l', s.town], ['description', `${s.name} (UAI ${s.uai})`]]),
      ouEntry(`ou=Users,${s.baseDn}`),
      ouEntry(`ou=Groups,${s.baseDn}`),
      { dn: `sambaDomainName=ECOLE,${s.baseDn}`, attrs: [['objectClass', 'top'], ['objectClass', 'sambaDomain'], ['sambaDomainName', 'ECOLE'], ['sambaSID', s.domainSid]] },
    ];
  },

  account(a: SyntheticAccount, s: SchoolInfo): LdifEntry {
    const p = a.person;
    const uidNumber = 2000 + a.index;
    const admin = p.profile === 'admin';
    const [, gid] = GROUPS[p.profile];
    return {
      dn: samba3.dn(a, s),
      attrs: [
        ...PERSON_CLASSES, ['objectClass', 'posixAccount'], ['objectClass', 'sambaSamAccount'],
        ['uid', p.login],
        ['cn', admin ? 'admin' : fullName(p)],
        ['sn', admin ? 'admin' : p.surname],
        ...(admin ? [] : [['givenName', p.givenName] as [string, string], ['displayName', fullName(p)] as [string, string]]),
        ['uidNumber', String(uidNumber)],
        ['gidNumber', String(gid)],
        ['homeDirectory', `/home/${p.login}`],
        ['loginShell', '/bin/false'],
        ...sambaAttrs(a, s, uidNumber),
        ...passwordAttrs(a.stored),
      ],
    };
  },

  tail(s: SchoolInfo, accounts: readonly SyntheticAccount[]): LdifEntry[] {
    const byGroup = new Map<string, { gid: number; members: string[] }>();
    for (const a of accounts) {
      const [cn, gid] = GROUPS[a.person.profile];
      const g = byGroup.get(cn) ?? { gid, members: [] };
      g.members.push(a.person.login);
      byGroup.set(cn, g);
    }
    return [...byGroup].map(([cn, g]) => ({
      dn: `cn=${cn},ou=Groups,${s.baseDn}`,
      attrs: [['objectClass', 'top'], ['objectClass', 'posixGroup'], ['cn', cn], ['gidNumber', String(g.gid)], ...g.members.map((m) => ['memberUid', m] as const)],
    }));
  },
};
