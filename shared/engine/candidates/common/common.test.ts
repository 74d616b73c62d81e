import { describe, expect, it } from 'vitest';
import type { Depth } from '../../../contract/codes.ts';
import type { Candidate } from '../family.ts';
import { COMMON_SIZES, commonCandidates } from './common.ts';
import { rankedWords } from './ranking.ts';

const all = (depth: Depth): Candidate[] => [...commonCandidates(depth)];

describe('common candidates', () => {
  const quick = all('quick');
  const index = (password: string): number => quick.findIndex((c) => c.password === password);

  it.each(['123456', 'azerty', 'password', 'soleil', 'azertyuiop', 'loulou'])('quick includes %s', (password) => {
    expect(index(password)).toBeGreaterThanOrEqual(0);
    expect(quick[index(password)]?.patternId).toBe('common');
  });
  it('keeps frequency order, with French favourites moved up', () => {
    expect(quick[0]?.password).toBe('123456');
    expect(index('123456')).toBeLessThan(index('12345678'));
    expect(index('azerty')).toBeLessThan(20);
    expect(index('soleil')).toBeLessThan(rankedWords().passwords.length);
    expect(index('soleil')).toBeLessThan(500);
  });
  it("ranks France's favourites that zxcvbn-ts's lists lack near the top", () => {
    expect(index('motdepasse')).toBeLessThan(20);
    expect(index('doudou')).toBeLessThan(20);
    expect(index('jetaime')).toBeLessThan(40);
  });
  it('adds a Capitalised twin of the very top ones', () => {
    expect(quick[index('Azerty')]?.patternId).toBe('common:capitalised');
    expect(index('Azerty')).toBe(index('azerty') + 1);
  });
  it('never repeats a password', () => {
    const deep = all('deep');
    expect(new Set(deep.map((c) => c.password)).size).toBe(deep.length);
  });
  it('adds French given names and words at deep only', () => {
    const deep = all('deep');
    expect(deep.some((c) => c.patternId === 'common:name-fr')).toBe(true);
    expect(deep.some((c) => c.patternId === 'common:word-fr')).toBe(true);
    expect(all('standard').some((c) => c.patternId !== 'common' && c.patternId !== 'common:capitalised')).toBe(false);
  });
  it.each([['quick', 1_000, 1_100], ['standard', 10_000, 10_500], ['deep', 49_000, 120_000]] as const)('%s stays within its size', (depth, min, max) => {
    const n = all(depth).length;
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
    expect(COMMON_SIZES[depth]).toBeDefined();
  });
});
