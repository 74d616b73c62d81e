// Reference values produced by real tools on the Debian dev box (OpenLDAP 2.5 slappasswd, libxcrypt through
// Python 3.11's crypt module, OpenSSL 3's `openssl passwd`, the argon2 CLI from Debian's argon2 package):
//   slappasswd -h '{SSHA}' -s secret                     (likewise {MD5} {SMD5} {SHA})
//   slappasswd -o module-path=/usr/lib/ldap -o module-load=pw-sha2.la -h '{SSHA256}' -s secret   (SHA-2 family)
//   slappasswd -o module-path=/usr/lib/ldap -o module-load=pw-pbkdf2.la -h '{PBKDF2-SHA256}' -s secret
//   slappasswd -o module-path=/usr/lib/ldap -o module-load='argon2.la m=19456 t=2 p=1' -h '{ARGON2}' -s secret
//   python3 -W ignore -c "import crypt; print(crypt.crypt('secret', '\$y\$j9T\$saltsaltsalt\$'))"   (DES, $1$ $5$ $6$ $2b$ $2y$ $y$ $7$)
//   openssl passwd -6 -salt saltsalt secret               (-1, -5 likewise: identical to libxcrypt's)
//   echo -n secret | argon2 saltsaltsalt -id -t 2 -m 14 -p 1 -e
// NT/LM of "password" and of the empty password are the well-known published values.
import { describe, expect, it } from 'vitest';
import { weakParametersText } from '../../contract/account-details.ts';
import type { HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { classifyValue, schemeByName, verifyCandidate } from './classify.ts';

interface Vector {
  scheme: HashSchemeName;
  value: string;
  password: string;
  attribute?: PasswordAttribute;
  weak?: boolean;
  slow?: boolean;
}

const VECTORS: Vector[] = [
  { scheme: 'CLEARTEXT', value: 'secret', password: 'secret' },
  { scheme: 'MD5', value: '{MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==', password: 'secret' },
  { scheme: 'SMD5', value: '{SMD5}UOBdwFnrdQLiX5ODEmLnITR9DK8=', password: 'secret' },
  { scheme: 'SHA', value: '{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=', password: 'secret' },
  { scheme: 'SSHA', value: '{SSHA}Ra/otWgYGMCffha9ewyqA+9s+Ij0wZpY', password: 'secret' },
  { scheme: 'SSHA', value: '{ssha}Ra/otWgYGMCffha9ewyqA+9s+Ij0wZpY', password: 'secret' },
  { scheme: 'SHA256', value: '{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=', password: 'secret' },
  { scheme: 'SSHA256', value: '{SSHA256}l5K32FKgpgH+LKoDvgH2EPQkCNkj0bfGJlCcYLfrvuh2L1s/b2v8lw==', password: 'secret' },
  { scheme: 'SHA384', value: '{SHA384}WKd1ukESvjAFrkQHznV9iP2nHUBJe7gCbsrFTU4//HIyzo3jq1rLMK45dg/ufFPt', password: 'secret' },
  { scheme: 'SSHA384', value: '{SSHA384}md1P3mwWThHZGTNvA8rIiIN1xANLAbY/gCLvxA4LFqGPko3/wM6TnzhjJghR853eSvbaXQ73ne4=', password: 'secret' },
  { scheme: 'SHA512', value: '{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==', password: 'secret' },
  { scheme: 'SSHA512', value: '{SSHA512}mA3uM91vJfSsG6btmuFZObXClV0mq0MxPi1YvkdOZkGIiR6JSmxjhn8AAafDubYJhtT7udcTD1WEl42+hRwWETK8+HX7yWq9', password: 'secret' },
  { scheme: 'CRYPT_DES', value: '{CRYPT}abNANd1rDfiNc', password: 'secret' },
  { scheme: 'CRYPT_DES', value: '{crypt}XyI8hxRAGMKz.', password: 'Password1!' },
  // Only the first 8 characters count: crypt('abcdefghij', 'Xy').
  { scheme: 'CRYPT_DES', value: '{CRYPT}Xyoi5BGpLXKC6', password: 'abcdefgh' },
  { scheme: 'MD5CRYPT', value: '{CRYPT}$1$saltsalt$9xy1btjgzLYfb7hivXtC//', password: 'secret' },
  { scheme: 'MD5CRYPT', value: '{CRYPT}$1$saltsalt$5Jhcit4zN9UlGiA0txPkO0', password: '' },
  { scheme: 'SHA256CRYPT', value: '{CRYPT}$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA', password: 'secret' },
  { scheme: 'SHA256CRYPT', value: '{CRYPT}$5$rounds=1000$0123456789abcdef$oUHx2xFtuyubiiCcMGG7UUd1yBfHmGWG5hHZIbG9Fn8', password: 'secret', weak: true },
  { scheme: 'SHA512CRYPT', value: '{CRYPT}$6$rounds=5000$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1', password: 'secret' },
  { scheme: 'SHA512CRYPT', value: '{CRYPT}$6$rounds=1000$0123456789abcdef$mcCDk6dNL5N0ijt8G9cMeU.2SLHUPRvQks/S0b3xWPKwxC/ouwbeCpt1WQloVhjazWF95X44lzjAj904IpNm1/', password: 'secret', weak: true },
  { scheme: 'SHA512CRYPT', value: '{CRYPT}$6$saltsalt$nAMkhbZoZZi4PLQUdsACfgljeTdCWo6CDg8QWmFT4ho.B1YeidUScwdpVdS22kIH6KkCxQrBx4MHsPld7abUz/', password: 'élève2024' },
  // slappasswd -h '{CRYPT}' -c '$6$rounds=1000$%.8s' -s secret
  { scheme: 'SHA512CRYPT', value: '{CRYPT}$6$rounds=1000$c6aqM1ge$1g9.2NjoCwICsq91m51QB/YhvljkLuOf2iws9tnG6Knk0Ha/XP5Gyw3vqgzG.yC.tqbyHZp55DDw0V58WJltp.', password: 'secret', weak: true },
  { scheme: 'BCRYPT', value: '{CRYPT}$2b$08$abcdefghijklmnopqrstuuKxCcvB7KZ7.BpDoK0bh6qM7Dl1/xiJa', password: 'secret', weak: true },
  { scheme: 'BCRYPT', value: '{CRYPT}$2a$04$abcdefghijklmnopqrstuu2r9OfJnfCsdneAXAGHnS4UpFFP8WIrW', password: 'secret', weak: true },
  { scheme: 'BCRYPT', value: '{CRYPT}$2y$10$abcdefghijklmnopqrstuuqflPDzB6gcMhKa1rZqKiun2YGL5sa2u', password: 'secret', slow: true },
  { scheme: 'YESCRYPT', value: '{CRYPT}$y$j75$saltsaltsalt$jyf/lxrpdyAIshWRo1x5DRC6KIE7sNRRtjcomR3PgHA', password: 'secret', weak: true },
  { scheme: 'YESCRYPT', value: '{CRYPT}$y$j9T$saltsaltsalt$AnbE4uovRUrp5W/7h65lVXbBxJijULPRqRjd39xI5w9', password: 'secret', slow: true },
  { scheme: 'YESCRYPT', value: '{CRYPT}$y$j9T$saltsaltsalt$fngpNhGkx4DMa5D10p0zPG3eL.oKthDF.wsC./kslu9', password: '', slow: true },
  { scheme: 'SCRYPT', value: '{CRYPT}$7$C6..../....saltsaltsaltsalt$J9VzSpE2ZjoOkmIRzv51YUaEsW1oqt6FMn5aQGUYY53', password: 'secret', weak: true },
  { scheme: 'SCRYPT', value: '{CRYPT}$7$96..../....saltsalt$mEbIMVKb8hr3mgAbh/5eCvv64gMR8RTBSpQN8Fz8FxB', password: 'secret', weak: true },
  { scheme: 'PBKDF2_SHA1', value: '{PBKDF2}10000$uRceb22ONUFj8LXGb2u2zw$XovtjdMr7MwBXr4UBhnr/A0PSEM', password: 'secret', weak: true },
  { scheme: 'PBKDF2_SHA1', value: '{PBKDF2-SHA1}10000$o8CSNL96uWcWiBCWjZPYwQ$ccP/9LfCSUOk5DRn0rVNzmo.B.c', password: 'secret', weak: true },
  { scheme: 'PBKDF2_SHA256', value: '{PBKDF2-SHA256}10000$IGguTqY5fuJy2FavIBN.TQ$6V3mTxCthjRX3MCnrhmd4QZ8BBdAMIPn3IQF1n0lIac', password: 'secret', weak: true },
  { scheme: 'PBKDF2_SHA512', value: '{PBKDF2-SHA512}10000$DqiMikNdz9jFG3DGUFm8qA$xvAMNsPMFRB.f6iiErX5V4hKDHLcZrUsON.hgNvHCsNwpwKo2kToqqeR4UB3lC8qTbnyjxmb89JfX34ZWXaQVg', password: 'secret', weak: true },
  // Debian's slappasswd default: argon2i m=4096 t=3, below OWASP's floor.
  { scheme: 'ARGON2I', value: '{ARGON2}$argon2i$v=19$m=4096,t=3,p=1$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo', password: 'secret', weak: true },
  { scheme: 'ARGON2I', value: '{ARGON2}$argon2i$v=19$m=19456,t=2,p=1$yxeFYPaAecVfJAgcIVQjPw$nTHIa16f60Ri7pFv2M71WQalr0eojyCZGtV19PDNYzE', password: 'secret' },
  // What ldappasswd leaves behind under olcPasswordHash {ARGON2}: two trailing NUL bytes.
  { scheme: 'ARGON2I', value: '{ARGON2}$argon2i$v=19$m=4096,t=3,p=1$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo\0\0', password: 'secret', weak: true },
  // …and sometimes a NUL then an uninitialised byte (seen on Debian's slapd): the value ends at its first NUL.
  { scheme: 'ARGON2I', value: '{ARGON2}$argon2i$v=19$m=4096,t=3,p=1$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo\0\x08', password: 'secret', weak: true },
  { scheme: 'ARGON2ID', value: '{ARGON2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$lp3hg62ibBi8BBOLXAHKgAP6P0k+4L6n6Obc+f4bbG4', password: 'secret', weak: true },
  // The argon2 npm package's order (m, p, t) is read too.
  { scheme: 'ARGON2ID', value: '{ARGON2}$argon2id$v=19$m=65536,p=1,t=1$c2FsdHNhbHRzYWx0$aGdOpRChTPcuvW+hx4W1QaBuDfJUFEFYYYYSm9rVezc', password: 'secret' },
  { scheme: 'ARGON2D', value: '{ARGON2}$argon2d$v=19$m=4096,t=3,p=2$c2FsdHNhbHRzYWx0$m81etgydHKz/lnmnWCtte+38JzGBJiIb69qksfo2gr0', password: 'secret', weak: true },
  { scheme: 'NT', value: '8846F7EAEE8FB117AD06BDD830B7586C', password: 'password', attribute: 'sambantpassword' },
  { scheme: 'NT', value: '8846f7eaee8fb117ad06bdd830b7586c', password: 'password', attribute: 'sambantpassword' },
  { scheme: 'NT', value: '31D6CFE0D16AE931B73C59D7E0C089C0', password: '', attribute: 'sambantpassword' },
  { scheme: 'LM', value: 'E52CAC67419A9A224A3B108F3FA6CB6D', password: 'password', attribute: 'sambalmpassword' },
  { scheme: 'LM', value: 'E52CAC67419A9A224A3B108F3FA6CB6D', password: 'PassWord', attribute: 'sambalmpassword' },
  { scheme: 'LM', value: 'AAD3B435B51404EEAAD3B435B51404EE', password: '', attribute: 'sambalmpassword' },
];

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

describe('classifyValue and verifyCandidate on reference values', () => {
  for (const v of VECTORS) {
    const attribute = v.attribute ?? 'userpassword';
    const name = `${v.scheme}: ${JSON.stringify(v.value.slice(0, 40))}`;
    it(name, { timeout: v.slow ? 60_000 : 10_000 }, async () => {
      const stored = classifyValue(attribute, bytes(v.value));
      expect(stored.scheme).toBe(v.scheme);
      expect(stored.attribute).toBe(attribute);
      expect(await verifyCandidate(stored, v.password)).toBe(true);
      expect(await verifyCandidate(stored, `x${v.password}`)).toBe(false);
      expect(stored.weakParameters !== null).toBe(v.weak === true);
      const scheme = schemeByName(v.scheme);
      expect(stored.legacy).toBe(['CLEARTEXT', 'MD5', 'SMD5', 'SHA', 'SSHA', 'SHA256', 'SSHA256', 'SHA384', 'SSHA384',
        'SHA512', 'SSHA512', 'CRYPT_DES', 'MD5CRYPT', 'NT', 'LM'].includes(v.scheme));
      expect(scheme.cost(stored.parsed)).toBeGreaterThan(0);
      if (scheme.unsalted) {
        expect(stored.unsaltedKey).toMatch(/^[0-9a-f]*$/);
        expect(scheme.digestHex!(v.password)).toBe(stored.unsaltedKey);
        expect(scheme.digestHex!(`x${v.password}`)).not.toBe(stored.unsaltedKey);
      } else {
        expect(stored.unsaltedKey).toBeNull();
      }
    });
  }

  it('never exposes a salt or digest in params; weak parameters are said by the catalogues', () => {
    const stored = classifyValue('userpassword', bytes('{CRYPT}$2b$08$abcdefghijklmnopqrstuuKxCcvB7KZ7.BpDoK0bh6qM7Dl1/xiJa'));
    expect(stored.params).toEqual({ cost: 8, salt: 16 });
    expect(weakParametersText(stored.weakParameters!, 'fr')).toBe('bcrypt coût 8 < 10');
    const argon = classifyValue('userpassword', bytes(VECTORS.find((v) => v.value.includes('m=4096,t=3,p=1'))!.value));
    expect(argon.params).toEqual({ m: 4096, t: 3, p: 1, salt: 16 });
    const pbkdf2 = classifyValue('userpassword', bytes('{PBKDF2-SHA256}10000$IGguTqY5fuJy2FavIBN.TQ$6V3mTxCthjRX3MCnrhmd4QZ8BBdAMIPn3IQF1n0lIac'));
    expect(pbkdf2.params).toEqual({ iterations: 10000, salt: 16 });
    expect(weakParametersText(pbkdf2.weakParameters!, 'fr')).toBe('PBKDF2-SHA256 10 000 itérations < 600 000');
    const sha = classifyValue('userpassword', bytes('{CRYPT}$6$rounds=1000$0123456789abcdef$mcCDk6dNL5N0ijt8G9cMeU.2SLHUPRvQks/S0b3xWPKwxC/ouwbeCpt1WQloVhjazWF95X44lzjAj904IpNm1/'));
    expect(sha.params).toEqual({ rounds: 1000, salt: 16 });
    for (const v of VECTORS) {
      const s = classifyValue(v.attribute ?? 'userpassword', bytes(v.value));
      for (const value of Object.values(s.params)) expect(typeof value === 'number' || value.length < 12).toBe(true);
    }
  });

  it('cleartext keys are the hex of its UTF-8 bytes', () => {
    const stored = classifyValue('userpassword', bytes('élève'));
    expect(stored.scheme).toBe('CLEARTEXT');
    expect(stored.unsaltedKey).toBe(Buffer.from('élève', 'utf8').toString('hex'));
    expect(verifyCandidate(stored, 'élève')).toBe(true);
    expect(verifyCandidate(stored, 'eleve')).toBe(false);
  });

  it('unsalted keys of equal passwords are equal, whatever the stored case', () => {
    const upper = classifyValue('sambantpassword', bytes('8846F7EAEE8FB117AD06BDD830B7586C'));
    const lower = classifyValue('sambantpassword', bytes('8846f7eaee8fb117ad06bdd830b7586c'));
    expect(upper.unsaltedKey).toBe('8846f7eaee8fb117ad06bdd830b7586c');
    expect(lower.unsaltedKey).toBe(upper.unsaltedKey);
  });

  it('weak adaptive parameters are named, strong ones are not', () => {
    const scrypt = classifyValue('userpassword', bytes('{CRYPT}$7$C6..../....saltsaltsaltsalt$J9VzSpE2ZjoOkmIRzv51YUaEsW1oqt6FMn5aQGUYY53'));
    expect(weakParametersText(scrypt.weakParameters!, 'fr')).toContain('scrypt N=2^14, r=8, p=1');
    const yes = classifyValue('userpassword', bytes('{CRYPT}$y$j9T$saltsaltsalt$AnbE4uovRUrp5W/7h65lVXbBxJijULPRqRjd39xI5w9'));
    expect(yes.params).toEqual({ N: 4096, r: 32, p: 1, t: 0, salt: 9 });
    expect(yes.weakParameters).toBeNull();
  });
});

describe('classifyValue on what it cannot read', () => {
  const garbage: [PasswordAttribute, string][] = [
    ['userpassword', '{SASL}alice@EXAMPLE'],
    ['userpassword', '{K5KEY}'],
    ['userpassword', '{garbage}whatever'],
    ['userpassword', '{SSHA}not base64!'],
    ['userpassword', '{SSHA}AAAA'],
    ['userpassword', '{MD5}Xr4ilOzQ4PCOq3aQ0qbu'],
    ['userpassword', '{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=AAAA'],
    ['userpassword', '{CRYPT}'],
    ['userpassword', '{CRYPT}abNANd1rDfiN'],
    ['userpassword', '{CRYPT}ab!ANd1rDfiNc'],
    ['userpassword', '{CRYPT}$1$saltsalt$short'],
    ['userpassword', '{CRYPT}$6$rounds=x$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1'],
    ['userpassword', '{CRYPT}$2b$99$abcdefghijklmnopqrstuuKxCcvB7KZ7.BpDoK0bh6qM7Dl1/xiJa'],
    ['userpassword', '{CRYPT}$2x$08$abcdefghijklmnopqrstuuKxCcvB7KZ7.BpDoK0bh6qM7Dl1/xiJa'],
    ['userpassword', '{CRYPT}$y$j9T$saltsaltsalt$tooShort'],
    ['userpassword', '{CRYPT}$y$~~~$saltsaltsalt$AnbE4uovRUrp5W/7h65lVXbBxJijULPRqRjd39xI5w9'],
    ['userpassword', '{CRYPT}$7$C6....$short'],
    ['userpassword', '{CRYPT}_J9..CCCCXBrJUJV154M'],
    ['userpassword', '{PBKDF2-SHA256}abc$IGguTqY5fuJy2FavIBN.TQ$6V3mTxCthjRX3MCnrhmd4QZ8BBdAMIPn3IQF1n0lIac'],
    ['userpassword', '{PBKDF2-SHA256}10000$IGguTqY5fuJy2FavIBN.TQ'],
    ['userpassword', '{PBKDF2-MD5}10000$IGguTqY5fuJy2FavIBN.TQ$6V3mTxCthjRX3MCnrhmd4QZ8BBdAMIPn3IQF1n0lIac'],
    ['userpassword', '{ARGON2}$argon2x$v=19$m=4096,t=3,p=1$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo'],
    ['userpassword', '{ARGON2}$argon2i$v=19$m=4096,t=3$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo'],
    ['userpassword', '{ARGON2}$argon2i$v=19$m=4096,t=3,p=1,t=3$THx7NFHjctFewH2oHdS9jg$yxf3jsp8WJEmBa9XNFQLXxmfgKB820MukipQ7koAngo'],
    ['userpassword', '{ARGON2}'],
    ['sambantpassword', 'NO PASSWORDXXXXXXXXXXXXXXXXXXXXX'],
    ['sambantpassword', '8846F7EAEE8FB117AD06BDD830B7586'],
    ['sambalmpassword', 'E52CAC67419A9A224A3B108F3FA6CB6DZ'],
    ['sambalmpassword', ''],
  ];
  for (const [attribute, value] of garbage) {
    it(`${attribute} ${JSON.stringify(value.slice(0, 40))} is UNKNOWN`, () => {
      const stored = classifyValue(attribute, bytes(value));
      expect(stored.scheme).toBe('UNKNOWN');
      expect(stored.unsaltedKey).toBeNull();
      expect(verifyCandidate(stored, 'secret')).toBe(false);
      expect(stored.descriptor).toBeNull();
      expect(stored.params).toEqual({});
    });
  }

  it('reads random bytes without throwing', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const prefix = ['{CRYPT}$y$', '{CRYPT}$7$', '{ARGON2}$argon2id$', '{PBKDF2}', '{SSHA}', '{CRYPT}$6$', ''][i % 7]!;
      const tail = Uint8Array.from({ length: next() % 80 }, next);
      const value = new Uint8Array([...Buffer.from(prefix), ...tail]);
      for (const attribute of ['userpassword', 'sambantpassword', 'sambalmpassword'] as const) {
        expect(() => classifyValue(attribute, value)).not.toThrow();
      }
    }
  });

  it('a value that only looks like a tag without closing brace is cleartext, as slapd reads it', () => {
    expect(classifyValue('userpassword', bytes('{secret')).scheme).toBe('CLEARTEXT');
    expect(classifyValue('userpassword', bytes('{}secret')).scheme).toBe('CLEARTEXT');
  });

  it('schemeByName refuses UNKNOWN', () => {
    expect(() => schemeByName('UNKNOWN')).toThrow(/UNKNOWN/);
  });
});
