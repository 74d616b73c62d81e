// {CRYPT}$y$: yescrypt as libxcrypt writes it (the default of Debian, Ubuntu and Fedora for /etc/shadow):
// `$y$` + variable-length crypt base-64 parameters (flavour, log2 N, r, optional p/t/g) + `$` + salt + `$` + hash.
import { randomBytes } from 'node:crypto';
import { CRYPT_ALPHABET, cryptCharValue, decodeLittleEndian, encodeLittleEndian } from '../primitives/crypt-base64.ts';
import { isSupportedFlavour, nativeYescrypt, YESCRYPT_DEFAULTS, YESCRYPT_RW, yescryptKdf, type YescryptParams } from '../primitives/yescrypt-kdf.ts';
import { defineScheme } from './readable-scheme.ts';

interface YescryptParsed extends YescryptParams {
  salt: Uint8Array;
  hash: string;
}

const RW_FLAVOR_MASK = 0x3fc;

/** libxcrypt's decode64_uint32: a variable-length number whose first character says how many follow. */
function decodeVariable(text: string, at: number, min: number): { value: number; next: number } | null {
  let c = cryptCharValue(text.charCodeAt(at));
  if (c < 0) return null;
  let start = 0, end = 47, chars = 1, bits = 0;
  let value = min;
  while (c > end) {
    value += (end + 1 - start) * 2 ** bits;
    start = end + 1;
    end = start + Math.floor((62 - end) / 2);
    chars++;
    bits += 6;
  }
  value += (c - start) * 2 ** bits;
  let next = at + 1;
  while (--chars) {
    c = cryptCharValue(text.charCodeAt(next++));
    if (c < 0) return null;
    bits -= 6;
    value += c * 2 ** bits;
  }
  return { value, next };
}

function encodeVariable(value: number, min: number): string {
  let v = value - min;
  let start = 0, end = 47, chars = 1, bits = 0;
  for (;;) {
    const count = (end + 1 - start) * 2 ** bits;
    if (v < count) break;
    start = end + 1;
    end = start + Math.floor((62 - end) / 2);
    v -= count;
    chars++;
    bits += 6;
  }
  let out = CRYPT_ALPHABET[start + Math.floor(v / 2 ** bits)]!;
  while (--chars) {
    bits -= 6;
    out += CRYPT_ALPHABET[Math.floor(v / 2 ** bits) & 63]!;
  }
  return out;
}

function readYescrypt(text: string): YescryptParsed | null {
  if (!text.startsWith('$y$')) return null;
  const flavor = decodeVariable(text, 3, 0);
  if (!flavor) return null;
  let flags: number;
  if (flavor.value < YESCRYPT_RW) flags = flavor.value;
  else if (flavor.value <= YESCRYPT_RW + (RW_FLAVOR_MASK >>> 2)) flags = YESCRYPT_RW + ((flavor.value - YESCRYPT_RW) << 2);
  else return null;
  const logN = decodeVariable(text, flavor.next, 1);
  if (!logN || logN.value > 30) return null;
  const r = decodeVariable(text, logN.next, 1);
  if (!r) return null;
  let at = r.next;
  let p = 1, t = 0;
  if (text[at] !== '$') {
    const have = decodeVariable(text, at, 1);
    if (!have) return null;
    at = have.next;
    // Hash upgrades (g) and ROMs (NROM) cannot come from crypt(3): refuse them.
    if (have.value & ~3) return null;
    if (have.value & 1) {
      const pv = decodeVariable(text, at, 2);
      if (!pv) return null;
      p = pv.value;
      at = pv.next;
    }
    if (have.value & 2) {
      const tv = decodeVariable(text, at, 1);
      if (!tv) return null;
      t = tv.value;
      at = tv.next;
    }
  }
  if (text[at] !== '$') return null;
  const rest = text.slice(at + 1).split('$');
  if (rest.length !== 2 || !/^[./0-9A-Za-z]{43}$/.test(rest[1]!)) return null;
  const salt = decodeLittleEndian(rest[0]!);
  if (!salt) return null;
  const N = 2 ** logN.value;
  if (!isSupportedFlavour(flags) || r.value * p >= 2 ** 30 || N < 2) return null;
  if (flags & YESCRYPT_RW && (N / p <= 1 || r.value < 1)) return null;
  return { flags, N, r: r.value, p, t, salt, hash: rest[1]! };
}

