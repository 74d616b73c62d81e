import { describe, expect, it } from 'vitest';
import { weakParametersText } from '../../../../contract/account-details.ts';
import { toHashcat } from '../../../export/hashcat-modes.ts';
import { classifyValue, schemeByName, verifyCandidate } from '../../classify.ts';
import { pbkdf2Sha256389ds } from './pbkdf2-389ds.ts';

/** `hashcat -m 10901 --example-hashes` (hashcat 6.2.6): the password is "hashcat", 8192 iterations. */
const HASHCAT_EXAMPLE = '{PBKDF2_SHA256}AAAgADkxMjM2NTIzMzgzMjQ3MjI4MDAwNTk5OTAyOTk4NDI2MjkyMzAzNjg0NjQwOTMxNjI3OTMzNjg0MDI0OTY5NTe5ULagRTYpLaUoeqJMg8x9W/DXu+9VTFaVhaYvebYrY+sOqn1ZMRnws22C1uAkiE2tFM8qN+xw5xe7OmCPZ203NuruK4oB33QlsKIEz4ppm0TR94JB9PJx7lIQwFHD3FUNUNryj4jk6UYyJ4+V1Z9Ug/Iy/ylQBJgfs5ihzgxHYZrfp1wUCXFzlZG9mxmziPm8VFnAhaX4+FBAZvLAx33jpbKOwEg7TmwP2VJ8BNFLQRqwYdlqIjQlAhncXH+dqIF9VdM4MonAA0hx76bMvFTP7LF5VO1IqVmcuYz7YG9v4KKRjnvoUUqOj6okUBQTay3EzsdFVnUW1FemYOccJd5q';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const classify = (text: string) => classifyValue('userpassword', bytes(text));

describe('{PBKDF2_SHA256} as 389-ds stores it', () => {
  it('reads hashcat\'s example value and checks its password', async () => {
    const stored = classify(HASHCAT_EXAMPLE);
    expect(stored.scheme).toBe('PBKDF2_SHA256');
    expect(stored.descriptor?.id).toBe('PBKDF2_SHA256_389DS');
    expect(stored.params).toEqual({ iterations: 8192, salt: 64 });
    expect(stored.legacy).toBe(false);
    expect(stored.unsaltedKey).toBeNull();
    expect(weakParametersText(stored.weakParameters!, 'fr')).toBe('PBKDF2-SHA256 (389-ds) 8 192 itérations < 600 000');
    expect(await verifyCandidate(stored, 'hashcat')).toBe(true);
    expect(await verifyCandidate(stored, 'Hashcat')).toBe(false);
  });

  it('is told apart from OpenLDAP\'s {PBKDF2-SHA256}, and reads its tag in any case', async () => {
    expect(classify(HASHCAT_EXAMPLE.replace('PBKDF2_SHA256', 'pbkdf2_sha256')).descriptor?.id).toBe('PBKDF2_SHA256_389DS');
    const openldap = classify(String(await schemeByName('PBKDF2_SHA256').create('hashcat', { rounds: 1000 })));
    expect(openldap.descriptor?.id).toBe('PBKDF2_SHA256');
  });

  it('writes values that read back, verify and keep 389-ds\' layout', async () => {
    const salt = new Uint8Array(64).fill(7);
    const value = String(await pbkdf2Sha256389ds.create('Rentree2025!', { salt, rounds: 2048 }));
    expect(value).toMatch(/^\{PBKDF2_SHA256\}[A-Za-z0-9+/]{432}$/);
    const raw = Buffer.from(value.slice('{PBKDF2_SHA256}'.length), 'base64');
    expect([raw.length, raw.readUInt32BE(0)]).toEqual([324, 2048]);
    const stored = classify(value);
    expect(stored.params).toEqual({ iterations: 2048, salt: 64 });
    expect(await verifyCandidate(stored, 'Rentree2025!')).toBe(true);
    expect(await verifyCandidate(stored, 'rentree2025!')).toBe(false);
    const owasp = { iterations: 600_000, salt: new Uint8Array(64), hash: new Uint8Array(256) };
    expect(pbkdf2Sha256389ds.weakParameters(owasp)).toBeNull();
  });

  it('calls a value of another length, or with no iterations, unknown', () => {
    const raw = Buffer.from(HASHCAT_EXAMPLE.slice('{PBKDF2_SHA256}'.length), 'base64');
    expect(classify(`{PBKDF2_SHA256}${raw.subarray(0, 320).toString('base64')}`).scheme).toBe('UNKNOWN');
    expect(classify(`{PBKDF2_SHA256}${Buffer.concat([Buffer.alloc(4), raw.subarray(4)]).toString('base64')}`).scheme).toBe('UNKNOWN');
    expect(classify('{PBKDF2_SHA256}not base64!').scheme).toBe('UNKNOWN');
  });

  it('goes to hashcat mode 10901 as stored, tag upper-cased, and costs what its first block costs', () => {
    const body = HASHCAT_EXAMPLE.slice('{PBKDF2_SHA256}'.length);
    expect(toHashcat({ attribute: 'userpassword', value: bytes(`{pbkdf2_sha256}${body}`) })).toEqual({
      scheme: 'PBKDF2_SHA256', mode: 10901, hash: HASHCAT_EXAMPLE,
    });
    expect(pbkdf2Sha256389ds.hashcat?.johnFormat).toBeNull();
    const stored = classify(HASHCAT_EXAMPLE);
    expect(pbkdf2Sha256389ds.cost(stored.parsed)).toBeCloseTo(8192 * 0.21);
    expect(pbkdf2Sha256389ds.kernel).toBeNull();
  });
});
