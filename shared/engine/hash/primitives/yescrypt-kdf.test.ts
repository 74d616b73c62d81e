import { scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyValue, schemeByName } from '../classify.ts';
import { nativeScrypt, nativeYescrypt, useTypeScriptYescrypt, YESCRYPT_DEFAULTS, yescryptKdf, type YescryptParams } from './yescrypt-kdf.ts';

const salt = Buffer.from('NaCl-vigie-salt!');
const password = Buffer.from('Soleil2024!', 'utf8');

// Each reaches a different branch: classic scrypt (flags 0), WORM with t, read-write with p > 1 and t, and the
// pre-hash of large N (N/p ≥ 256 and N·r/p ≥ 2^17).
const PARAMS: YescryptParams[] = [
  { flags: 0, N: 16, r: 1, p: 1, t: 0 },
  { flags: 0, N: 64, r: 2, p: 3, t: 0 },
  { flags: 1, N: 32, r: 3, p: 2, t: 1 },
  { flags: 1, N: 32, r: 2, p: 1, t: 2 },
  { flags: YESCRYPT_DEFAULTS, N: 128, r: 8, p: 1, t: 0 },
  { flags: YESCRYPT_DEFAULTS, N: 64, r: 4, p: 2, t: 1 },
  { flags: YESCRYPT_DEFAULTS, N: 32, r: 5, p: 3, t: 3 },
  { flags: YESCRYPT_DEFAULTS, N: 1024, r: 128, p: 1, t: 0 },
];

function typeScriptKdf(params: YescryptParams): Buffer {
  useTypeScriptYescrypt(true);
  try {
    return yescryptKdf(password, salt, params);
  } finally {
    useTypeScriptYescrypt(false);
  }
}

describe('yescrypt KDF', () => {
  afterEach(() => useTypeScriptYescrypt(false));

  it('is scrypt when no yescrypt flag is set, in TypeScript and in the native addon alike', () => {
    const expected = scryptSync(password, salt, 32, { N: 64, r: 2, p: 3 });
    expect(typeScriptKdf({ flags: 0, N: 64, r: 2, p: 3, t: 0 }).equals(expected)).toBe(true);
    expect(yescryptKdf(password, salt, { flags: 0, N: 64, r: 2, p: 3, t: 0 }).equals(expected)).toBe(true);
  });

  it.runIf(nativeYescrypt() !== null)('gives in the native addon exactly what the TypeScript reference gives', () => {
    for (const params of PARAMS) {
      const native = yescryptKdf(password, salt, params);
      expect(native.toString('hex'), JSON.stringify(params)).toBe(typeScriptKdf(params).toString('hex'));
    }
  });

  it.runIf(nativeYescrypt() !== null)('gives scrypt natively while keeping one block in k, for any k, N, r and p', () => {
    for (const [N, r, p] of [[64, 2, 3], [1024, 8, 1], [256, 1, 2]] as const) {
      const expected = scryptSync(password, salt, 32, { N, r, p });
      for (const k of [1, 2, 3, 4, 7, 64, N]) {
        expect(nativeScrypt(password, salt, N, r, p, 32, k)!.toString('hex'), `N=${N} r=${r} p=${p} k=${k}`).toBe(expected.toString('hex'));
      }
    }
    expect(() => nativeScrypt(password, salt, 64, 2, 1, 32, 0)).toThrow(/TMTO/);
  });

  it.runIf(nativeYescrypt() !== null)('checks an OWASP-strength scrypt value written by OpenSSL in a quarter of its memory', async () => {
    const scheme = schemeByName('SCRYPT');
    useTypeScriptYescrypt(true); // no native SMix: created by node:crypto with all of V
    const value = await scheme.create('secret', { log2N: 17, blockSize: 8, parallelism: 1 });
    useTypeScriptYescrypt(false);
    const stored = classifyValue('userpassword', Buffer.from(value));
    expect(scheme.memoryBytes!(stored.parsed)).toBe(32 * 2 ** 20 + 128 * 8);
    expect(scheme.verify(stored.parsed, 'secret')).toBe(true);
    expect(scheme.verify(stored.parsed, 'Secret')).toBe(false);
  });

  it('checks libxcrypt vectors through the TypeScript path too', () => {
    useTypeScriptYescrypt(true);
    const stored = classifyValue('userpassword', Buffer.from('{CRYPT}$y$j75$saltsaltsalt$jyf/lxrpdyAIshWRo1x5DRC6KIE7sNRRtjcomR3PgHA'));
    expect(schemeByName('YESCRYPT').verify(stored.parsed, 'secret')).toBe(true);
    expect(schemeByName('YESCRYPT').verify(stored.parsed, 'secreT')).toBe(false);
  });

  it.runIf(nativeYescrypt() !== null)('checks libxcrypt vectors (16 MiB, pre-hashed) natively', () => {
    const scheme = schemeByName('YESCRYPT');
    const yes = classifyValue('userpassword', Buffer.from('{CRYPT}$y$j9T$saltsaltsalt$AnbE4uovRUrp5W/7h65lVXbBxJijULPRqRjd39xI5w9'));
    const empty = classifyValue('userpassword', Buffer.from('{CRYPT}$y$j9T$saltsaltsalt$fngpNhGkx4DMa5D10p0zPG3eL.oKthDF.wsC./kslu9'));
    expect(scheme.verify(yes.parsed, 'secret')).toBe(true);
    expect(scheme.verify(yes.parsed, '')).toBe(false);
    expect(scheme.verify(empty.parsed, '')).toBe(true);
  });
});
