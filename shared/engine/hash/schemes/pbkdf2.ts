// {PBKDF2} {PBKDF2-SHA1} {PBKDF2-SHA256} {PBKDF2-SHA512}, as slapd-contrib's pw-pbkdf2 writes them:
// `<iterations>$<salt>$<hash>`, salt and hash in "adapted base64" (standard alphabet with '.' for '+', no '=').
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { HashSchemeName } from '../../../contract/codes.ts';
import { defineScheme, type ReadableScheme } from './readable-scheme.ts';

interface Pbkdf2Parsed {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

interface Variant {
  name: HashSchemeName;
  tag: string;
  /** Every userPassword tag slapd writes or reads for it: {PBKDF2} is an alias of {PBKDF2-SHA1}. */
  tags: readonly string[];
  /** See ReadableScheme.weakness. */
  weakness: number;
  hashcatMode: number;
  digest: 'sha1' | 'sha256' | 'sha512';
  size: number;
  label: string;
  /** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC iteration counts. */
  minIterations: number;
  /**
   * One iteration in units of ≈ 1 µs, measured on the 2-core box (CPU time, node:crypto): 1,300,000 SHA-1
   * iterations take 282 ms, 600,000 SHA-256 125 ms, 210,000 SHA-512 119 ms; 1,000–10,000 the same per iteration.
   */
  iterationCost: number;
}

const VARIANTS: Variant[] = [
  { name: 'PBKDF2_SHA1', tag: 'PBKDF2-SHA1', tags: ['PBKDF2', 'PBKDF2-SHA1'], weakness: 16, hashcatMode: 12000, digest: 'sha1', size: 20, label: 'PBKDF2-SHA1', minIterations: 1_300_000, iterationCost: 0.22 },
  { name: 'PBKDF2_SHA256', tag: 'PBKDF2-SHA256', tags: ['PBKDF2-SHA256'], weakness: 19, hashcatMode: 10900, digest: 'sha256', size: 32, label: 'PBKDF2-SHA256', minIterations: 600_000, iterationCost: 0.21 },
  { name: 'PBKDF2_SHA512', tag: 'PBKDF2-SHA512', tags: ['PBKDF2-SHA512'], weakness: 20, hashcatMode: 12100, digest: 'sha512', size: 64, label: 'PBKDF2-SHA512', minIterations: 210_000, iterationCost: 0.57 },
];

/** pw-pbkdf2's default salt length and iteration count. */
const DEFAULT_SALT_BYTES = 16;
const DEFAULT_ITERATIONS = 10_000;
const ADAPTED = /^[A-Za-z0-9./]+$/;

function decodeAdapted(text: string): Uint8Array | null {
  if (!ADAPTED.test(text) || text.length % 4 === 1) return null;
  return new Uint8Array(Buffer.from(text.replace(/\./g, '+'), 'base64'));
}

function encodeAdapted(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '').replace(/\+/g, '.');
}

function pbkdf2Scheme(variant: Variant): ReadableScheme {
  return defineScheme<Pbkdf2Parsed>({
    name: variant.name,
    recognise: { tags: variant.tags },
    storage: 'adaptive',
    legacy: false,
    unsalted: false,
    weakness: variant.weakness,
    hashcat: {
      mode: variant.hashcatMode,
      name: `PBKDF2-HMAC-${variant.digest.toUpperCase()}`,
      john: `PBKDF2-HMAC-${variant.digest.toUpperCase()}`,
      // hashcat's `sha256:iterations:salt:hash`, salt and hash in standard base64.
      line: (_body, p) => `${variant.digest}:${p.iterations}:${Buffer.from(p.salt).toString('base64')}:${Buffer.from(p.hash).toString('base64')}`,
    },
    read(text) {
      const parts = text.split('$');
      if (parts.length !== 3 || !/^[0-9]{1,10}$/.test(parts[0]!)) return null;
      const iterations = Number(parts[0]);
      const salt = decodeAdapted(parts[1]!);
      const hash = decodeAdapted(parts[2]!);
      if (iterations < 1 || !salt || !hash || salt.length === 0 || hash.length === 0) return null;
      return { iterations, salt, hash };
    },
    params: (p) => ({ iterations: p.iterations, salt: p.salt.length }),
    weakParameters: (p) =>
      p.iterations < variant.minIterations
        ? { label: variant.label, kind: 'iterations', values: { iterations: p.iterations }, minimum: { iterations: variant.minIterations } }
        : null,
    cost: (p) => p.iterations * variant.iterationCost * Math.ceil(p.hash.length / variant.size),
    verify: (p, candidate) =>
      pbkdf2Sync(candidate, p.salt, p.iterations, p.hash.length, variant.digest).equals(p.hash),
    create(password, options) {
      const salt = options?.salt ?? randomBytes(DEFAULT_SALT_BYTES);
      const iterations = options?.rounds ?? DEFAULT_ITERATIONS;
      if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('PBKDF2 iterations must be a positive integer.');
      const hash = pbkdf2Sync(password, salt, iterations, variant.size, variant.digest);
      return `{${variant.tag}}${iterations}$${encodeAdapted(salt)}$${encodeAdapted(hash)}`;
    },
  });
}

export const [pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512] = VARIANTS.map(pbkdf2Scheme) as [ReadableScheme, ReadableScheme, ReadableScheme];
