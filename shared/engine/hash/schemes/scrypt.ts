// {CRYPT}$7$: scrypt in libxcrypt's crypt format: `$7$` + log2(N) (1 char) + r (5 chars) + p (5 chars), each a
// little-endian crypt base-64 number, then the salt characters (used as is, not decoded), `$`, 43-char hash.
import { randomBytes, scryptSync } from 'node:crypto';
import { CRYPT_ALPHABET, cryptCharValue, encodeLittleEndian } from '../primitives/crypt-base64.ts';
import { nativeScrypt, nativeYescrypt } from '../primitives/yescrypt-kdf.ts';
import { defineScheme } from './readable-scheme.ts';

interface ScryptParsed {
  logN: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

const SHAPE = /^\$7\$([./0-9A-Za-z])([./0-9A-Za-z]{5})([./0-9A-Za-z]{5})([^$]*)\$([./0-9A-Za-z]{43})$/;

function decodeNumber(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value += cryptCharValue(text.charCodeAt(i)) * 2 ** (6 * i);
  return value;
}

function encodeNumber(value: number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) {
    out += CRYPT_ALPHABET[Math.floor(value / 2 ** (6 * i)) & 63];
  }
  return out;
}

/**
 * OWASP Password Storage Cheat Sheet: N=2^17 r=8 p=1, N=2^16 r=8 p=2, N=2^15 r=8 p=3, N=2^14 r=8 p=5 or
 * N=2^13 r=8 p=10. Read as block memory N·r against a minimum p, so other r values compare fairly.
 */
function minimumP(blockMemory: number): number {
  if (blockMemory >= 2 ** 20) return 1;
  if (blockMemory >= 2 ** 19) return 2;
  if (blockMemory >= 2 ** 18) return 3;
  if (blockMemory >= 2 ** 17) return 5;
  if (blockMemory >= 2 ** 16) return 10;
  return Infinity;
}

/** libxcrypt's own default ($7$CU..../....): N=2^14, r=32, p=1. */
const DEFAULTS = { logN: 14, r: 32, p: 1 };
/**
 * Measured on the 2-core box (CPU time, node:crypto), one unit ≈ 1 µs: N=2^10 r=8 p=1 takes 2.2 ms (0.27 per N·r·p),
 * N=2^17 r=8 439 ms (0.42: 128 MiB no longer fits the caches). 0.3 is exact where the budget buys more than a few
 * candidates; the strong settings get the depth's minimum either way.
 */
const COST_PER_BLOCK = 0.3;

/**
 * The most one check's V may take where the native SMix can keep one block in k (hashcat's scrypt TMTO): OWASP's
 * N=2^17, r=8 (128 MiB) is checked in 32 MiB with k=4. Measured on the 2-core box, V of 64 to 256 MiB checks
 * 20–40 % faster this way than OpenSSL's full V (fewer fresh pages to fault in), k=16 ≈ 1.5 × slower.
 */
const CHECK_MEMORY = 32 * 2 ** 20;

/** One block of V kept in this many, for this value: 1 (all of V, OpenSSL) unless the native SMix is there. */
function tmtoFactor(p: Pick<ScryptParsed, 'logN' | 'r'>): number {
  const full = 128 * p.r * 2 ** p.logN;
  return full > CHECK_MEMORY && nativeYescrypt() ? Math.ceil(full / CHECK_MEMORY) : 1;
}

function scryptHash(password: string, p: Pick<ScryptParsed, 'logN' | 'r' | 'p' | 'salt'>): string {
  const N = 2 ** p.logN;
  const salt = Buffer.from(p.salt, 'latin1');
  const tmto = tmtoFactor(p);
  const digest = (tmto > 1 ? nativeScrypt(Buffer.from(password, 'utf8'), salt, N, p.r, p.p, 32, tmto) : null)
    ?? scryptSync(password, salt, 32, { N, r: p.r, p: p.p, maxmem: 128 * N * p.r + 128 * p.r * p.p + (16 << 20) });
  return encodeLittleEndian(digest);
}

export const scrypt = defineScheme<ScryptParsed>({
  name: 'SCRYPT',
  recognise: { tags: ['CRYPT'] },
  storage: 'adaptive',
  legacy: false,
  unsalted: false,
  weakness: 22,
  read(text) {
    const match = SHAPE.exec(text);
    if (!match) return null;
    const logN = cryptCharValue(match[1]!.charCodeAt(0));
    const r = decodeNumber(match[2]!), p = decodeNumber(match[3]!);
    // node:crypto refuses N·r·p beyond what scrypt allows; such a value is not one libxcrypt would write.
    if (logN < 1 || logN > 30 || r < 1 || p < 1 || r * p >= 2 ** 30) return null;
    return { logN, r, p, salt: match[4]!, hash: match[5]! };
  },
  params: (p) => ({ N: 2 ** p.logN, r: p.r, p: p.p, salt: p.salt.length }),
  weakParameters(p) {
    const blockMemory = 2 ** p.logN * p.r;
    const needed = minimumP(blockMemory);
    return p.p < needed
      ? { label: 'scrypt', kind: 'scrypt', values: { logN: p.logN, r: p.r, p: p.p }, minimum: { logN: 17, r: 8, p: 1 } }
      : null;
  },
  // Up to k=8 the trade-off costs no time here (see CHECK_MEMORY); beyond, the second loop's recomputing shows.
  cost: (p) => 2 ** p.logN * p.r * p.p * COST_PER_BLOCK * Math.max(1, (3 + tmtoFactor(p)) / 12),
  // V (128·r·N bytes, a k-th of it with the trade-off) and B (128·r·p), as the maxmem given to scryptSync counts them.
  memoryBytes: (p) => 128 * p.r * Math.ceil(2 ** p.logN / tmtoFactor(p)) + 128 * p.r * p.p,
  verify: (p, candidate) => scryptHash(candidate, p) === p.hash,
  create(password, options) {
    const logN = options?.log2N ?? DEFAULTS.logN;
    const r = options?.blockSize ?? DEFAULTS.r;
    const p = options?.parallelism ?? DEFAULTS.p;
    if (!Number.isInteger(logN) || logN < 1 || logN > 30 || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1) {
      throw new RangeError('scrypt needs integers 1 ≤ log2N ≤ 30, r ≥ 1 and p ≥ 1.');
    }
    const random = options?.salt ?? randomBytes(16);
    // libxcrypt writes 32 salt characters from 24 random bytes; any crypt base-64 text is accepted.
    const salt = encodeLittleEndian(random);
    const setting = `$7$${CRYPT_ALPHABET[logN]}${encodeNumber(r, 5)}${encodeNumber(p, 5)}${salt}`;
    return `{CRYPT}${setting}$${scryptHash(password, { logN, r, p, salt })}`;
  },
});
