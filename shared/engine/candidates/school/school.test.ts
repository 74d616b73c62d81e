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
  it('leaves out stop words alone', () => {
    for (const word of ['lg', 'de', 'ac', 'lycee', 'Lycee']) expect(found.has(word), word).toBe(false);
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
  it('gives nothing for a school it knows nothing of', () => {
    expect(all('deep', emptySchoolContext())).toEqual([]);
  });
  it.each([['quick', 10, 200], ['standard', 500, 5_000], ['deep', 2_000, 30_000]] as const)('%s stays within its size', (depth, min, max) => {
    const n = new Set(all(depth).map((c) => c.password)).size;
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
  });
});
