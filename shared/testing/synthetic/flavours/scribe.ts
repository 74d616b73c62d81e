// EOLE Scribe (Scribe-NG layout): people under ou=local,ou={eleves|personnels|responsables},ou=utilisateurs,
// classes Eleves/administrateur/administratif/responsable, dateNaissance YYYYMMDD, divcod = class code, and
// the ENT layer's lower-case ENTPersonProfils. Scribe is a Samba domain controller: sambaSamAccount too.
import type { LdifEntry } from '../types.ts';
import { baseEntry, fullName, membersByClass, ouEntry, passwordAttrs, PERSON_CLASSES, sambaAttrs, yyyymmdd, type FlavourLayout, type SchoolInfo, type SyntheticAccount } from './layout.ts';

const BRANCH = { student: 'eleves', parent: 'responsables', teacher: 'personnels', staff: 'personnels', admin: 'personnels', unknown: 'personnels' } as const;
const SCRIBE_CLASS = { student: 'Eleves', parent: 'responsable', teacher: 'administrateur', staff: 'administratif', admin: 'administrateur', unknown: 'administratif' } as const;
const ENT_PROFIL = { student: 'eleve', parent: 'responsable', teacher: 'enseignant', staff: 'administratif', admin: 'enseignant', unknown: 'administratif' } as const;
const GID = { student: 5000, parent: 5003, teacher: 5001, staff: 5002, admin: 5001, unknown: 5002 } as const;

export const scribe: FlavourLayout = {
  defaultBaseDn: (uai, academie) => `ou=${uai},ou=ac-${academie},ou=education,o=gouv,c=fr`,
  birthSurnameVisible: true,
  otherGivenNamesVisible: false,
  birthDateVisible: true,
  // Admin guidance: passwords "from the date of birth".
  defaultShape: 'DDMMYYYY',
  withParents: true,
  readerOptions: { flavour: 'scribe' },
  dn: (a, s) => `uid=${a.person.login},ou=local,ou=${BRANCH[a.person.profile]},ou=utilisateurs,${s.baseDn}`,

  head(s: SchoolInfo): LdifEntry[] {
    const out = [baseEntry(s.baseDn, [['description', s.name], ['l', s.town]]), ouEntry(`ou=utilisateurs,${s.baseDn}`)];
    for (const branch of ['eleves', 'personnels', 'responsables']) {
      out.push(ouEntry(`ou=${branch},ou=utilisateurs,${s.baseDn}`), ouEntry(`ou=local,ou=${branch},ou=utilisateurs,${s.baseDn}`));
    }
    out.push(ouEntry(`ou=groupes,${s.baseDn}`), ouEntry(`ou=local,ou=groupes,${s.baseDn}`));
    return out;
  },

  account(a: SyntheticAccount, s: SchoolInfo): LdifEntry {
    const p = a.person;
    const uidNumber = 10000 + a.index;
    const admin = p.profile === 'admin';
    const attrs: [string, string][] = [
      ...PERSON_CLASSES,
      ['objectClass', 'ENTPerson'],
      ['objectClass', 'posixAccount'], ['objectClass', 'shadowAccount'], ['objectClass', 'sambaSamAccount'],
      ['objectClass', SCRIBE_CLASS[p.profile]],
      ['uid', p.login],
      ['ENTPersonLogin', p.login],
      ['ENTPersonProfils', ENT_PROFIL[p.profile]],
      ['cn', admin ? 'admin' : fullName(p)],
      ['sn', admin ? 'admin' : p.surname],
      ['uidNumber', String(uidNumber)],
      ['gidNumber', String(GID[p.profile])],
      ['homeDirectory', `/home/${p.login.charAt(0)}/${p.login}`],
      ['loginShell', '/bin/bash'],
    ];
    if (!admin) {
      attrs.push(['givenName', p.givenName], ['displayName', fullName(p)], ['dateNaissance', yyyymmdd(p)],
        ['ENTPersonDateNaissance', yyyymmdd(p)], ['mail', `${p.login}@${s.uai.toLowerCase()}.ac-${s.academie}.example`]);
      if (p.profile === 'student') for (const c of p.classes) attrs.push(['divcod', c]);
      if (p.birthSurname) attrs.push(['ENTPersonNomPatro', p.birthSurname]);
    }
    attrs.push(...sambaAttrs(a, s, uidNumber), ...passwordAttrs(a.stored));
    return { dn: scribe.dn(a, s), attrs };
  },

  tail(s: SchoolInfo, accounts: readonly SyntheticAccount[]): LdifEntry[] {
    const group = (cn: string, gid: number, members: string[], description: string): LdifEntry => ({
      dn: `cn=${cn},ou=local,ou=groupes,${s.baseDn}`,
      attrs: [['objectClass', 'top'], ['objectClass', 'posixGroup'], ['cn', cn], ['gidNumber', String(gid)], ['description', description],
        ...members.map((m) => ['memberUid', m] as const)],
    });
    const of = (pred: (a: SyntheticAccount) => boolean): string[] => accounts.filter(pred).map((a) => a.person.login);
    const out = [
      group('eleves', GID.student, of((a) => a.person.profile === 'student'), 'Groupe eleves'),
      group('professeurs', GID.teacher, of((a) => a.person.profile === 'teacher'), 'Groupe professeurs'),
    ];
    const students = membersByClass(accounts, 'student', (a) => a.person.login);
    s.classes.forEach((code, i) => {
      out.push(group(code.toLowerCase(), 6000 + i, students.get(code) ?? [], `Classe ${code}`));
    });
    return out;
  },
};
