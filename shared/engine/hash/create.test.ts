// create → classify → verify for every scheme, with the stored form each directory really holds.
import { describe, expect, it } from 'vitest';
import { HASH_SCHEMES, type HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { classifyValue, schemeByName, verifyCandidate } from './classify.ts';
import { decodeLittleEndian } from './primitives/crypt-base64.ts';
import type { CreateOptions } from './scheme.ts';

/** Small parameters keep the suite quick; the defaults are exercised by `defaults` below. */
const OPTIONS: Partial<Record<HashSchemeName, CreateOptions>> = {
  BCRYPT: { cost: 4 },
  SHA256CRYPT: { rounds: 1000 },
  SHA512CRYPT: { rounds: 1000 },
  PBKDF2_SHA1: { rounds: 1000 },
  PBKDF2_SHA256: { rounds: 1000 },
  PBKDF2_SHA512: { rounds: 1000 },
  SCRYPT: { log2N: 10, blockSize: 8 },
  YESCRYPT: { log2N: 10, blockSize: 8 },
  ARGON2I: { memoryKiB: 1024, timeCost: 1, parallelism: 1 },
  ARGON2D: { memoryKiB: 1024, timeCost: 1, parallelism: 2 },
  ARGON2ID: { memoryKiB: 1024, timeCost: 2, parallelism: 1 },
};

const attributeOf = (name: HashSchemeName): PasswordAttribute =>
  name === 'NT' ? 'sambantpassword' : name === 'LM' ? 'sambalmpassword' : 'userpassword';

describe('create → classify → verify', () => {
  for (const name of HASH_SCHEMES.filter((n) => n !== 'UNKNOWN')) {
    for (const password of ['Moulin2024!', 'élève', '']) {
      it(`${name} with ${JSON.stringify(password)}`, async () => {
        const stored = await schemeByName(name).create(password, OPTIONS[name]);
        const parsed = classifyValue(attributeOf(name), new Uint8Array(Buffer.from(stored, 'utf8')));
        expect(parsed.scheme).toBe(name);
        expect(await verifyCandidate(parsed, password)).toBe(true);
        expect(await verifyCandidate(parsed, `?${password}`)).toBe(false);
      });
    }
  }

  it('writes the forms slapd and Samba hold', async () => {
    expect(await schemeByName('SSHA').create('secret')).toMatch(/^\{SSHA\}[A-Za-z0-9+/]{38}==$/);
    expect(await schemeByName('MD5').create('secret')).toBe('{MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==');
    expect(await schemeByName('CLEARTEXT').create('secret')).toBe('secret');
    expect(await schemeByName('NT').create('password')).toBe('8846F7EAEE8FB117AD06BDD830B7586C');
    expect(await schemeByName('LM').create('password')).toBe('E52CAC67419A9A224A3B108F3FA6CB6D');
    expect(await schemeByName('SHA512CRYPT').create('secret', { rounds: 1000 })).toMatch(/^\{CRYPT\}\$6\$rounds=1000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(await schemeByName('SHA512CRYPT').create('secret')).toMatch(/^\{CRYPT\}\$6\$[./0-9A-Za-z]{16}\$/);
    expect(await schemeByName('BCRYPT').create('secret', { cost: 4 })).toMatch(/^\{CRYPT\}\$2b\$04\$/);
    expect(await schemeByName('PBKDF2_SHA256').create('secret')).toMatch(/^\{PBKDF2-SHA256\}10000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{43}$/);
    expect(await schemeByName('SCRYPT').create('secret', { log2N: 10, blockSize: 8 })).toMatch(/^\{CRYPT\}\$7\$86\.\.\.\.\/\.\.\.\./);
    expect(await schemeByName('YESCRYPT').create('secret', { log2N: 10, blockSize: 8 })).toMatch(/^\{CRYPT\}\$y\$j75\$/);
    // slapd's argon2 module parses only m, t, p in that order.
    expect(await schemeByName('ARGON2ID').create('secret')).toMatch(/^\{ARGON2\}\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it('a given salt gives the reference value', async () => {
    const salt = new Uint8Array(Buffer.from('saltsalt'));
    const ssha = await schemeByName('SSHA').create('secret', { salt });
    expect(Buffer.from(ssha.slice(6), 'base64').subarray(20).toString()).toBe('saltsalt');
    // echo -n secret | argon2 saltsaltsalt -id -t 2 -m 14 -p 1 -e
    expect(await schemeByName('ARGON2ID').create('secret', {
      salt: new Uint8Array(Buffer.from('saltsaltsalt')), memoryKiB: 16384, timeCost: 2, parallelism: 1,
    })).toBe('{ARGON2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$lp3hg62ibBi8BBOLXAHKgAP6P0k+4L6n6Obc+f4bbG4');
    // python3 -c "import crypt; print(crypt.crypt('secret', '\$y\$j75\$saltsaltsalt\$'))": salt text decodes to 9 bytes.
    const yesSalt = decodeLittleEndian('saltsaltsalt')!;
    expect(await schemeByName('YESCRYPT').create('secret', { salt: yesSalt, log2N: 10, blockSize: 8 }))
      .toBe('{CRYPT}$y$j75$saltsaltsalt$jyf/lxrpdyAIshWRo1x5DRC6KIE7sNRRtjcomR3PgHA');
  });

  it('rejects impossible parameters with a clear error', () => {
    expect(() => schemeByName('BCRYPT').create('x', { cost: 3 })).toThrow(/cost/);
    expect(() => schemeByName('LM').create('a password of more than 14')).toThrow(/14/);
    expect(() => schemeByName('SCRYPT').create('x', { log2N: 0 })).toThrow(/log2N/);
  });
});
