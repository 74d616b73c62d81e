// RFC 2307-style digests: {MD5} {SHA} {SHA256} {SHA384} {SHA512} store base64(digest); their salted forms
// {SMD5} {SSHA} {SSHA256} {SSHA384} {SSHA512} store base64(digest(password || salt) || salt). One pass of a
// fast function, salted or not: legacy storage whatever the digest.
import { createHash, randomBytes } from 'node:crypto';
import type { HashSchemeName } from '../../../contract/codes.ts';
import { decodeBase64, encodeBase64 } from '../primitives/base64.ts';
import { toHex } from '../primitives/hex.ts';
import { defineScheme, type ReadableScheme } from './readable-scheme.ts';

interface DigestParsed {
  digest: Uint8Array;
  salt: Uint8Array;
}

interface DigestFamily {
  name: HashSchemeName;
  algorithm: 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';
  length: number;
  salted: boolean;
  label: string;
  /** Relative to one MD5 digestHex (≈ 1 µs, node:crypto, Node 20); a salted check also compares buffers (≈ 5 µs). */
  cost: number;
}

const FAMILIES: DigestFamily[] = [
  { name: 'MD5', algorithm: 'md5', length: 16, salted: false, label: 'MD5', cost: 1 },
  { name: 'SMD5', algorithm: 'md5', length: 16, salted: true, label: 'MD5 salé', cost: 5 },
  { name: 'SHA', algorithm: 'sha1', length: 20, salted: false, label: 'SHA-1', cost: 1 },
  { name: 'SSHA', algorithm: 'sha1', length: 20, salted: true, label: 'SHA-1 salé', cost: 5 },
  { name: 'SHA256', algorithm: 'sha256', length: 32, salted: false, label: 'SHA-256', cost: 1 },
  { name: 'SSHA256', algorithm: 'sha256', length: 32, salted: true, label: 'SHA-256 salé', cost: 5 },
  { name: 'SHA384', algorithm: 'sha384', length: 48, salted: false, label: 'SHA-384', cost: 1 },
  { name: 'SSHA384', algorithm: 'sha384', length: 48, salted: true, label: 'SHA-384 salé', cost: 5 },
  { name: 'SHA512', algorithm: 'sha512', length: 64, salted: false, label: 'SHA-512', cost: 1 },
  { name: 'SSHA512', algorithm: 'sha512', length: 64, salted: true, label: 'SHA-512 salé', cost: 5 },
];

/** slappasswd's default salt length for the salted forms. */
const DEFAULT_SALT_BYTES = 8;

function digestScheme(family: DigestFamily): ReadableScheme {
  const { algorithm, length, salted } = family;
  const digestOf = (candidate: string, salt: Uint8Array): Buffer =>
    createHash(algorithm).update(candidate, 'utf8').update(salt).digest();
  return defineScheme<DigestParsed>({
    name: family.name,
    storage: 'fast',
    legacy: true,
    unsalted: !salted,
    read(text) {
      const bytes = decodeBase64(text);
      if (!bytes) return null;
      if (salted ? bytes.length <= length : bytes.length !== length) return null;
      return { digest: bytes.subarray(0, length), salt: bytes.subarray(length) };
    },
    params: (p): Record<string, number> => (salted ? { salt: p.salt.length } : {}),
    unsaltedKey: salted ? undefined : (p) => toHex(p.digest),
    describe: (p) => (salted ? `${family.label} (sel ${p.salt.length} octets)` : family.label),
    cost: () => family.cost,
    verify: (p, candidate) => digestOf(candidate, p.salt).equals(p.digest),
    digestHex: salted ? undefined : (candidate) => createHash(algorithm).update(candidate, 'utf8').digest('hex'),
    create(password, options) {
      const salt = salted ? (options?.salt ?? randomBytes(DEFAULT_SALT_BYTES)) : new Uint8Array(0);
      const digest = digestOf(password, salt);
      return `{${family.name}}${encodeBase64(Buffer.concat([digest, salt]))}`;
    },
  });
}

export const ldapDigestSchemes: readonly ReadableScheme[] = FAMILIES.map(digestScheme);
