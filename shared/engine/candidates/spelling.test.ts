import { describe, expect, it } from 'vitest';
import { applyCase, foldAccents, nameSpellings } from './spelling.ts';

describe('foldAccents', () => {
  it.each([
    ['Élodie', 'Elodie'], ['Lefèvre', 'Lefevre'], ['François', 'Francois'], ['Cœur', 'Coeur'], ['Lætitia', 'Laetitia'],
    ['Noël', 'Noel'], ['Zoé', 'Zoe'], ['ŒUVRE', 'OEUVRE'],
  ])('%s → %s', (input, folded) => {
    expect(foldAccents(input)).toBe(folded);
  });
});

describe('applyCase', () => {
  it.each([
    ["n'guessan-lefevre", 'capitalised', "N'Guessan-Lefevre"],
    ['élodie', 'capitalised', 'Élodie'],
    ['élodie', 'upper', 'ÉLODIE'],
    ['MARTIN', 'lower', 'martin'],
    ['0290009c', 'capitalised', '0290009c'],
  ] as const)('%s as %s', (text, style, expected) => {
    expect(applyCase(text, style)).toBe(expected);
  });
});

describe('nameSpellings', () => {
  const spellings = (name: string, firstPartRank?: number): Map<string, number> =>
    new Map(nameSpellings(name, firstPartRank).map((s) => [s.text, s.rank]));

  it('puts the folded, joined spelling first', () => {
    expect(nameSpellings("N'Guessan-Lefèvre")[0]).toEqual({ text: 'nguessanlefevre', rank: 0 });
  });
  it.each([
    ["N'Guessan-Lefèvre", ['nguessanlefevre', 'nguessanlefèvre', 'nguessan-lefevre', 'nguessan', 'lefevre', 'lefèvre', "n'guessan-lefevre", 'guessan']],
    ['de La Fontaine', ['delafontaine', 'lafontaine', 'fontaine', 'de la fontaine']],
    ["N'Diaye", ['ndiaye', "n'diaye", 'diaye']],
    ['Martin Dupont', ['martindupont', 'martin', 'dupont', 'martin dupont']],
    ['Cœurdevey', ['coeurdevey', 'cœurdevey']],
  ])('%s', (name, expected) => {
    const found = spellings(name);
    for (const text of expected) expect(found.has(text), text).toBe(true);
  });
  it('ranks the first part of a compound surname as likely as the whole when asked', () => {
    expect(spellings("N'Guessan-Lefèvre", 0).get('nguessan')).toBe(0);
    expect(spellings("N'Guessan-Lefèvre").get('nguessan')).toBe(1);
  });
  it('drops particles as parts', () => {
    expect(spellings('de La Fontaine').has('de')).toBe(false);
    expect(spellings('de La Fontaine').has('la')).toBe(false);
  });
  it('gives nothing for an empty name', () => {
    expect(nameSpellings('  ')).toEqual([]);
  });
});
