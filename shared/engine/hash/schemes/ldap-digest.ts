// RFC 2307-style digests: {MD5} {SHA} {SHA256} {SHA384} {SHA512} store base64(digest); their salted forms
// {SMD5} {SSHA} {SSHA256} {SSHA384} {SSHA512} store base64(digest(password || salt) || salt). One pass of a
// fast function, salted or not: legacy storage whatever the digest.
import { createHash, randomBytes } from 'node:crypto';
import type { HashSchemeName } from '../../../contract/codes.ts';
import { decodeBase64, encodeBase64 } from '../primitives/base64.ts';
import { toHex } from '../primitives/hex.ts';
import type { KernelAlgorithm } from '../kernels/kernel.ts';
import { defineScheme, type ExportSpec, type ReadableScheme } from './readable-scheme.ts';

interface DigestParsed {
  digest: Uint8Array;
  salt: Uint8Array;
}

interface DigestFamily {
  name: HashSchemeName;
  algorithm: 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';
  length: number;
  salted: boolean;
  /** Relative to one MD5 digestHex (≈ 1 µs, node:crypto, Node 20); a salted check also compares buffers (≈ 5 µs). */
  cost: number;
  /** See ReadableScheme.weakness. */
  weakness: number;
  /** The kernels' algorithm; none for SHA-384 (its scheme's digestHex and verify do the work). */
  kernel?: KernelAlgorithm;
  /** Unsalted: see ReadableScheme.lookupOrder. */
  lookupOrder?: number;
  /** {SHA}: the very digest Have I Been Pwned lists. */
  breachLookup?: 'sha1';
  hashcat: Omit<ExportSpec<DigestParsed>, 'line'> & { line: 'tagged' | 'hex' | 'hex-salt' };
}

const FAMILIES: DigestFamily[] = [
  {
    name: 'MD5', algorithm: 'md5', length: 16, salted: false, cost: 1, weakness: 4, kernel: 'MD5', lookupOrder: 2,
    hashcat: { mode: 0, name: 'MD5', john: 'Raw-MD5', line: 'hex' },
  },
  {
    name: 'SMD5', algorithm: 'md5', length: 16, salted: true, cost: 5, weakness: 9, kernel: 'MD5',
    hashcat: { mode: 10, name: 'md5($pass.$salt)', extraArgs: ['--hex-salt'], john: 'dynamic_1', line: 'hex-salt' },
  },
  {
    name: 'SHA', algorithm: 'sha1', length: 20, salted: false, cost: 1, weakness: 5, kernel: 'SHA1', lookupOrder: 3, breachLookup: 'sha1',
    hashcat: { mode: 101, name: 'nsldap, SHA-1(Base64)', john: 'nsldap', line: 'tagged' },
  },
  {
    name: 'SSHA', algorithm: 'sha1', length: 20, salted: true, cost: 5, weakness: 10, kernel: 'SHA1',
    hashcat: { mode: 111, name: 'nsldaps, SSHA-1(Base64)', john: 'Salted-SHA1', line: 'tagged' },
  },
  {
    name: 'SHA256', algorithm: 'sha256', length: 32, salted: false, cost: 1, weakness: 6, kernel: 'SHA256', lookupOrder: 4,
    hashcat: { mode: 1400, name: 'SHA2-256', john: 'Raw-SHA256', line: 'hex' },
  },
  {
    name: 'SSHA256', algorithm: 'sha256', length: 32, salted: true, cost: 5, weakness: 11, kernel: 'SHA256',
    hashcat: { mode: 1411, name: 'SSHA-256(Base64), LDAP {SSHA256}', john: 'SSHA512', line: 'tagged' },
  },
  {
    name: 'SHA384', algorithm: 'sha384', length: 48, salted: false, cost: 1, weakness: 7, lookupOrder: 5,
    hashcat: { mode: 10800, name: 'SHA2-384', john: 'Raw-SHA384', line: 'hex' },
  },
  {
    name: 'SSHA384', algorithm: 'sha384', length: 48, salted: true, cost: 5, weakness: 12,
    hashcat: { mode: 10810, name: 'sha384($pass.$salt)', extraArgs: ['--hex-salt'], john: 'dynamic', line: 'hex-salt' },
  },
  {
    name: 'SHA512', algorithm: 'sha512', length: 64, salted: false, cost: 1, weakness: 8, kernel: 'SHA512', lookupOrder: 6,
    hashcat: { mode: 1700, name: 'SHA2-512', john: 'Raw-SHA512', line: 'hex' },
  },
  {
    name: 'SSHA512', algorithm: 'sha512', length: 64, salted: true, cost: 5, weakness: 13, kernel: 'SHA512',
    hashcat: { mode: 1711, name: 'SSHA-512(Base64), LDAP {SSHA512}', john: 'SSHA512', line: 'tagged' },
  },
];

/** slappasswd's default salt length for the salted forms. */
const DEFAULT_SALT_BYTES = 8;

/**
 * hashcat's line: `tagged`, the stored value with its upper-case tag (modes 101, 111, 1411, 1711 read the base64);
 * `hex`, the digest in hex; `hex-salt`, `digest:salt` in hex (with --hex-salt).
 */
function hashcatLine(family: DigestFamily, body: string): string {
  if (family.hashcat.line === 'tagged') return `{${family.name}}${body}`;
  const bytes = Buffer.from(body, 'base64');
  if (family.hashcat.line === 'hex') return bytes.toString('hex');
  return `${bytes.subarray(0, family.length).toString('hex')}:${bytes.subarray(family.length).toString('hex')}`;
}

function digestScheme(family: DigestFamily): ReadableScheme {
  const { algorithm, length, salted } = family;
  const digestOf = (candidate: string, salt: Uint8Array): Buffer =>
    createHash(algorithm).update(candidate, 'utf8').update(salt).digest();
  const { kernel } = family;
  return defineScheme<DigestParsed>({
    name: family.name,
    recognise: { tags: [family.name] },
    storage: 'fast',
    legacy: true,
    unsalted: !salted,
    weakness: family.weakness,
    exhaustive: true,
    ...(family.lookupOrder === undefined ? {} : { lookupOrder: family.lookupOrder }),
    ...(family.breachLookup === undefined ? {} : { breachLookup: family.breachLookup }),
    ...(kernel === undefined ? {} : {
      kernel: salted
        ? { kind: 'salted', algorithm: kernel, bind: (p: DigestParsed) => ({ digest: p.digest, salt: p.salt }) }
        : { kind: 'unsalted', algorithm: kernel },
    }),
    hashcat: { ...family.hashcat, line: (body) => hashcatLine(family, body) },
    read(text) {
      const bytes = decodeBase64(text);
      if (!bytes) return null;
      if (salted ? bytes.length <= length : bytes.length !== length) return null;
      return { digest: bytes.subarray(0, length), salt: bytes.subarray(length) };
    },
    params: (p): Record<string, number> => (salted ? { salt: p.salt.length } : {}),
    unsaltedKey: salted ? undefined : (p) => toHex(p.digest),
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
