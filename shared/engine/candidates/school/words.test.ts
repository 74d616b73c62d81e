import { describe, expect, it } from 'vitest';
import { emptySchoolContext } from '../../directory/model.ts';
import { SCHOOL } from '../fixtures.ts';
import { parseSchoolName, parseTownName, schoolWords } from './words.ts';

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

describe('parseTownName', () => {
  it.each([
    ["Saint-Martin-d'Hères", { joined: 'saintmartindheres', words: ['martin', 'heres'], compounds: ['saintmartin'] }],
    ['Le Havre', { joined: 'lehavre', words: ['havre'], compounds: [] }],
    ['Aix-en-Provence', { joined: 'aixenprovence', words: ['aix', 'provence'], compounds: [] }],
    ['St-Denis', { joined: 'stdenis', words: ['denis'], compounds: ['saintdenis'] }],
    ['Sainte-Geneviève-des-Bois', { joined: 'saintegenevievedesbois', words: ['genevieve', 'bois'], compounds: ['saintegenevieve'] }],
    // An arrondissement is no word of the name; a one-word town is its own word already.
    ['Marseille 13e', { joined: 'marseille13e', words: ['marseille'], compounds: [] }],
    ['Brest', { joined: 'brest', words: [], compounds: [] }],
    ['Saint-Étienne', { joined: 'saintetienne', words: ['etienne'], compounds: [] }],
  ])('%s', (town, expected) => {
    expect(parseTownName(town)).toEqual(expected);
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
  it("counts a town's words and its saint compound", () => {
    const words = schoolWords({ ...emptySchoolContext(), towns: ["Saint-Martin-d'Hères"] });
    for (const word of ['martin', 'heres', 'saintmartin']) expect(words).toContain(word);
    expect(words).not.toContain('saint');
  });
  it('reads free text like a name', () => {
    expect(schoolWords({ ...emptySchoolContext(), extra: ['Collège Victor Hugo'] })).toEqual(['victor', 'hugo']);
  });
});
