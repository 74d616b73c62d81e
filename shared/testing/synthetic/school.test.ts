import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAVOURS, HASH_SCHEMES, type Flavour } from '../../contract/codes.ts';
import { isPasswordAttribute, type PasswordAttribute } from '../../engine/directory/model.ts';
import { VigieError } from '../../engine/errors.ts';
import { classifyValue, verifyCandidate } from '../../engine/hash/classify.ts';
import { generateSchool, publicTruthJson, uaiFor, writeSchoolLdif, type SyntheticSchool } from './index.ts';

interface ParsedEntry { dn: string; attrs: Map<string, string[]> }

/** A deliberately naive RFC 2849 reader, independent of Vigie's own LDIF reader. */
function parseLdif(text: string): ParsedEntry[] {
  expect(text.endsWith('\n\n')).toBe(true);
  const entries: ParsedEntry[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (block.trim() === '') continue;
    const lines = block.replace(/\n /g, '').split('\n');
    let dn: string | null = null;
    const attrs = new Map<string, string[]>();
    for (const line of lines) {
      const m = /^([A-Za-z][A-Za-z0-9-]*)(::?) ?(.*)$/.exec(line);
      if (!m) throw new Error(`not an LDIF line: ${line}`);
      const [, name, sep, raw] = m as unknown as [string, string, string, string];
      const value = sep === '::' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (sep === ':') expect(raw).toMatch(/^[\x01-\x7f]*$/);
      if (name === 'dn') dn = value;
      else attrs.set(name.toLowerCase(), [...(attrs.get(name.toLowerCase()) ?? []), value]);
    }
    if (dn === null) throw new Error('entry without dn');
    entries.push({ dn, attrs });
  }
  return entries;
}

function withoutPasswords(ldif: string): string {
  return ldif.replace(/\n /g, '').split('\n').filter((l) => !/^(userPassword|sambaNTPassword|sambaLMPassword)::? /i.test(l)).join('\n');
}

const schools = new Map<Flavour, SyntheticSchool>();
const parsed = new Map<Flavour, ParsedEntry[]>();

beforeAll(async () => {
  for (const flavour of FLAVOURS) {
    const school = await generateSchool({ seed: 4242, accounts: flavour === 'inetorgperson' ? 130 : 150, flavour });
    schools.set(flavour, school);
    parsed.set(flavour, parseLdif(school.ldif));
  }
}, 120_000);

