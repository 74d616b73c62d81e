import { describe, expect, it } from 'vitest';
import { nameWithDate, type NameBase } from './grammar.ts';

const date = { year: 2008, month: 3, day: 15 };
const DUPONT: NameBase = { text: 'dupont', id: 'surname', cost: 0 };

function run(bases: NameBase[], min: number, max: number): [string, string][] {
  const out: [string, string][] = [];
  nameWithDate(bases, date, min, max, (password, id) => out.push([password, id]));
  return out;
}

describe('nameWithDate', () => {
  it('gives only the cheapest combinations in band 0: the name with the full date or the year, after it', () => {
    expect(run([DUPONT], 0, 0)).toEqual([['dupont15032008', 'surname+birthdate:DDMMYYYY'], ['dupont2008', 'surname+birthdate:YYYY']]);
  });
  it('names the order, the shape and a trailing symbol or digit in the id, never the separator', () => {
    const found = new Map(run([DUPONT], 0, 3));
    expect(found.get('2008dupont')).toBe('birthdate+surname:YYYY');
    expect(found.get('2008.dupont')).toBe('birthdate+surname:YYYY');
    expect(found.get('dupont_150308')).toBe('surname+birthdate:DDMMYY');
    expect(found.get('dupont-08')).toBe('surname+birthdate:YY');
    expect(found.get('dupont2008!')).toBe('surname+birthdate:YYYY+symbol');
    expect(found.get('dupont15032008*')).toBe('surname+birthdate:DDMMYYYY+symbol');
    expect(found.get('dupont15032008?')).toBe('surname+birthdate:DDMMYYYY+symbol');
    expect(found.get('dupont20081')).toBe('surname+birthdate:YYYY+suffix');
    expect(found.get('2008dupont!')).toBe('birthdate+surname:YYYY+symbol');
  });
  it('keeps a band to its costs: a rare shape with a separator and a symbol is left for a dearer band', () => {
    const cheap = new Set(run([DUPONT], 0, 3).map(([p]) => p));
    // MMYYYY (2) + '.' (1) + '!' (1) = 4; a separator beside slashes costs one more (DD/MM/YYYY 1 + '.' 1 + 1 = 3).
    expect(cheap.has('dupont.032008!')).toBe(false);
    expect(cheap.has('dupont.15/03/2008')).toBe(true);
    expect(cheap.has('dupont.15/03/2008!')).toBe(false);
    const dear = new Set(run([DUPONT], 4, 5).map(([p]) => p));
    expect(dear.has('dupont.032008!')).toBe(true);
    expect(dear.has('dupont.15/03/2008!')).toBe(true);
    expect([...dear].some((p) => cheap.has(p))).toBe(false);
  });
  it('lists cheaper combinations first, and a costlier name after a cheaper one', () => {
    const out = run([DUPONT, { text: 'jdupont', id: 'gsurname', cost: 1 }], 0, 3).map(([p]) => p);
    expect(out.indexOf('dupont15032008')).toBeLessThan(out.indexOf('dupont150308'));
    expect(out.indexOf('dupont150308')).toBeLessThan(out.indexOf('dupont.150308'));
    // Both cost 1: the name's own order decides.
    expect(out.indexOf('dupont150308')).toBeLessThan(out.indexOf('jdupont15032008'));
    expect(out.indexOf('jdupont15032008')).toBeLessThan(out.indexOf('jdupont150308'));
  });
  it('skips a name dearer than the band and emits each combination once', () => {
    expect(run([{ text: 'x', id: 'initials', cost: 6 }], 0, 5)).toEqual([]);
    const out = run([DUPONT], 0, 5).map(([p]) => p);
    expect(new Set(out).size).toBe(out.length);
  });
});
