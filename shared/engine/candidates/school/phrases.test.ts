import { describe, expect, it } from 'vitest';
import { isTopCommon } from './defaults.ts';
import { phrases, phraseYears, type PhraseBase } from './phrases.ts';

const RENTREE: PhraseBase = { text: 'rentree', source: 'default-word', cost: 0 };

describe('phraseYears', () => {
  it('puts this year and the last first, then the next and the one before; two-digit years a step later', () => {
    const years = phraseYears(2026);
    expect(years.filter((y) => y.cost === 0).map((y) => y.text)).toEqual(['', '2026', '2025']);
    expect(years.filter((y) => y.cost === 1).map((y) => y.text)).toEqual(['2027', '2024', '26', '25']);
    expect(years.map((y) => y.text)).toContain('23');
    expect(years).toHaveLength(11);
  });
});

describe('phrases', () => {
  it('gives the cheapest band first: Capitalised and lower, this year or the last or none, "!" or nothing', () => {
    const band0 = phrases([RENTREE], 2026, 0, 0).map((c) => c.password);
    expect(band0).toEqual([
      'Rentree', 'Rentree!', 'Rentree2026', 'Rentree2026!', 'Rentree2025', 'Rentree2025!',
      'rentree', 'rentree!', 'rentree2026', 'rentree2026!', 'rentree2025', 'rentree2025!',
    ]);
  });
  it('names the year and the symbol in the id', () => {
    const ids = new Map(phrases([RENTREE], 2026, 0, 9).map((c) => [c.password, c.patternId]));
    expect(ids.get('Rentree2026!')).toBe('default-word+year+symbol');
    expect(ids.get('RENTREE26$')).toBe('default-word+year+symbol');
    expect(ids.get('rentree*')).toBe('default-word+symbol');
    expect(ids.get('rentree24')).toBe('default-word+year');
    expect(ids.get('Rentree')).toBe('default-word');
  });
  it('splits the product into bands without overlap, each in cost order, and the whole is the full product', () => {
    const bands = [[0, 0], [1, 1], [2, 3], [4, 9]].map(([min, max]) => phrases([RENTREE], 2026, min!, max!).map((c) => c.password));
    const whole = bands.flat();
    expect(new Set(whole).size).toBe(whole.length);
    // 3 cases × (no year + 5 years × 2 spellings) × (no symbol + 7 symbols).
    expect(whole).toHaveLength(3 * 11 * 8);
  });
  it('leaves out what `keep` refuses, and dearer bases for dearer bands', () => {
    const secret: PhraseBase = { text: 'secret', source: 'default-word', cost: 2 };
    const list = phrases([RENTREE, secret], 2026, 0, 1, (password) => !password.endsWith('!'));
    expect(list.some((c) => c.password.endsWith('!'))).toBe(false);
    expect(list.some((c) => c.password.toLowerCase().startsWith('secret'))).toBe(false);
  });
});

describe('isTopCommon', () => {
  it('holds the common list top and its Capitalised and UPPER twins (an LM value folds case), not the rest', () => {
    expect(isTopCommon('motdepasse')).toBe(true);
    expect(isTopCommon('Motdepasse')).toBe(true);
    expect(isTopCommon('rentree')).toBe(false);
    expect(isTopCommon('MOTDEPASSE')).toBe(true);
    expect(isTopCommon('MotDePasse')).toBe(false);
    expect(isTopCommon('Motdepasse2025!')).toBe(false);
  });
});
