import { describe, expect, it } from 'vitest';
import { HASH_SCHEMES } from '../../contract/codes.ts';
import { FAST_SCHEMES, storageClass } from '../../testing/evaluation/compare.ts';
import { HASHCAT_MODES } from '../export/hashcat-modes.ts';
import { classifyValue } from './classify.ts';
import { readersOfTag, SCHEMES, schemeNamed } from './registry.ts';
import { UNKNOWN_WEAKNESS } from './schemes/readable-scheme.ts';

describe('the scheme registry', () => {
  it('has a descriptor for every scheme name but UNKNOWN, each with its own id', () => {
    for (const name of HASH_SCHEMES) expect(schemeNamed(name) !== undefined, name).toBe(name !== 'UNKNOWN');
    expect(new Set(SCHEMES.map((s) => s.id)).size).toBe(SCHEMES.length);
  });

  it('orders the schemes weakest first as the reports always did', () => {
    const order = [...SCHEMES.map((s) => ({ name: s.name, w: s.weakness })), { name: 'UNKNOWN', w: UNKNOWN_WEAKNESS }]
      .sort((a, b) => a.w - b.w).map((s) => s.name);
    expect([...new Set(order)]).toEqual([
      'CLEARTEXT', 'LM', 'CRYPT_DES', 'NT', 'MD5', 'SHA', 'SHA256', 'SHA384', 'SHA512',
      'SMD5', 'SSHA', 'SSHA256', 'SSHA384', 'SSHA512', 'MD5CRYPT', 'UNKNOWN',
      'PBKDF2_SHA1', 'SHA256CRYPT', 'SHA512CRYPT', 'PBKDF2_SHA256', 'PBKDF2_SHA512',
      'BCRYPT', 'SCRYPT', 'YESCRYPT', 'ARGON2D', 'ARGON2I', 'ARGON2ID',
    ]);
  });

  it('gives each name one storage class, weakness and exhaustiveness, whichever server wrote it', () => {
    for (const name of HASH_SCHEMES) {
      const all = SCHEMES.filter((s) => s.name === name);
      for (const s of all) {
        expect([s.storageClass, s.weakness, s.exhaustive], s.id).toEqual([all[0]!.storageClass, all[0]!.weakness, all[0]!.exhaustive]);
      }
    }
  });

  it('derives the evaluation\'s classes from the descriptors', () => {
    expect([...FAST_SCHEMES].sort()).toEqual(
      ['CLEARTEXT', 'MD5', 'SMD5', 'SHA', 'SSHA', 'SHA256', 'SSHA256', 'SHA384', 'SSHA384', 'SHA512', 'SSHA512', 'NT', 'LM'].sort(),
    );
    const byClass = (c: string) => HASH_SCHEMES.filter((s) => s !== 'UNKNOWN' && storageClass([s]) === c).sort();
    expect(byClass('fast-unsalted')).toEqual(['CLEARTEXT', 'MD5', 'SHA', 'SHA256', 'SHA384', 'SHA512', 'NT', 'LM'].sort());
    expect(byClass('fast-salted')).toEqual(['SMD5', 'SSHA', 'SSHA256', 'SSHA384', 'SSHA512', 'MD5CRYPT', 'CRYPT_DES'].sort());
    expect(storageClass(['UNKNOWN'])).toBeNull();
    expect(storageClass(['BCRYPT', 'SSHA'])).toBe('fast-salted');
  });

  it('tries the schemes a shared tag may hold in order', () => {
    expect(readersOfTag('CRYPT')?.map((s) => s.name)).toEqual(['CRYPT_DES', 'MD5CRYPT', 'SHA256CRYPT', 'SHA512CRYPT', 'BCRYPT', 'YESCRYPT', 'SCRYPT']);
    expect(readersOfTag('ARGON2')?.map((s) => s.name)).toEqual(['ARGON2I', 'ARGON2D', 'ARGON2ID']);
    expect(readersOfTag('PBKDF2')?.map((s) => s.name)).toEqual(['PBKDF2_SHA1']);
  });

  it('keeps the hashcat modes and John formats of every exported scheme', () => {
    const modes = Object.fromEntries(Object.entries(HASHCAT_MODES).map(([n, m]) => [n, `${m.mode} ${m.johnFormat}`]));
    expect(modes).toEqual({
      MD5: '0 Raw-MD5', SMD5: '10 dynamic_1', SHA: '101 nsldap', SSHA: '111 Salted-SHA1', SHA256: '1400 Raw-SHA256',
      SSHA256: '1411 SSHA512', SHA384: '10800 Raw-SHA384', SSHA384: '10810 dynamic', SHA512: '1700 Raw-SHA512',
      SSHA512: '1711 SSHA512', CRYPT_DES: '1500 descrypt', MD5CRYPT: '500 md5crypt', SHA256CRYPT: '7400 sha256crypt',
      SHA512CRYPT: '1800 sha512crypt', BCRYPT: '3200 bcrypt', PBKDF2_SHA1: '12000 PBKDF2-HMAC-SHA1',
      PBKDF2_SHA256: '10900 PBKDF2-HMAC-SHA256', PBKDF2_SHA512: '12100 PBKDF2-HMAC-SHA512', NT: '1000 NT', LM: '3000 LM',
    });
  });

  it('checks {SHA}, NT and cleartext values against the breach corpus as they are, and only those', () => {
    const lookups = Object.fromEntries(SCHEMES.filter((s) => s.breachLookup).map((s) => [s.name, s.breachLookup]));
    expect(lookups).toEqual({ CLEARTEXT: 'password', SHA: 'sha1', NT: 'ntlm' });
  });

  it('binds the kernels to the schemes they hash', () => {
    const kernelOf = (value: string, attribute: 'userpassword' | 'sambantpassword' = 'userpassword') =>
      classifyValue(attribute, new Uint8Array(Buffer.from(value, 'latin1'))).descriptor?.kernel?.kind ?? null;
    expect(kernelOf('{SSHA}' + Buffer.alloc(28, 1).toString('base64'))).toBe('salted');
    expect(kernelOf('{SSHA384}' + Buffer.alloc(56, 1).toString('base64'))).toBeNull();
    expect(kernelOf('{MD5}' + Buffer.alloc(16, 1).toString('base64'))).toBe('unsalted');
    expect(kernelOf('{CRYPT}$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/')).toBe('crypt');
    expect(kernelOf('0'.repeat(32), 'sambantpassword')).toBe('unsalted');
  });
});
