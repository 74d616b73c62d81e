import { describe, expect, it } from 'vitest';
import type { Flavour } from '../../../contract/codes.ts';
import { VigieError } from '../../errors.ts';
import { parseLdifText } from '../ldif/read-ldif.ts';
import type { AccountRecord, DirectoryEntry, FlavourOptions } from '../model.ts';
import { readDirectory } from '../read-directory.ts';
import { SAMPLE_DIRECTORIES } from './sample-directories.ts';

async function* stream(entries: DirectoryEntry[]): AsyncIterable<DirectoryEntry> {
  yield* entries;
}

async function accountsOf(flavour: Flavour, options: FlavourOptions = {}, ldif = SAMPLE_DIRECTORIES[flavour]) {
  const result = await readDirectory(stream(parseLdifText(ldif)), { flavour, ...options });
  return result.accounts.toArray();
}

type Row = [login: string, surnames: string[], givenNames: string[], birth: string | null, profile: AccountRecord['profile'], classes: string[], passwords: string[]];

function rows(accounts: AccountRecord[]): Row[] {
  return accounts.map((a) => [
    a.login, a.surnames, a.givenNames,
    a.birthDate ? `${a.birthDate.year}-${String(a.birthDate.month).padStart(2, '0')}-${String(a.birthDate.day).padStart(2, '0')}` : null,
    a.profile, a.classes, a.passwords.map((p) => p.attribute),
  ]);
}

const expected: Record<Flavour, Row[]> = {
  sdet: [
    ['admin', [], [], null, 'admin', [], ['userpassword']],
    ['anaelle.durand-lefevre', ['Durand-Lefèvre', 'Lefèvre'], ['Anaëlle', 'Marie-Soleil'], '2008-07-09', 'student', ['TS2'], ['userpassword']],
    // Same surname in capitals: one surname, and no password stored is still an account.
    ['bruno.durand-lefevre', ['Durand-Lefèvre'], ['Bruno'], '1975-03-04', 'parent', [], []],
    // Teacher and guardian: audited as the teacher.
    ['celeste.de-la-tour', ['de La Tour'], ['Céleste'], null, 'teacher', ['TS2', '1S3'], ['userpassword', 'sambantpassword']],
    ['denis.nguyen', ['Nguyen'], ['Denis'], null, 'admin', [], ['userpassword']],
    // 31/02 is not a date.
    ['eva.moreau', ['Moreau'], ['Eva'], null, 'staff', [], []],
    // No ENTPersonProfils: the auxiliary class says teacher.
    ['farid.benali', ['Benali'], ['Farid'], null, 'teacher', [], []],
    // Scribe-NG's lower-case profile and YYYYMMDD date.
    ['gael.robin', ['Robin'], ['Gaël'], '2009-05-21', 'student', [], []],
  ],
  scribe: [
    ['admin', ['admin'], [], null, 'admin', [], ['userpassword']],
    ['jules.arnaud', ['Arnaud'], ['Jules'], '2009-03-15', 'student', ['3EME2'], ['userpassword', 'sambantpassword']],
    ['h.lemaire', ['Le Maire'], ['Hélène'], '1979-11-22', 'teacher', [], ['userpassword']],
    // Scribe-NG branch ou=responsables.
    ['i.arnaud', ['Arnaud'], ['Inès'], null, 'parent', [], []],
    ['k.petit', ['Petit'], ['Karim'], '1985-10-02', 'teacher', [], ['userpassword']],
  ],
  se3: [
    ['admin', ['Administrateur'], [], null, 'admin', [], ['userpassword', 'sambantpassword']],
    ['lucie.fabre', ['Fabre'], ['Lucie'], '2008-06-23', 'student', ['5A'], ['userpassword', 'sambalmpassword', 'sambantpassword']],
    // No sn: the name comes from cn; groups listed before and after the person both count.
    ['paul.girard', ['Girard'], ['Paul'], '2007-11-30', 'student', ['4B'], []],
    // 30 February in gecos; memberUid in capitals; Equipe_5A is the class's teaching team.
    ['marc.hoarau', ['Hoarau'], ['Marc'], null, 'teacher', ['5A'], ['userpassword']],
    ['nadia.roux', ['Roux'], ['Nadia'], '1972-01-01', 'staff', [], ['userpassword']],
  ],
  samba3: [
    ['o.mercier', ['Mercier'], ['Océane'], null, 'unknown', [], ['sambantpassword']],
    ['lea.dupont', ['DUPONT-MOREAU'], ['Léa'], null, 'unknown', [], ['sambantpassword']],
    // Primary group Domain Admins (RID 512).
    ['tech', ['Vasseur'], ['Pierre'], null, 'admin', [], ['sambantpassword']],
  ],
  inetorgperson: [
    ['Manager', [], [], null, 'admin', [], ['userpassword']],
    ['quentin.faure', ['Faure'], ['Quentin'], '1984-06-17', 'teacher', [], ['userpassword']],
    ['rose.blanc', ['Blanc'], ['Rose'], null, 'student', [], []],
  ],
};

