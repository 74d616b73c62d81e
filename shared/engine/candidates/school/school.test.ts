import { describe, expect, it } from 'vitest';
import type { Depth } from '../../../contract/codes.ts';
import { emptySchoolContext } from '../../directory/model.ts';
import type { Candidate } from '../family.ts';
import { SCHOOL } from '../fixtures.ts';
import { currentYear } from '../suffixes.ts';
import { schoolCandidates } from './school.ts';

const all = (depth: Depth = 'standard', school = SCHOOL): Candidate[] => [...schoolCandidates(school, depth)];
const first = (list: Candidate[]): Map<string, Candidate> => {
  const map = new Map<string, Candidate>();
  for (const c of list) if (!map.has(c.password)) map.set(c.password, c);
  return map;
};

describe("a school's own words as written", () => {
  const school = { ...SCHOOL, names: ['Collège Émile Zola'], towns: ['Saint-Martin-des-Champs'] };
  const list = all('standard', school);
  const rank = (password: string): number => list.findIndex((c) => c.password === password);
  it('types a multi-word town joined, its capitals kept or each word capitalised, among the first candidates', () => {
    for (const password of ['SaintMartindesChamps', 'SaintMartinDesChamps', 'SaintMartindesChamps2025']) {
      expect(rank(password), password).toBeGreaterThanOrEqual(0);
      expect(rank(password), password).toBeLessThan(100);
    }
  });
  it("puts the school's own kind word before the other kinds' in the start-of-year defaults", () => {
    expect(rank('College2025')).toBeGreaterThanOrEqual(0);
    expect(rank('College2025')).toBeLessThan(rank('Lycee2025'));
    const lycee = all('standard', { ...school, names: ['LG-EMILE ZOLA-ac-LYON'] });
    const at = (password: string): number => lycee.findIndex((c) => c.password === password);
    expect(at('Lycee2025')).toBeLessThan(at('College2025'));
  });
});

describe('school candidates (standard)', () => {
  const found = first(all());
  const year = currentYear();
  const table: [string, string][] = [
    ['jeanmoulin', 'school-name'],
    ['Jeanmoulin', 'school-name'],
    ['JEANMOULIN', 'school-name'],
    ['jean.moulin', 'school-name'],
    ['Jean.Moulin', 'school-name'],
    [`jeanmoulin${year}`, 'school-name+year'],
    [`Jeanmoulin${year - 1}`, 'school-name+year'],
    ['jeanmoulin123', 'school-name+suffix'],
    ['iroise', 'school-name'],
    ['Iroise2020', 'school-name+year'],
    ['moulin', 'school-word'],
    ['ljm', 'school-initials'],
    ['LJM', 'school-initials'],
    ['lyceejeanmoulin', 'school-fullname'],
    ['brest', 'town'],
    ['Brest1', 'town+suffix'],
    ['rennes', 'academy'],
    ['0290009c', 'uai'],
    ['0290009C', 'uai'],
    ['ts2', 'class'],
    ['2NDE3', 'class'],
    ['jeanmoulinbrest', 'school-name+town'],
    ['jeanmoulin0290009C', 'school-name+uai'],
  ];
  it.each(table)('%s is a candidate labelled %s', (password, patternId) => {
    expect(found.get(password)?.patternId).toBe(patternId);
    expect(found.get(password)?.family).toBe('school');
  });
  it('leaves out stop words alone, as words of the school', () => {
    for (const word of ['lg', 'de', 'ac', 'lycee']) expect(found.has(word), word).toBe(false);
    // "Lycee" is a default word schools hand out (« Lycee2025! »), not a word of this school's name.
    expect(found.get('Lycee')?.patternId).toBe('default-word');
  });
});

