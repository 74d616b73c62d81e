import { describe, expect, it } from 'vitest';
import { knownPatternIds } from '../patterns.ts';
import { hybridCandidate, hybridHead, hybridPlan } from './hybrid.ts';

const pairOf = (plan: NonNullable<ReturnType<typeof hybridPlan>>, stem: string, suffix: string): number =>
  plan.stems.indexOf(stem) * plan.suffixes.length + plan.suffixes.indexOf(suffix);

describe('the hybrid product (common word + digits, year, symbol)', () => {
  it('is left out at quick depth and grows with depth', () => {
    expect(hybridPlan('quick')).toBeNull();
    const standard = hybridPlan('standard')!;
    const deep = hybridPlan('deep')!;
    expect(standard.size).toBe(standard.stems.length * standard.suffixes.length);
    expect(standard.size).toBeGreaterThan(100_000);
    expect(deep.size).toBeGreaterThan(100 * standard.size);
  });

  it('makes the mangled passwords a digit rule produces, each under its pattern', () => {
    const standard = hybridPlan('standard')!;
    for (const [stem, suffix, pattern] of [
      ['soleil', '2024', 'common:word+year'], ['Soleil', '13!', 'common:word+digits+symbol'], ['azerty', '123', 'common:word+digits'],
      ['marseille', '!', 'common:word+symbol'], ['chocolat', '1987.', 'common:word+year+symbol'], ['soleil', '07', 'common:word+digits'],
    ] as const) {
      const pair = pairOf(standard, stem, suffix);
      expect(pair, `${stem}${suffix}`).toBeGreaterThanOrEqual(0);
      expect(hybridCandidate(standard, pair)).toEqual({ password: stem + suffix, family: 'common', patternId: pattern });
    }
    const deep = hybridPlan('deep')!;
    expect(pairOf(deep, 'Nathalie', '2010#')).toBeGreaterThanOrEqual(0);
    expect(pairOf(deep, 'papillon', '007$')).toBeGreaterThanOrEqual(0);
  });

  it('has no stem that is not a word, no empty or repeated suffix, and a label for every pattern', () => {
    const deep = hybridPlan('deep')!;
    expect(deep.stems.every((s) => /^\p{L}{3,}$/u.test(s))).toBe(true);
    expect(new Set(deep.stems).size).toBe(deep.stems.length);
    expect(deep.suffixes).not.toContain('');
    expect(new Set(deep.suffixes).size).toBe(deep.suffixes.length);
    const known = new Set(knownPatternIds());
    for (const p of new Set(deep.patterns)) expect(known.has(p), p).toBe(true);
  });

  it('tries recent years and small numbers before old years', () => {
    const { suffixes } = hybridPlan('standard')!;
    expect(suffixes.indexOf('2025')).toBeLessThan(suffixes.indexOf('1975'));
    expect(suffixes.indexOf('1')).toBeLessThan(suffixes.indexOf('1975'));
  });

  it('takes the most likely words and suffixes for a small budget, never more than it', () => {
    const deep = hybridPlan('deep')!;
    for (const budget of [1, 50, 1_000, 5_000, 100_000]) {
      const head = hybridHead(deep, budget);
      expect(head.size).toBeLessThanOrEqual(Math.max(budget, head.suffixes.length));
      expect(head.stems).toEqual(deep.stems.slice(0, head.stems.length));
      expect(head.suffixes).toEqual(deep.suffixes.slice(0, head.suffixes.length));
    }
    const head = hybridHead(deep, 5_000);
    expect(head.stems.length).toBeGreaterThan(10);
    expect(hybridCandidate(head, pairOf(head, head.stems[3]!, head.suffixes[2]!)).password).toBe(head.stems[3]! + head.suffixes[2]!);
  });
});
