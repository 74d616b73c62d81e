import { describe, expect, it } from 'vitest';
import { bitsPerWord, newPassphrase, passphraseBits, passphraseWords, wordsPerPassphrase } from './passphrase.ts';

describe('temporary passphrases', () => {
  it('reach the CNIL 80 bits from the size of the list actually used', () => {
    const words = passphraseWords();
    expect(new Set(words).size).toBe(words.length);
    expect(words.length).toBeGreaterThan(4000);
    expect(bitsPerWord()).toBeCloseTo(Math.log2(words.length), 10);
    expect(passphraseBits()).toBeGreaterThanOrEqual(80);
    expect((wordsPerPassphrase() - 1) * bitsPerWord()).toBeLessThan(80);
  });

  it('draw only plain lower-case French words of 4 to 9 letters, and no unfit ones', () => {
    for (const w of passphraseWords()) expect(w).toMatch(/^[a-z]{4,9}$/);
    expect(passphraseWords()).not.toContain('merde');
    expect(passphraseWords()).toContain('maison');
  });

  it('are made of that many words from the list, and differ every time', () => {
    const list = new Set(passphraseWords());
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = newPassphrase();
      const parts = p.split('-');
      expect(parts).toHaveLength(wordsPerPassphrase());
      for (const w of parts) expect(list.has(w)).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
