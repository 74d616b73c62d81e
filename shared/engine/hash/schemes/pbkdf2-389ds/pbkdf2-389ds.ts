// {PBKDF2_SHA256} as 389 Directory Server (Red Hat Directory Server, FreeIPA) stores it — its `pbkdf2_pwd.c`
// storage plugin, long its default scheme — not to be confused with OpenLDAP pw-pbkdf2's
// {PBKDF2-SHA256} (pbkdf2.ts): one standard base64 string of 324 bytes, the iteration count (4 bytes, big-endian),
// a 64-byte salt and 256 bytes of PBKDF2-HMAC-SHA256 output. The same function as {PBKDF2-SHA256}: the report
// names it PBKDF2_SHA256, this descriptor's id tells the two servers' forms apart.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../primitives/base64.ts';
import { defineScheme } from '../readable-scheme.ts';

interface Pbkdf2389Parsed {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

const TAG = 'PBKDF2_SHA256';
const ITERATIONS_BYTES = 4;
const SALT_BYTES = 64;
const HASH_BYTES = 256;
const TOTAL_BYTES = ITERATIONS_BYTES + SALT_BYTES + HASH_BYTES;
/** SHA-256's output: PBKDF2's first block, all an attacker (and Vigie) needs to compute to test a candidate. */
const BLOCK_BYTES = 32;
/** 389-ds' compiled-in iteration count (a server may raise it: the plugin times itself at start-up). */
const DEFAULT_ITERATIONS = 8192;
/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256, as for {PBKDF2-SHA256}. */
const MIN_ITERATIONS = 600_000;
/** One iteration of one block in units of ≈ 1 µs (node:crypto, the 2-core box), as pbkdf2.ts measures it. */
const ITERATION_COST = 0.21;

export const pbkdf2Sha256389ds = defineScheme<Pbkdf2389Parsed>({
  id: 'PBKDF2_SHA256_389DS',
  name: 'PBKDF2_SHA256',
  recognise: { tags: [TAG] },
  storage: 'adaptive',
  legacy: false,
  unsalted: false,
  weakness: 19,
  hashcat: {
    mode: 10901,
    name: 'RedHat 389-DS LDAP (PBKDF2-HMAC-SHA256)',
    // John's PBKDF2-HMAC-SHA256 reads `$pbkdf2-sha256$` lines only: the value goes to hashcat as stored.
    john: null,
    line: (body) => `{${TAG}}${body}`,
  },
  read(text) {
    const bytes = decodeBase64(text);
    if (!bytes || bytes.length !== TOTAL_BYTES) return null;
    const iterations = Buffer.from(bytes.buffer, bytes.byteOffset, ITERATIONS_BYTES).readUInt32BE(0);
    if (iterations < 1) return null;
    return {
      iterations,
      salt: bytes.subarray(ITERATIONS_BYTES, ITERATIONS_BYTES + SALT_BYTES),
      hash: bytes.subarray(ITERATIONS_BYTES + SALT_BYTES),
    };
  },
  params: (p) => ({ iterations: p.iterations, salt: p.salt.length }),
  weakParameters: (p) =>
    p.iterations < MIN_ITERATIONS
      ? { label: 'PBKDF2-SHA256 (389-ds)', kind: 'iterations', values: { iterations: p.iterations }, minimum: { iterations: MIN_ITERATIONS } }
      : null,
  cost: (p) => p.iterations * ITERATION_COST,
  // The first 32 bytes decide: the other seven blocks are the same work again for no more certainty.
  verify: (p, candidate) =>
    pbkdf2Sync(candidate, p.salt, p.iterations, BLOCK_BYTES, 'sha256').equals(p.hash.subarray(0, BLOCK_BYTES)),
  create(password, options) {
    const salt = options?.salt ?? randomBytes(SALT_BYTES);
    if (salt.length !== SALT_BYTES) throw new RangeError(`389-ds PBKDF2_SHA256 salts are ${SALT_BYTES} bytes.`);
    const iterations = options?.rounds ?? DEFAULT_ITERATIONS;
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 0xffff_ffff) {
      throw new RangeError('PBKDF2 iterations must be a positive 32-bit integer.');
    }
    const head = Buffer.alloc(ITERATIONS_BYTES);
    head.writeUInt32BE(iterations);
    const hash = pbkdf2Sync(password, salt, iterations, HASH_BYTES, 'sha256');
    return `{${TAG}}${encodeBase64(Buffer.concat([head, salt, hash]))}`;
  },
});
