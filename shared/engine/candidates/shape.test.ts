// A password's shape names its build, its case and its punctuation, never its letters or digits.
import { describe, expect, it } from 'vitest';
import { shapeLabel } from '../../contract/pattern-labels.ts';
import { letterCase, parseShape, shapeOf } from './shape.ts';

describe('letterCase', () => {
  it('tells lower, Capitalised, UPPER and mixed letters apart', () => {
    expect(letterCase('dupont2008')).toBe('lower');
    expect(letterCase('Dupont2008')).toBe('capitalised');
    expect(letterCase('Jean.Dupont')).toBe('capitalised');
    expect(letterCase('DUPONT.08')).toBe('upper');
    expect(letterCase('JDupont')).toBe('mixed');
    expect(letterCase('15032008')).toBe('none');
  });

  it("counts a compound name Capitalised whether its second part was capitalised or not", () => {
    expect(letterCase('Lefevre-Dubois2008')).toBe('capitalised');
    expect(letterCase('Lefevre-dubois2008')).toBe('capitalised');
    expect(letterCase('Élodie2008')).toBe('capitalised');
  });
});

describe('shapeOf', () => {
  it("keeps the formula's punctuation and drops a name's own hyphen or apostrophe", () => {
    expect(shapeOf('surname+birthdate:YY', 'DUPONT.08')).toBe('surname+birthdate:YY|upper|.');
    expect(shapeOf('surname+birthdate:DD/MM/YYYY', "n'guessan-lefevre15/03/2008!")).toBe('surname+birthdate:DD/MM/YYYY|lower|//!');
    expect(shapeOf('surname+birthdate:YYYY', 'Martin-Dupont2008')).toBe(shapeOf('surname+birthdate:YYYY', 'Roche2008'));
  });

  it('holds no letter or digit of the password, and parses back', () => {
    const shape = shapeOf('given+birthdate:DDMMYYYY', 'Camille.15032008');
    expect(shape.slice('given+birthdate:DDMMYYYY'.length)).toBe('|capitalised|.');
    expect(parseShape(shape)).toEqual({ patternId: 'given+birthdate:DDMMYYYY', letterCase: 'capitalised', punctuation: '.' });
  });
});

describe('shapeLabel', () => {
  it('says the case and the punctuation the pattern does not already say, in French and English', () => {
    expect(shapeLabel('surname+birthdate:YY|upper|.', 'fr')).toBe('nom + date de naissance (AA) — MAJUSCULES, avec « . »');
    expect(shapeLabel('surname+birthdate:DD/MM/YYYY|lower|//', 'fr')).toBe('nom + date de naissance (JJ/MM/AAAA) — minuscules');
    expect(shapeLabel('birthdate:DDMMYYYY|none|', 'en')).not.toContain('—');
  });
});
