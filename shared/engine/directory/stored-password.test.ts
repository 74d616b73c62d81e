import { describe, expect, it } from 'vitest';
import { storedPasswordEnd } from './stored-password.ts';

const stored = (text: string, padding: number[] = []): Uint8Array => Uint8Array.from([...Buffer.from(text, 'latin1'), ...padding]);
const kept = (bytes: Uint8Array): string => Buffer.from(bytes.subarray(0, storedPasswordEnd(bytes, 0, bytes.length))).toString('latin1');

describe('storedPasswordEnd', () => {
  const phc = '{ARGON2}$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA';

  it("ends an {ARGON2} value at its first NUL, whatever slapd's over-sized buffer left after it", () => {
    expect(kept(stored(phc, [0, 0]))).toBe(phc);
    expect(kept(stored(phc, [0, 0x08]))).toBe(phc);
    expect(kept(stored(phc, [0, 0xff, 0x41, 0]))).toBe(phc);
    expect(kept(stored(phc.replace('{ARGON2}', '{argon2}'), [0, 0x33]))).toBe(phc.replace('{ARGON2}', '{argon2}'));
    expect(kept(stored(phc))).toBe(phc);
  });

  it('strips only trailing NULs from any other value, binary included', () => {
    expect(kept(stored('{SSHA}abc', [0, 0]))).toBe('{SSHA}abc');
    expect(kept(stored('AB\0CD', [0]))).toBe('AB\0CD');
    expect(kept(stored('[ARGON2]x\0y'))).toBe('[ARGON2]x\0y');
    expect(kept(stored('', [0, 0]))).toBe('');
  });

  it('honours the range it is given', () => {
    const bytes = stored(`xx${phc}`, [0, 0x08, 0x41]);
    expect(storedPasswordEnd(bytes, 2, bytes.length)).toBe(2 + phc.length);
    expect(storedPasswordEnd(stored('ab\0\0cd'), 0, 4)).toBe(2);
  });
});
