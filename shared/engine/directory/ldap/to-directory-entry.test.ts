import { describe, expect, it } from 'vitest';
import { toDirectoryEntry } from './to-directory-entry.ts';

describe('toDirectoryEntry', () => {
  it('strips trailing NULs from password bytes, keeps inner ones, and copies the bytes', () => {
    const raw = Buffer.from('{ARGON2}$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\0\x08', 'latin1');
    const entry = toDirectoryEntry({ dn: 'uid=a,dc=t', userPassword: raw, sambaNTPassword: [Buffer.from('AB\0CD\0')] });
    const value = entry.bytes.get('userpassword')?.[0];
    expect(Buffer.from(value ?? []).toString('latin1')).toBe('{ARGON2}$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA');
    expect(value?.buffer).not.toBe(raw.buffer);
    expect([...(entry.bytes.get('sambantpassword')?.[0] ?? [])]).toEqual([0x41, 0x42, 0, 0x43, 0x44]);
  });

  it('turns a password value ldapts decoded as text back into the same UTF-8 bytes', () => {
    const entry = toDirectoryEntry({ dn: 'uid=a,dc=t', USERPASSWORD: ['motdepasse-é', '{SSHA}abc'] });
    expect(entry.bytes.get('userpassword')?.map((v) => Buffer.from(v).toString('utf8'))).toEqual(['motdepasse-é', '{SSHA}abc']);
  });

  it('lower-cases names, drops options, merges variants, skips non-text and empty attributes', () => {
    const entry = toDirectoryEntry({
      dn: 'uid=a,dc=t',
      givenName: 'Iris',
      'description;lang-fr': 'une',
      description: ['deux'],
      jpegPhoto: Buffer.from([0xff, 0xd8, 0xff]),
      '*': [],
    });
    expect([...entry.attrs.entries()]).toEqual([['givenname', ['Iris']], ['description', ['une', 'deux']]]);
    expect(entry.bytes.size).toBe(0);
    expect(entry.dn).toBe('uid=a,dc=t');
  });

  it('keeps the text values of a mixed attribute, and merges variants without touching the caller\'s arrays', () => {
    const first = ['un'];
    const entry = toDirectoryEntry({
      dn: 'uid=a,dc=t',
      description: first,
      'Description;lang-fr': ['deux'],
      seeAlso: ['cn=x', Buffer.from([0xc3, 0x28])] as unknown as string[],
      userPassword: [],
    });
    expect(entry.attrs.get('description')).toEqual(['un', 'deux']);
    expect(first).toEqual(['un']);
    expect(entry.attrs.get('seealso')).toEqual(['cn=x']);
    expect(entry.bytes.has('userpassword')).toBe(false);
  });

  it('names each attribute the same way on every entry, however many distinct names pass', () => {
    for (let i = 0; i < 1500; i++) {
      const entry = toDirectoryEntry({ dn: `uid=${i},dc=t`, [`X-Attr${i};lang-fr`]: `v${i}`, GivenName: 'Iris', UserPassword: Buffer.from('{SSHA}x') });
      expect([...entry.attrs.keys()]).toEqual([`x-attr${i}`, 'givenname']);
      expect([...entry.bytes.keys()]).toEqual(['userpassword']);
    }
  });
});
