import { describe, expect, it } from 'vitest';
import { fr } from '../../../contract/messages-fr.ts';
import { DATE_SHAPES, formatBirthDate, type DateShape } from './birthdate.ts';

const frenchShape = fr.patterns.dateShape;

const date = { year: 2008, month: 7, day: 9 };

describe('formatBirthDate', () => {
  const table: [DateShape, string][] = [
    ['DDMMYYYY', '09072008'], ['DDMMYY', '090708'], ['YYYYMMDD', '20080709'], ['DD/MM/YYYY', '09/07/2008'],
    ['DD.MM.YYYY', '09.07.2008'], ['DD-MM-YYYY', '09-07-2008'], ['YYYY', '2008'], ['DDMM', '0907'],
    ['MMYYYY', '072008'], ['YY', '08'],
  ];
  it.each(table)('%s', (shape, expected) => {
    expect(formatBirthDate(date, shape)).toBe(expected);
  });
  it('covers every shape', () => {
    expect(table.map(([s]) => s).sort()).toEqual([...DATE_SHAPES].sort());
  });
});

describe('frenchShape', () => {
  it.each([['DDMMYYYY', 'JJMMAAAA'], ['DD/MM/YYYY', 'JJ/MM/AAAA'], ['MMYYYY', 'MMAAAA']] as const)('%s → %s', (s, fr) => {
    expect(frenchShape(s)).toBe(fr);
  });
});