describe.each(Object.keys(expected) as Flavour[])('flavour %s', (flavour) => {
  it('turns the sample directory into these accounts', async () => {
    expect(rows(await accountsOf(flavour))).toEqual(expected[flavour]);
  });
});

describe('flavour details', () => {
  it('SDET: ENTPersonLogin wins over an opaque uid, and the DN stays the entry\'s', async () => {
    const [, student] = await accountsOf('sdet');
    expect(student!.login).toBe('anaelle.durand-lefevre');
    expect(student!.dn).toBe('uid=F09X0001,ou=people,dc=ent-exemple,dc=fr');
    expect(Buffer.from(student!.passwords[0]!.value).toString()).toBe('{SSHA}c2FsdGVkaGFzaDE=');
  });

  it('SE3: a group after its members still gives them profile and class', async () => {
    const ldif = `dn: uid=zoe.martin,ou=People,dc=x\nobjectClass: posixAccount\nuid: zoe.martin\ncn: Zoé Martin\ngecos: Zoé Martin,20100101,F,N\n\ndn: cn=Eleves,ou=Groups,dc=x\nobjectClass: posixGroup\ncn: Eleves\nmemberUid: zoe.martin\n\ndn: cn=Classe_6C,ou=Groups,dc=x\nobjectClass: posixGroup\ncn: Classe_6C\nmemberUid: zoe.martin\n`;
    expect(rows(await accountsOf('se3', {}, ldif))).toEqual([['zoe.martin', ['Martin'], ['Zoé'], '2010-01-01', 'student', ['6C'], []]]);
  });

  it('samba3 reads a birth date only from the attribute the user names', async () => {
    const ldif = 'dn: uid=t.roy,dc=x\nobjectClass: sambaSamAccount\nobjectClass: inetOrgPerson\nuid: t.roy\nsn: Roy\ngivenName: Théo\ndescription: 1999-12-31\n';
    expect((await accountsOf('samba3', {}, ldif))[0]!.birthDate).toBeNull();
    expect((await accountsOf('samba3', { birthDate: { attribute: 'description' } }, ldif))[0]!.birthDate).toEqual({ year: 1999, month: 12, day: 31 });
  });

  it('inetOrgPerson: a configured attribute and format', async () => {
    const accounts = await accountsOf('inetorgperson', { birthDate: { attribute: 'employeeNumber', format: 'DD/MM/YYYY' } });
    expect(accounts.find((a) => a.login === 'rose.blanc')!.birthDate).toEqual({ year: 2007, month: 5, day: 12 });
    // The format binds the configured attribute only: the usual attributes keep their forms.
    expect(accounts.find((a) => a.login === 'quentin.faure')!.birthDate).toEqual({ year: 1984, month: 6, day: 17 });
    const wrongFormat = await accountsOf('inetorgperson', { birthDate: { attribute: 'employeeNumber', format: 'YYYYMMDD' } });
    expect(wrongFormat.find((a) => a.login === 'rose.blanc')!.birthDate).toBeNull();
  });

  it('refuses a birth date format it cannot read, before reading entries', async () => {
    await expect(accountsOf('inetorgperson', { birthDate: { format: 'JJ/MM/AAAA' } })).rejects.toBeInstanceOf(VigieError);
  });

  it.each(Object.keys(expected) as Flavour[])('%s: cn=admin with a password is an admin account, computers are not accounts', async (flavour) => {
    const ldif = 'dn: cn=admin,dc=x\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: admin\nuserPassword: {SSHA}eA==\n\n'
      + 'dn: cn=gestion,dc=x\nobjectClass: organizationalRole\ncn: gestion\nuserPassword: {SSHA}eQ==\n\n'
      + 'dn: cn=lecture,dc=x\nobjectClass: organizationalRole\ncn: lecture\n\n'
      + 'dn: uid=salle12-pc3$,ou=Computers,dc=x\nobjectClass: sambaSamAccount\nuid: salle12-pc3$\nsambaNTPassword: 5835048CE94AD0564E29A924A03510EF\n';
    const accounts = await accountsOf(flavour, {}, ldif);
    expect(accounts.map((a) => [a.dn, a.profile])).toEqual([['cn=admin,dc=x', 'admin'], ['cn=gestion,dc=x', 'admin']]);
  });
});
