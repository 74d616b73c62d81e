import { beforeAll, describe, expect, it } from 'vitest';
import { isPasswordAttribute } from '../../engine/directory/model.ts';
import { VigieError } from '../../engine/errors.ts';
import { classifyValue, verifyCandidate } from '../../engine/hash/classify.ts';
import { applyFormula, describeFormula, drawFormula, STAFF_DEFAULT_GROUP, type ImposedFormula } from './imposed.ts';
import { generateSchool, publicTruthJson, type PlantedTruth, type SyntheticSchool } from './index.ts';
import { SeededRandom } from './random.ts';
import type { Person } from './roster.ts';

const PERSON: Person = {
  profile: 'student', sex: 'F', givenName: 'Élodie', otherGivenNames: [], surname: 'Le Goff', birthSurname: null,
  birthDate: { year: 2008, month: 3, day: 5 }, login: 'elodie.legoff', classes: ['2NDE1'],
};

/** userPassword values by DN, read from the LDIF the naive way (base64 values decoded). */
function storedValues(ldif: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const block of ldif.split(/\n\n+/)) {
    const lines = block.replace(/\n /g, '').split('\n');
    const dn = lines[0]?.replace(/^dn: /, '') ?? '';
    for (const line of lines) {
      const m = /^([A-Za-z]+)(::?) (.*)$/.exec(line);
      if (!m || !isPasswordAttribute(m[1]!.toLowerCase())) continue;
      out.set(dn, [...(out.get(dn) ?? []), m[2] === '::' ? Buffer.from(m[3]!, 'base64').toString('utf8') : m[3]!]);
    }
  }
  return out;
}

const imposedOf = (truth: PlantedTruth[]): PlantedTruth[] => truth.filter((t) => t.planted?.imposed);
const defaultOf = (truth: PlantedTruth[]): PlantedTruth[] => truth.filter((t) => t.sharedGroup === STAFF_DEFAULT_GROUP);

describe('the imposed formula grammar', () => {
  it('writes a formula as drawn, and describes it without the password', () => {
    const f: ImposedFormula = { name: 'surname', joiner: '', casing: 'capitalised', separator: '.', date: 'DDMMYYYY', order: 'name-date', suffix: '!' };
    expect(applyFormula(f, PERSON)).toBe('Legoff.05032008!');
    expect(describeFormula(f)).toBe('surname (capitalised) + "." + birthdate:DDMMYYYY + "!"');
    expect(applyFormula({ ...f, name: 'initial+surname', casing: 'lower', separator: '', suffix: '' }, PERSON)).toBe('elegoff05032008');
    expect(applyFormula({ ...f, name: 'given.surname', joiner: '_', casing: 'upper', date: 'YY', order: 'date-name', separator: '', suffix: '' }, PERSON))
      .toBe('08ELODIE_LEGOFF');
    expect(applyFormula({ ...f, name: 'surname+initial', casing: 'lower', separator: '', date: 'MMYYYY', suffix: '1' }, PERSON)).toBe('legoffe0320081');
  });

  it('draws many different formulas: 20 seeds give at least 10', () => {
    const formulas = new Set(Array.from({ length: 20 }, (_, seed) => describeFormula(drawFormula(new SeededRandom(seed)))));
    expect(formulas.size).toBeGreaterThanOrEqual(10);
  });
});

