// NT and LM specifics beyond the reference values in classify.test.ts.
import { describe, expect, it } from 'vitest';
import { lmHex, LM_IMPOSSIBLE } from './lm.ts';
import { ntHex } from './nt.ts';

describe('LM', () => {
  it('is case-insensitive, as Windows upper-cases before hashing', () => {
    expect(lmHex('password')).toBe('e52cac67419a9a224a3b108f3fa6cb6d');
    expect(lmHex('PASSWORD')).toBe(lmHex('password'));
    expect(lmHex('élève')).toBe(lmHex('ÉLÈVE'));
  });

  it('does not exist beyond 14 characters nor outside CP850', () => {
    expect(lmHex('abcdefghijklmn')).toMatch(/^[0-9a-f]{32}$/);
    expect(lmHex('abcdefghijklmno')).toBe(LM_IMPOSSIBLE);
    expect(lmHex('prix 10€')).toBe(LM_IMPOSSIBLE);
    expect(LM_IMPOSSIBLE).not.toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps the two 7-character halves independent', () => {
    // The second half of "password" is "d" padded with NULs; of "passwor" alone, all NULs (the empty LM half).
    expect(lmHex('passwor').slice(16)).toBe('aad3b435b51404ee');
    expect(lmHex('passworD').slice(0, 16)).toBe(lmHex('password').slice(0, 16));
  });
});

describe('NT', () => {
  it('hashes UTF-16LE, so case and accents matter', () => {
    expect(ntHex('password')).toBe('8846f7eaee8fb117ad06bdd830b7586c');
    expect(ntHex('Password')).not.toBe(ntHex('password'));
    expect(ntHex('')).toBe('31d6cfe0d16ae931b73c59d7e0c089c0');
    expect(ntHex('x'.repeat(100))).toMatch(/^[0-9a-f]{32}$/);
    // A long candidate after a short one: the reused buffers must not leak bytes between calls.
    expect(ntHex('password')).toBe('8846f7eaee8fb117ad06bdd830b7586c');
  });
});