describe.each(FLAVOURS)('synthetic %s school', (flavour) => {
  const school = (): SyntheticSchool => schools.get(flavour) as SyntheticSchool;
  const entries = (): ParsedEntry[] => parsed.get(flavour) as ParsedEntry[];

  it('is well-formed LDIF whose entries all sit under the base, parents first', () => {
    const seen = new Set<string>();
    const list = entries();
    expect(list[0]?.dn).toBe(school().baseDn);
    for (const e of list) {
      expect(e.attrs.get('objectclass')?.length ?? 0).toBeGreaterThan(0);
      const key = e.dn.toLowerCase();
      expect(seen.has(key)).toBe(false);
      if (key !== school().baseDn.toLowerCase()) {
        expect(key.endsWith(`,${school().baseDn.toLowerCase()}`)).toBe(true);
        expect(seen.has(key.slice(key.indexOf(',') + 1))).toBe(true);
      }
      seen.add(key);
    }
  });

  it('has one entry per planted-truth account, with its profiles and an admin', () => {
    const byDn = new Map(entries().map((e) => [e.dn, e]));
    for (const t of school().truth) expect(byDn.has(t.dn), t.dn).toBe(true);
    const profiles = new Set(school().truth.map((t) => t.profile));
    expect(profiles).toContain('admin');
    expect(profiles).toContain('student');
    expect(profiles).toContain('teacher');
    expect(profiles).toContain('staff');
    if (flavour !== 'se3' && flavour !== 'samba3') expect(profiles).toContain('parent');
    const students = school().truth.filter((t) => t.profile === 'student').length;
    expect(students / school().truth.length).toBeGreaterThan(0.5);
    expect(school().uai).toMatch(/^\d{7}[A-Z]$/);
  });

  it('stores values whose schemes match the truth and verify against the planted password', async () => {
    const byDn = new Map(entries().map((e) => [e.dn, e]));
    let checked = 0;
    for (const t of school().truth) {
      const entry = byDn.get(t.dn) as ParsedEntry;
      const stored: { attribute: PasswordAttribute; value: string }[] = [];
      for (const [name, values] of entry.attrs) {
        if (isPasswordAttribute(name)) for (const value of values) stored.push({ attribute: name, value });
      }
      const classified = stored.map((s) => classifyValue(s.attribute, Buffer.from(s.value, 'utf8')));
      expect(classified.map((c) => c.scheme).sort(), t.dn).toEqual([...t.schemes].sort());
      if (t.schemes.length === 0) expect(t.planted).toBeNull();
      if (!t.planted) continue;
      for (const c of classified) {
        expect(await verifyCandidate(c, t.planted.password), `${t.dn} ${c.scheme} ${t.planted.description}`).toBe(true);
        // A different first character: DES reads only 8 characters, LM ignores case.
        expect(await verifyCandidate(c, `#${t.planted.password}`)).toBe(false);
      }
      expect(classified.some((c) => c.weakParameters !== null)).toBe(t.weakParameters);
      if (t.planted.description.includes('birthdate')) expect(t.birthDate).not.toBeNull();
      if (t.planted.description.includes('birthsurname')) expect(t.surnames.length).toBe(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(school().truth.length / 2);
  }, 120_000);

  it('plants every family, at about the requested share, and one class sharing a password', () => {
    const truth = school().truth;
    const families = new Set(truth.map((t) => t.planted?.family));
    for (const f of ['empty', 'personal', 'school', 'common', 'strong']) expect(families).toContain(f);
    const weak = truth.filter((t) => t.planted && t.planted.family !== 'strong').length;
    expect(weak / truth.length).toBeGreaterThan(0.3);
    expect(weak / truth.length).toBeLessThan(0.7);
    expect(truth.some((t) => t.planted === null && t.schemes.length === 0)).toBe(true);
    const shared = truth.filter((t) => t.sharedGroup);
    expect(shared.length).toBeGreaterThan(1);
    expect(new Set(shared.map((t) => t.planted?.password)).size).toBe(1);
    expect(shared.every((t) => t.classes.includes(t.sharedGroup as string))).toBe(true);
    for (const t of truth) {
      if (!t.planted) continue;
      const code = { empty: 'EMPTY_PASSWORD', personal: 'PERSONAL_INFO_PASSWORD', school: 'SCHOOL_INFO_PASSWORD', common: 'COMMON_PASSWORD', strong: null }[t.planted.family];
      expect(t.planted.expectedCode).toBe(code);
      if (t.planted.family === 'strong') expect(t.planted.password.length).toBeGreaterThanOrEqual(16);
      if (t.planted.family === 'empty') expect(t.planted.password).toBe('');
    }
  });

  it('never writes a planted password as a stored value, nor a strong or common one anywhere', () => {
    const text = school().ldif;
    const byDn = new Map(entries().map((e) => [e.dn, e]));
    for (const t of school().truth) {
      if (!t.planted || t.planted.password === '') continue;
      const entry = byDn.get(t.dn) as ParsedEntry;
      if (!t.schemes.includes('CLEARTEXT')) {
        for (const attr of ['userpassword', 'sambantpassword', 'sambalmpassword']) {
          for (const v of entry.attrs.get(attr) ?? []) expect(v).not.toContain(t.planted.password);
        }
      }
      const searchable = t.planted.family === 'strong' || (t.planted.family === 'common' && !/^\d+$/.test(t.planted.password));
      if (searchable && !t.schemes.includes('CLEARTEXT')) {
        expect(text.includes(t.planted.password), t.planted.description).toBe(false);
        expect(text.includes(Buffer.from(t.planted.password).toString('base64'))).toBe(false);
      }
    }
    const json = publicTruthJson(school());
    for (const t of school().truth) {
      if (t.planted && t.planted.password.length >= 6 && (t.planted.family === 'strong' || t.planted.family === 'common')) expect(json.includes(`"${t.planted.password}"`)).toBe(false);
    }
    expect(json).not.toContain('"password"');
  });

  it('is the same school for the same seed (salts aside), and another for another seed', async () => {
    const again = await generateSchool({ seed: 4242, accounts: school().truth.length, flavour });
    expect(withoutPasswords(again.ldif)).toBe(withoutPasswords(school().ldif));
    expect(again.truth).toEqual(school().truth.map((t) => ({ ...t })));
    const other = await generateSchool({ seed: 4243, accounts: school().truth.length, flavour });
    expect(withoutPasswords(other.ldif)).not.toBe(withoutPasswords(school().ldif));
  }, 120_000);
});

describe('synthetic schools', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'vigie-synthetic-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('stores every scheme of HASH_SCHEMES in the generic mix, slow ones with weak and strong parameters', () => {
    const truth = (schools.get('inetorgperson') as SyntheticSchool).truth;
    const schemes = new Set(truth.flatMap((t) => t.schemes));
    for (const s of HASH_SCHEMES) expect(schemes, s).toContain(s);
    for (const s of ['BCRYPT', 'SCRYPT', 'ARGON2ID', 'PBKDF2_SHA256', 'SHA512CRYPT'] as const) {
      const users = truth.filter((t) => t.schemes.includes(s) && t.planted);
      expect(users.some((t) => t.weakParameters), s).toBe(true);
      expect(users.some((t) => !t.weakParameters), s).toBe(true);
    }
  });

  it('stores SE3 accounts as unsalted {MD5} with NT and LM, and the birth date in gecos', () => {
    const se3 = schools.get('se3') as SyntheticSchool;
    const withPassword = se3.truth.filter((t) => t.schemes.length > 0);
    expect(withPassword.every((t) => t.schemes[0] === 'MD5' && t.schemes.includes('NT'))).toBe(true);
    // Samba stores no LM value for a password over 14 characters.
    for (const t of withPassword) expect(t.schemes.includes('LM')).toBe((t.planted?.password.length ?? 99) <= 14);
    const gecos = (parsed.get('se3') as ParsedEntry[]).flatMap((e) => e.attrs.get('gecos') ?? []);
    expect(gecos.filter((g) => /^[A-Za-z' -]+,\d{8},[MF],N$/.test(g)).length).toBeGreaterThan(100);
    // The SE3 default: the birth date alone.
    expect(se3.truth.filter((t) => t.planted?.description.startsWith('birthdate:')).length).toBeGreaterThan(5);
  });

  it('writes SDET birth dates as DD/MM/YYYY and some as YYYYMMDD, with ENT profiles and classes', () => {
    const entries = parsed.get('sdet') as ParsedEntry[];
    const dates = entries.flatMap((e) => e.attrs.get('entpersondatenaissance') ?? []);
    expect(dates.some((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{8}$/.test(d))).toBe(true);
    const profils = new Set(entries.flatMap((e) => e.attrs.get('entpersonprofils') ?? []));
    for (const p of ['National_ELV', 'National_TUT', 'National_ENS']) expect(profils).toContain(p);
    const classes = entries.flatMap((e) => e.attrs.get('enteleveclasses') ?? []);
    expect(classes.every((c) => /^ENTStructureSIREN=\d+,ou=structures,.+\$(6|5|4|3|2NDE|1G|TG)[A-Z0-9]+$/.test(c))).toBe(true);
    expect(entries.some((e) => e.attrs.get('entstructureuai')?.[0] === schools.get('sdet')?.uai)).toBe(true);
    expect(entries.some((e) => e.attrs.has('entpersonnompatro') && e.attrs.get('entpersonnompatro')?.[0] !== e.attrs.get('sn')?.[0])).toBe(true);
  });

  it('invents French names with accents, compounds and particles, and folded unique logins', async () => {
    const school = await generateSchool({ seed: 7, accounts: 600, flavour: 'sdet', weakShare: 0 });
    const people = school.truth.filter((t) => t.profile !== 'admin');
    const names = people.flatMap((t) => [...t.surnames, ...t.givenNames]);
    expect(names.some((n) => /[éèëêïîôöüçÉ]/.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Z][a-zé]+-[A-Z]/.test(n))).toBe(true);
    expect(names.some((n) => /^(de|du|d'|Le|N')/.test(n))).toBe(true);
    expect(people.some((t) => t.surnames.length === 2 && t.surnames[0] !== t.surnames[1])).toBe(true);
    const logins = people.map((t) => t.login);
    expect(new Set(logins).size).toBe(logins.length);
    for (const l of logins) expect(l).toMatch(/^[a-z-]+\.[a-z-]+\d*$/);
    expect(logins.some((l) => /\d$/.test(l))).toBe(true);
    expect(school.truth.every((t) => t.planted === null || t.planted.family === 'strong' || t.sharedGroup)).toBe(true);
    // Students' birth years follow their class level (2024–25 school year).
    for (const t of people.filter((p) => p.profile === 'student')) {
      const cls = t.classes[0] as string;
      const expected = cls.startsWith('TG') ? 2007 : cls.startsWith('1G') ? 2008 : cls.startsWith('2NDE') ? 2009 : 2013 - Number(cls[0] === '6' ? 0 : 6 - Number(cls[0]));
      expect(Math.abs((t.birthDate?.year ?? 0) - expected)).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('honours a scheme list, a base DN and a school name', async () => {
    const school = await generateSchool({
      seed: 1, accounts: 40, flavour: 'inetorgperson', schemes: ['SSHA512'], baseDn: 'o=test', schoolName: 'Collège Les Tilleuls', town: 'Beaumont', uai: '0123456A',
    });
    expect(new Set(school.truth.flatMap((t) => t.schemes))).toEqual(new Set(['SSHA512']));
    expect(school.ldif.startsWith('dn: o=test\n')).toBe(true);
    expect(school.schoolName).toBe('Collège Les Tilleuls');
    expect(school.readerOptions.birthDate).toEqual({ attribute: 'dateOfBirth', format: 'YYYY-MM-DD' });
  });

  it('reproduces the LDIF byte for byte with fixedSalts, and the values still verify', async () => {
    const options = { seed: 11, accounts: 70, flavour: 'inetorgperson' as const, fixedSalts: true };
    const [a, b] = [await generateSchool(options), await generateSchool(options)];
    expect(a.ldif).toBe(b.ldif);
    const entries = new Map(parseLdif(a.ldif).map((e) => [e.dn, e]));
    let verified = 0;
    for (const t of a.truth) {
      const value = entries.get(t.dn)?.attrs.get('userpassword')?.[0];
      if (!t.planted || value === undefined || t.schemes[0] === 'UNKNOWN') continue;
      expect(await verifyCandidate(classifyValue('userpassword', Buffer.from(value, 'utf8')), t.planted.password), t.schemes[0]).toBe(true);
      verified++;
    }
    expect(verified).toBeGreaterThan(30);
  }, 60_000);

  it('streams the same LDIF to a file', async () => {
    const school = schools.get('scribe') as SyntheticSchool;
    const file = path.join(dir, 'scribe.ldif');
    await writeSchoolLdif(school, file);
    expect(await readFile(file, 'utf8')).toBe(school.ldif);
  });

  it('refuses bad options with a one-line VigieError', async () => {
    await expect(generateSchool({ seed: 1, accounts: 0, flavour: 'se3' })).rejects.toThrow(VigieError);
    await expect(generateSchool({ seed: 1.5, accounts: 10, flavour: 'se3' })).rejects.toThrow(/seed/);
    await expect(generateSchool({ seed: 1, accounts: 10, flavour: 'ad' as Flavour })).rejects.toThrow(/flavour/);
    await expect(generateSchool({ seed: 1, accounts: 10, flavour: 'se3', weakShare: 2 })).rejects.toThrow(/weakShare/);
    await expect(generateSchool({ seed: 1, accounts: 10, flavour: 'se3', schemes: ['ROT13' as 'MD5'] })).rejects.toThrow(/ROT13/);
  });

  it('computes UAI check letters', () => {
    expect(uaiFor('0290009')).toBe('0290009C'); // the example in school-directories.md
    expect(uaiFor('0000000')).toBe('0000000A');
  });
});