describe('school candidates: order and sizes', () => {
  it('starts with the school name', () => {
    expect(all('quick')[0]).toEqual({ password: 'jeanmoulin', family: 'school', patternId: 'school-name' });
  });
  it('is deterministic and each depth extends the one before', () => {
    const quick = all('quick');
    const standard = all('standard');
    expect(all('standard')).toEqual(standard);
    expect(standard.slice(0, quick.length)).toEqual(quick);
    expect(all('deep').slice(0, standard.length)).toEqual(standard);
  });
  it('gives only the start-of-year vocabulary for a school it knows nothing of', () => {
    const list = all('deep', emptySchoolContext());
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.patternId.startsWith('default-word'))).toBe(true);
  });
  it.each([['quick', 10, 300], ['standard', 500, 8_000], ['deep', 2_000, 30_000]] as const)('%s stays within its size', (depth, min, max) => {
    const n = new Set(all(depth).map((c) => c.password)).size;
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
  });
});

describe('school candidates: the shapes any auditor tries first (issue #12 §4)', () => {
  const year = currentYear();
  const yy = (y: number): string => String(y).slice(-2);
  /** Each password's first candidate, with the first depth that holds it. */
  const tiers = (school = SCHOOL): Map<string, { patternId: string; depth: Depth }> => {
    const out = new Map<string, { patternId: string; depth: Depth }>();
    for (const depth of ['quick', 'standard', 'deep'] as const) {
      for (const c of all(depth, school)) if (!out.has(c.password)) out.set(c.password, { patternId: c.patternId, depth });
    }
    return out;
  };
  const found = tiers();
  it.each([
    // The start-of-year vocabulary × a recent year × a symbol × a case: Capitalised, year, '!' first.
    [`Rentree${year}!`, 'default-word+year+symbol', 'quick'],
    [`Bienvenue${year - 1}`, 'default-word+year', 'quick'],
    ['rentree', 'default-word', 'quick'],
    ['Changemoi*', 'default-word+symbol', 'standard'],
    [`changeme${yy(year)}!`, 'default-word+year+symbol', 'standard'],
    [`Motdepasse${year}!`, 'default-word+year+symbol', 'quick'],
    [`Sesame${year + 1}.`, 'default-word+year+symbol', 'standard'],
    [`RENTREE${year}`, 'default-word+year', 'standard'],
    [`Provisoire${year - 3}$`, 'default-word+year+symbol', 'deep'],
    [`RENTREE${yy(year)}#`, 'default-word+year+symbol', 'deep'],
    // The school's own words the same way.
    [`Jeanmoulin${year}!`, 'school-name+year+symbol', 'quick'],
    [`Brest${yy(year)}*`, 'town+year+symbol', 'standard'],
    [`Moulin${year - 1}@`, 'school-word+year+symbol', 'standard'],
    ['Iroise#', 'school-name+symbol', 'standard'],
  ] as const)('%s is %s at %s', (password, patternId, depth) => {
    expect(found.get(password)).toEqual({ patternId, depth });
  });
  it('leaves what the common list already holds to it: "motdepasse" stays a common password', () => {
    for (const password of ['motdepasse', 'bienvenue', 'password', 'Password']) expect(found.has(password), password).toBe(false);
  });
  it('takes each word of a multi-word town, and "saint" with its word', () => {
    const town = tiers({ ...SCHOOL, towns: ["Saint-Martin-d'Hères"] });
    expect(town.get('saintmartindheres')).toEqual({ patternId: 'town', depth: 'quick' });
    expect(town.get('martin')).toEqual({ patternId: 'town-word', depth: 'quick' });
    expect(town.get('Heres')).toEqual({ patternId: 'town-word', depth: 'quick' });
    expect(town.get('saintmartin')).toEqual({ patternId: 'town-word', depth: 'quick' });
    expect(town.get(`Martin${year}!`)).toEqual({ patternId: 'town-word+year+symbol', depth: 'standard' });
    expect(town.get(`heres${year}`)).toEqual({ patternId: 'town-word+year', depth: 'quick' });
    expect(town.has('saint')).toBe(false);
    expect(town.has('d')).toBe(false);
  });
  it('takes each word of a multi-word school name', () => {
    const school = tiers({ ...emptySchoolContext(), names: ['Lycée Jean Moulin'] });
    expect(school.get('moulin')).toEqual({ patternId: 'school-word', depth: 'quick' });
    expect(school.get('jean')).toEqual({ patternId: 'school-word', depth: 'quick' });
  });
});
