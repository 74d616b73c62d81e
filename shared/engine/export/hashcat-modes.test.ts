import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PasswordAttribute } from '../directory/model.ts';
import { schemeByName } from '../hash/classify.ts';
import { toHashcat } from './hashcat-modes.ts';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const stored = (value: string, attribute: PasswordAttribute = 'userpassword') => ({ attribute, value: bytes(value) });

describe('toHashcat', () => {
  it('gives {SSHA} and friends with the tag hashcat expects, whatever the stored case', async () => {
    const ssha = String(await schemeByName('SSHA').create('azerty'));
    const body = ssha.slice('{SSHA}'.length);
    expect(toHashcat(stored(`{ssha}${body}`))).toEqual({ scheme: 'SSHA', mode: 111, hash: `{SSHA}${body}` });
    const ssha512 = String(await schemeByName('SSHA512').create('azerty'));
    expect(toHashcat(stored(ssha512))).toMatchObject({ mode: 1711, hash: ssha512 });
  });

  it('turns {MD5} base64 into the hex digest of mode 0, and Samba NT into mode 1000', () => {
    const md5 = createHash('md5').update('azerty').digest();
    expect(toHashcat(stored(`{MD5}${md5.toString('base64')}`))).toEqual({ scheme: 'MD5', mode: 0, hash: md5.toString('hex') });
    const nt = String(schemeByName('NT').create('azerty'));
    expect(toHashcat(stored(nt.toUpperCase(), 'sambantpassword'))).toEqual({ scheme: 'NT', mode: 1000, hash: nt.toLowerCase() });
  });

  it('rewrites slapd PBKDF2 as hashcat\'s sha256:iterations:salt:hash', async () => {
    const salt = new Uint8Array([0xfb, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const value = String(await schemeByName('PBKDF2_SHA256').create('azerty', { salt, rounds: 1000 }));
    const out = toHashcat(stored(value));
    expect(out?.mode).toBe(10900);
    const [algo, iterations, s, h] = out!.hash.split(':');
    expect([algo, iterations, s]).toEqual(['sha256', '1000', Buffer.from(salt).toString('base64')]);
    expect(Buffer.from(h!, 'base64')).toHaveLength(32);
  });

  it('hands crypt hashes over as they are, and leaves out what hashcat cannot take', async () => {
    const md5crypt = String(await schemeByName('MD5CRYPT').create('azerty'));
    expect(toHashcat(stored(md5crypt))).toMatchObject({ mode: 500, hash: md5crypt.replace(/^\{CRYPT\}/, '') });
    expect(toHashcat(stored('azerty'))).toBeNull();
    expect(toHashcat(stored('{UNKNOWNTAG}xyz'))).toBeNull();
    expect(toHashcat(stored(String(await schemeByName('ARGON2ID').create('azerty', { memoryKiB: 64, timeCost: 1 }))))).toBeNull();
  });
});