describe('an imposed-scheme school', () => {
  let school: SyntheticSchool;
  beforeAll(async () => {
    school = await generateSchool({ seed: 1212, accounts: 400, flavour: 'sdet', imposed: true });
  }, 60_000);

  it('draws a different formula from each seed, through the whole generator', async () => {
    const formulas = new Set<string>();
    for (let seed = 100; seed < 120; seed++) {
      const s = await generateSchool({ seed, accounts: 40, flavour: 'sdet', imposed: true });
      formulas.add(s.imposed?.formula ?? '');
    }
    expect(formulas.size).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('gives the drawn share of students the formula, and no one else', () => {
    const summary = school.imposed!;
    expect(summary.studentShare).toBeGreaterThanOrEqual(0.55);
    expect(summary.studentShare).toBeLessThanOrEqual(0.9);
    const students = school.truth.filter((t) => t.profile === 'student' && t.planted);
    const imposed = imposedOf(school.truth);
    expect(imposed.every((t) => t.profile === 'student')).toBe(true);
    expect(imposed.length).toBe(Math.round(summary.studentShare * students.length));
    for (const t of imposed) {
      expect(t.planted).toMatchObject({ family: 'personal', expectedCode: 'PERSONAL_INFO_PASSWORD', imposed: { formula: summary.formula } });
      expect(t.sharedGroup).toBeUndefined();
    }
    // The others keep the usual mix, strong passwords included.
    const rest = new Set(students.filter((t) => !t.planted?.imposed).map((t) => t.planted?.family));
    expect(rest).toContain('strong');
  });

  it('gives the drawn share of teachers and staff one default, a few of them in cleartext or unsalted', () => {
    const summary = school.imposed!;
    const adults = school.truth.filter((t) => (t.profile === 'teacher' || t.profile === 'staff') && t.planted);
    const holders = defaultOf(school.truth);
    expect(holders.length).toBe(Math.round(summary.staffShare * adults.length));
    expect(summary.staffShare).toBeGreaterThanOrEqual(0.6);
    expect(new Set(holders.map((t) => t.planted?.password)).size).toBe(1);
    expect(holders.every((t) => t.profile === 'teacher' || t.profile === 'staff')).toBe(true);
    for (const t of holders) {
      expect(t.planted?.family).toBe('school');
      expect(t.planted?.acceptedCodes).toEqual(expect.arrayContaining(['SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD']));
      expect(t.planted?.description.startsWith('staff default: school-default:')).toBe(true);
    }
    const legacy = holders.filter((t) => t.schemes.some((s) => s === 'CLEARTEXT' || s === 'MD5' || s === 'SHA'));
    expect(legacy.length).toBeGreaterThanOrEqual(2);
    expect(legacy.length).toBeLessThanOrEqual(5);
    // No one outside the group has the default.
    const password = holders[0]?.planted?.password;
    expect(school.truth.filter((t) => t.planted?.password === password).length).toBe(holders.length);
  });

  it('is half-way through a migration to argon2id: cheap flagged argon2id, the rest {SSHA}, userPassword only', () => {
    const stored = school.truth.filter((t) => t.schemes.length > 0);
    expect(stored.every((t) => t.schemes.length === 1)).toBe(true);
    const argon2 = stored.filter((t) => t.schemes[0] === 'ARGON2ID');
    const ssha = stored.filter((t) => t.schemes[0] === 'SSHA');
    expect(argon2.length + ssha.length + defaultOf(school.truth).filter((t) => t.schemes[0] !== 'ARGON2ID' && t.schemes[0] !== 'SSHA').length).toBe(stored.length);
    expect(argon2.length / stored.length).toBeGreaterThan(school.imposed!.argon2Share - 0.1);
    expect(argon2.length / stored.length).toBeLessThan(school.imposed!.argon2Share + 0.1);
    expect(argon2.every((t) => t.weakParameters)).toBe(true);
    expect(ssha.every((t) => !t.weakParameters)).toBe(true);
    expect(school.imposed!.argon2.memoryKiB).toBeLessThanOrEqual(4096);
    // Both kinds of storage carry the formula.
    expect(imposedOf(argon2).length).toBeGreaterThan(10);
    expect(imposedOf(ssha).length).toBeGreaterThan(10);
  });

  it('stores values that verify against the planted passwords', async () => {
    const values = storedValues(school.ldif);
    const sample = [...imposedOf(school.truth).slice(0, 12), ...defaultOf(school.truth)];
    for (const t of sample) {
      const [value] = values.get(t.dn) ?? [];
      expect(value, t.dn).toBeDefined();
      const classified = classifyValue('userpassword', Buffer.from(value!, 'utf8'));
      expect(classified.scheme).toBe(t.schemes[0]);
      expect(await verifyCandidate(classified, t.planted!.password)).toBe(true);
    }
  }, 60_000);

  it('is the same school for the same seed, and pinned shares are honoured', async () => {
    const again = await generateSchool({ seed: 1212, accounts: 400, flavour: 'sdet', imposed: true });
    expect(again.truth).toEqual(school.truth);
    expect(again.imposed).toEqual(school.imposed);
    const pinned = await generateSchool({ seed: 1212, accounts: 120, flavour: 'sdet', imposed: { studentShare: 1, staffShare: 1, argon2Share: 0, legacyDefaults: 0 } });
    const students = pinned.truth.filter((t) => t.profile === 'student' && t.planted);
    expect(students.every((t) => t.planted?.imposed)).toBe(true);
    expect(pinned.truth.every((t) => t.schemes.every((s) => s === 'SSHA'))).toBe(true);
    // Same seed, same formula: a pinned share does not move the other draws.
    expect(pinned.imposed?.formula).toBe(school.imposed?.formula);
  }, 60_000);

  it('never writes a password in a description, the summary or the truth file', () => {
    const json = publicTruthJson(school).toLowerCase();
    const summary = JSON.stringify(school.imposed).toLowerCase();
    for (const t of [...imposedOf(school.truth), ...defaultOf(school.truth)]) {
      const password = t.planted!.password.toLowerCase();
      expect(t.planted!.description.toLowerCase()).not.toContain(password);
      expect(t.planted!.imposed?.formula.toLowerCase() ?? '').not.toContain(password);
      expect(summary).not.toContain(password);
      if (!t.schemes.includes('CLEARTEXT')) expect(json).not.toContain(password);
    }
    expect(json).not.toContain('"password"');
  });

  it('refuses a flavour without birth dates, and shares out of range', async () => {
    await expect(generateSchool({ seed: 1, accounts: 40, flavour: 'samba3', imposed: true })).rejects.toThrow(VigieError);
    await expect(generateSchool({ seed: 1, accounts: 40, flavour: 'sdet', imposed: { studentShare: 1.5 } })).rejects.toThrow(/studentShare/);
    await expect(generateSchool({ seed: 1, accounts: 40, flavour: 'sdet', imposed: { legacyDefaults: -1 } })).rejects.toThrow(/legacyDefaults/);
  });
});

describe("the shapes any auditor tries first (issue #12), in every school", () => {
  const descriptions = async (auditorShapes?: boolean): Promise<string[]> => {
    const s = await generateSchool({ seed: 77, accounts: 1500, flavour: 'sdet', weakShare: 0.9, town: 'Saint-Martin-des-Champs', ...(auditorShapes === undefined ? {} : { auditorShapes }) });
    return s.truth.flatMap((t) => (t.planted ? [t.planted.description] : []));
  };

  it('plants login and initial + surname with birth dates, surname + initial + year, town words and default phrases', async () => {
    const d = await descriptions();
    for (const prefix of ['login+birthdate:', 'initial+surname+birthdate:', 'surname+initial+birthdate:YYYY', 'school:town:word', 'school-default:']) {
      expect(d.some((x) => x.startsWith(prefix)), prefix).toBe(true);
    }
  }, 60_000);

  it('plants none of them when asked not to (the committed demo files)', async () => {
    const d = await descriptions(false);
    expect(d.some((x) => /^(login\+birthdate|initial\+surname|surname\+initial|school:town:word|school-default)/.test(x))).toBe(false);
  }, 60_000);
});
