import { describe, expect, it } from 'vitest';
import { emptySchoolContext } from '../../directory/model.ts';
import { SCHOOL } from '../fixtures.ts';
import { parseSchoolName, schoolWords } from './words.ts';

describe('parseSchoolName', () => {
  it.each([
    ['Lycée Jean Moulin', { joined: 'jeanmoulin', full: 'lyceejeanmoulin', words: ['jean', 'moulin'], initials: 'ljm', academy: null }],
    ["LG-DE L'IROISE-ac-RENNES", { joined: 'iroise', full: 'lyceedeliroise', words: ['iroise'], initials: 'li', academy: 'rennes' }],
    ['Collège Saint-Exupéry', { joined: 'exupery', full: 'collegesaintexupery', words: ['exupery'], initials: 'cse', academy: null }],
    ['École élémentaire Les Tilleuls', { joined: 'tilleuls', full: 'ecoleelementairelestilleuls', words: ['tilleuls'], initials: 'eet', academy: null }],
  ])('%s', (name, expected) => {
    const parsed = parseSchoolName(name);
    const { joined, full, words, initials, academy } = parsed;
    expect({ joined, full, words, initials, academy }).toEqual(expected);
  });
  it('keeps a hyphenated name as one compound', () => {
    expect(parseSchoolName('Collège Saint-Exupéry').compounds).toEqual(['saintexupery']);
    expect(parseSchoolName("LG-DE L'IROISE-ac-RENNES").compounds).toEqual([]);
  });
});

describe('schoolWords', () => {
  const words = schoolWords(SCHOOL);
  it.each(['iroise', 'rennes', 'jean', 'moulin', 'brest', '0290009c', '2nde3', 'ts2'])('includes %s', (word) => {
    expect(words).toContain(word);
  });
  it.each(['lg', 'de', 'ac', 'l', 'lycee'])('leaves out the stop word %s', (word) => {
    expect(words).not.toContain(word);
  });
  it('has no duplicates and nothing for an empty school', () => {
    expect(new Set(words).size).toBe(words.length);
    expect(schoolWords(emptySchoolContext())).toEqual([]);
  });
  it('reads free text like a name', () => {
    expect(schoolWords({ ...emptySchoolContext(), extra: ['Collège Victor Hugo'] })).toEqual(['victor', 'hugo']);
  });
});
