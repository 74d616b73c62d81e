// A generic inetOrgPerson directory. No standard attribute holds a birth date, so this one uses
// `dateOfBirth` (YYYY-MM-DD, from integration/schema/birthdate.ldif) and tells the reader through readerOptions.
// employeeType names the profile; classes are groupOfNames under ou=groups.
import type { LdifEntry } from '../types.ts';
import { adminRoleEntry, baseEntry, fullName, membersByClass, ouEntry, pad2, passwordAttrs, PERSON_CLASSES, sambaAttrs, sambaClassIfNeeded, type FlavourLayout, type SchoolInfo, type SyntheticAccount } from './layout.ts';

export const BIRTH_DATE_ATTRIBUTE = 'dateOfBirth';
export const BIRTH_DATE_FORMAT = 'YYYY-MM-DD';

const EMPLOYEE_TYPE = { student: 'eleve', parent: 'parent', teacher: 'enseignant', staff: 'personnel', admin: 'admin', unknown: 'autre' } as const;

export const inetorgperson: FlavourLayout = {
  defaultBaseDn: () => 'dc=lycee,dc=example',
  birthSurnameVisible: true,
  otherGivenNamesVisible: false,
  birthDateVisible: true,
  defaultShape: null,
  withParents: true,
  readerOptions: { flavour: 'inetorgperson', birthDate: { attribute: BIRTH_DATE_ATTRIBUTE, format: BIRTH_DATE_FORMAT } },
  dn: (a, s) => (a.person.profile === 'admin' ? `cn=admin,${s.baseDn}` : `uid=${a.person.login},ou=people,${s.baseDn}`),

  head(s: SchoolInfo): LdifEntry[] {
    return [baseEntry(s.baseDn, [['l', s.town], ['description', `${s.name} (UAI ${s.uai})`]]), ouEntry(`ou=people,${s.baseDn}`), ouEntry(`ou=groups,${s.baseDn}`)];
  },

  account(a: SyntheticAccount, s: SchoolInfo): LdifEntry {
    const p = a.person;
    const dn = inetorgperson.dn(a, s);
    const samba = a.stored.some((v) => v.attribute !== 'userpassword');
    if (p.profile === 'admin') return adminRoleEntry(dn, a.stored);
    const d = p.birthDate;
    return {
      dn,
      attrs: [
        ...PERSON_CLASSES, ['objectClass', 'birthDatePerson'],
        ...sambaClassIfNeeded(a.stored),
        ['uid', p.login],
        ['cn', fullName(p)],
        ['sn', p.surname],
        ...(p.birthSurname ? [['sn', p.birthSurname] as [string, string]] : []),
        ['givenName', p.givenName],
        ['displayName', fullName(p)],
        ['employeeType', EMPLOYEE_TYPE[p.profile]],
        ...p.classes.map((c) => ['departmentNumber', c] as [string, string]),
        [BIRTH_DATE_ATTRIBUTE, `${d.year}-${pad2(d.month)}-${pad2(d.day)}`],
        ['mail', `${p.login}@lycee.example`],
        ...(samba ? sambaAttrs(a, s, 3000 + a.index) : []),
        ...passwordAttrs(a.stored),
      ],
    };
  },

  tail(s: SchoolInfo, accounts: readonly SyntheticAccount[]): LdifEntry[] {
    const students = membersByClass(accounts, 'student', (a) => inetorgperson.dn(a, s));
    return s.classes.flatMap((code) => {
      const members = students.get(code) ?? [];
      // groupOfNames needs a member: an empty class is left out.
      if (members.length === 0) return [];
      return [{ dn: `cn=${code},ou=groups,${s.baseDn}`, attrs: [['objectClass', 'top'], ['objectClass', 'groupOfNames'], ['cn', code], ['description', `Classe ${code}`], ...members.map((m) => ['member', m] as const)] }];
    });
  },
};