/**
 * No OWASP figure exists for yescrypt. The floor is libxcrypt's own default, cost 5 = N 2^12 with r 32 (16 MiB,
 * `$y$j9T$`), which its crypt(5) page presents as the recommended setting; below it, memory per hash is smaller
 * than the distributions that use yescrypt ship.
 */
const MIN_MEMORY_BYTES = 128 * 4096 * 32;
/**
 * Measured on a 2-core box, one MD5 digestHex ≈ 1 µs = 1 unit: the native SMix takes 0.32 ms at N=2^7 r=8 and
 * 31 ms at $y$j9T$ (N=2^12 r=32): ≈ 0.24 per N·r plus ≈ 40 for the HMAC/PBKDF2 steps and the S-boxes. The
 * TypeScript fallback, warmed up: 3.3 ms and 270 ms, ≈ 2.2 per N·r plus ≈ 800.
 */
const NATIVE_COST = { perBlock: 0.24, fixed: 40 };
const TYPESCRIPT_COST = { perBlock: 2.2, fixed: 800 };

/** SMix's work relative to t = 0 (N + N/3 block mixes in the read-write mode): t = 1 does N + 2N/3, t ≥ 2 does tN. */
function timeFactor(t: number): number {
  return t === 0 ? 1 : t === 1 ? 1.25 : 0.75 * t;
}

function mebibytes(p: YescryptParsed): number {
  return (128 * p.N * p.r) / 2 ** 20;
}

export const yescrypt = defineScheme<YescryptParsed>({
  name: 'YESCRYPT',
  recognise: { tags: ['CRYPT'] },
  storage: 'adaptive',
  legacy: false,
  unsalted: false,
  weakness: 23,
  read: readYescrypt,
  params: (p) => ({ N: p.N, r: p.r, p: p.p, t: p.t, salt: p.salt.length }),
  weakParameters: (p) =>
    128 * p.N * p.r < MIN_MEMORY_BYTES
      ? { label: 'yescrypt', kind: 'memory', values: { mebibytes: mebibytes(p) }, minimum: { mebibytes: MIN_MEMORY_BYTES / 2 ** 20 } }
      : null,
  cost(p) {
    const c = nativeYescrypt() ? NATIVE_COST : TYPESCRIPT_COST;
    return p.N * p.r * timeFactor(p.t) * c.perBlock + c.fixed;
  },
  memoryBytes: (p) => 128 * p.N * p.r,
  verify: (p, candidate) => encodeLittleEndian(yescryptKdf(Buffer.from(candidate, 'utf8'), p.salt, p)) === p.hash,
  create(password, options) {
    const logN = options?.log2N ?? 12;
    const r = options?.blockSize ?? 32;
    if (!Number.isInteger(logN) || logN < 1 || logN > 30 || !Number.isInteger(r) || r < 1) {
      throw new RangeError('yescrypt needs integers 1 ≤ log2N ≤ 30 and r ≥ 1.');
    }
    const params: YescryptParams = { flags: YESCRYPT_DEFAULTS, N: 2 ** logN, r, p: 1, t: 0 };
    const salt = options?.salt ?? randomBytes(16);
    const flavor = YESCRYPT_RW + ((YESCRYPT_DEFAULTS - YESCRYPT_RW) >>> 2);
    const setting = `$y$${encodeVariable(flavor, 0)}${encodeVariable(logN, 1)}${encodeVariable(r, 1)}$${encodeLittleEndian(salt)}`;
    return `{CRYPT}${setting}$${encodeLittleEndian(yescryptKdf(Buffer.from(password, 'utf8'), salt, params))}`;
  },
});
