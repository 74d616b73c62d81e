// SDET / ENT (the national ENT schema, as in the ESCO directory): ENTPerson entries with opaque uids under
// ou=people, the school as an ENTStructure/ENTEtablissement under ou=structures.
import type { Profile } from '../../../contract/codes.ts';
import type { LdifEntry } from '../types.ts';
import { adminRoleEntry, baseEntry, ouEntry, pad2, passwordAttrs, PERSON_CLASSES, sambaClassIfNeeded, yyyymmdd, type FlavourLayout, type SchoolInfo, type SyntheticAccount } from './layout.ts';

const PROFILE_CLASS: Record<Exclude<Profile, 'admin' | 'unknown'>, string> = {
  student: 'ENTEleve',
  parent: 'ENTAuxPersRelEleve',
  teacher: 'ENTAuxEnseignant',
  staff: 'ENTAuxNonEnsEtab',
};
const STAFF_PROFILES = ['National_DIR', 'National_EVS', 'National_ETA', 'National_DOC'] as const;

function profilValue(a: SyntheticAccount): string {
  switch (a.person.profile) {
    case 'student': return 'National_ELV';
    case 'parent': return 'National_TUT';
    case 'teacher': return 'National_ENS';
    default: return STAFF_PROFILES[a.index % STAFF_PROFILES.length] as string;
  }
}

/** Opaque uids as the ENT gives them (F + 7 characters); a bijection of the index, so unique. */
function opaqueUid(index: number): string {
  return `F${(Math.imul(index + 1, 2654435761) >>> 0).toString(36).padStart(7, '0').slice(-7)}`;
}

export function structureDn(s: SchoolInfo): string {
  // A SIREN-like key derived from the UAI digits, invented.
  return `ENTStructureSIREN=19${s.uai.slice(0, 7)}00017,ou=structures,${s.baseDn}`;
}

export const sdet: FlavourLayout = {
  defaultBaseDn: () => 'dc=ent,dc=example,dc=fr',
  birthSurnameVisible: true,
  otherGivenNamesVisible: true,
  birthDateVisible: true,
  defaultShape: null,
  withParents: true,
  readerOptions: { flavour: 'sdet' },
  dn: (a, s) => (a.person.profile === 'admin' ? `cn=admin,${s.baseDn}` : `uid=${opaqueUid(a.index)},ou=people,${s.baseDn}`),

  head(s: SchoolInfo): LdifEntry[] {
    const patron = s.name.split(/\s+/).slice(1).join(' ').toUpperCase();
    return [
      baseEntry(s.baseDn, []),
      ouEntry(`ou=people,${s.baseDn}`),
      ouEntry(`ou=structures,${s.baseDn}`),
      {
        dn: structureDn(s),
        attrs: [
          ['objectClass', 'top'], ['objectClass', 'organizationalUnit'], ['objectClass', 'ENTStructure'], ['objectClass', 'ENTEtablissement'],
          ['ou', s.name],
          ['ENTStructureSIREN', `19${s.uai.slice(0, 7)}00017`],
          ['ENTStructureNomCourant', `${s.kind === 'lycee' ? 'LG' : 'CLG'}-${patron}-ac-${s.academie.toUpperCase()}`],
          ['ENTStructureUAI', s.uai],
          ['ENTStructureTypeStruct', s.kind === 'lycee' ? 'LYCEE GENERAL' : 'COLLEGE'],
          ['l', s.town],
        ],
      },
    ];
  },

  account(a: SyntheticAccount, s: SchoolInfo): LdifEntry {
    const p = a.person;
    const dn = sdet.dn(a, s);
    if (p.profile === 'admin') {
      return adminRoleEntry(dn, a.stored);
    }
    const structure = structureDn(s);
    const attrs: [string, string][] = [
      ...PERSON_CLASSES,
      ['objectClass', 'ENTPerson'],
      ['objectClass', PROFILE_CLASS[p.profile as keyof typeof PROFILE_CLASS]],
      ...sambaClassIfNeeded(a.stored),
      ['uid', opaqueUid(a.index)],
      ['ENTPersonLogin', p.login],
      ['ENTPersonJointure', `AC-${s.academie.toUpperCase()}$${1000000 + a.index * 37}`],
      ['cn', `${p.surname} ${p.givenName}`],
      ['sn', p.surname],
      ['givenName', p.givenName],
      ['displayName', `${p.givenName} ${p.surname}`],
      ...p.otherGivenNames.map((n) => ['ENTPersonAutresPrenoms', n] as [string, string]),
      // Most feeds write DD/MM/YYYY; accounts fed through Scribe-NG's ENT layer carry YYYYMMDD.
      ['ENTPersonDateNaissance', a.index % 7 === 3 ? yyyymmdd(p) : `${pad2(p.birthDate.day)}/${pad2(p.birthDate.month)}/${p.birthDate.year}`],
      ['ENTPersonProfils', profilValue(a)],
      ['ENTPersonStructRattach', structure],
      ['mail', `${p.login}@ent.example.fr`],
    ];
    if (p.profile !== 'student') attrs.push(['ENTPersonNomPatro', p.birthSurname ?? p.surname]);
    if (p.profile === 'student') for (const c of p.classes) attrs.push(['ENTEleveClasses', `${structure}$${c}`]);
    if (p.profile === 'teacher') for (const c of p.classes) attrs.push(['ENTAuxEnsClasses', `${structure}$${c}`]);
    attrs.push(...passwordAttrs(a.stored));
    return { dn, attrs };
  },

  tail: () => [],
};

