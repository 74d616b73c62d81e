// {ARGON2}$argon2i$ / $argon2d$ / $argon2id$ (slapd's argon2 module): a PHC string. slapd parses only the
// `m=…,t=…,p=…` order, so that is what `create` writes; reading accepts any order. Hashing goes through the
// `argon2` package (native, prebuilt for Node and Electron) with the parsed parameters, in raw mode.
import { randomBytes } from 'node:crypto';
import { hash as argon2Hash } from 'argon2';
import type { HashSchemeName } from '../../../contract/codes.ts';
import { decodeUnpaddedBase64, encodeUnpaddedBase64 } from '../primitives/base64.ts';
import { defineScheme, type ReadableScheme } from './readable-scheme.ts';

interface Argon2Parsed {
  version: number;
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

type Argon2Type = 'argon2i' | 'argon2d' | 'argon2id';
const TYPE_CODE: Record<Argon2Type, 0 | 1 | 2> = { argon2d: 0, argon2i: 1, argon2id: 2 };

/**
 * OWASP Password Storage Cheat Sheet: argon2id with m=47104 t=1, m=19456 t=2, m=12288 t=3, m=9216 t=4 or
 * m=7168 t=5 (KiB), p=1. The same floor is applied to argon2i and argon2d, which are not stronger per unit.
 */
function minimumMemoryKiB(timeCost: number): number {
  if (timeCost <= 1) return 47_104;
  if (timeCost === 2) return 19_456;
  if (timeCost === 3) return 12_288;
  if (timeCost === 4) return 9_216;
  return 7_168;
}

const DEFAULTS = { memoryKiB: 19_456, timeCost: 2, parallelism: 1 };
const HASH_BYTES = 32;
const SALT_BYTES = 16;
/**
 * Measured on the 2-core box (CPU time, the argon2 package), one unit ≈ 1 µs: m=1024 t=1 p=1 takes 0.6 ms,
 * m=7168 t=5 20 ms: ≈ 0.56 per KiB and pass plus ≈ 50 for the call.
 */
const COST_PER_KIB_PASS = 0.56;
const FIXED_COST = 50;

function readPhc(type: Argon2Type, text: string): Argon2Parsed | null {
  const parts = text.split('$');
  // ['', type, 'v=19', 'm=…,t=…,p=…', salt, hash]; the version field may be absent (version 0x10).
  if (parts[0] !== '' || parts[1] !== type) return null;
  let rest = parts.slice(2);
  let version = 0x10;
  if (rest[0]?.startsWith('v=')) {
    const v = /^v=([0-9]{1,3})$/.exec(rest[0]);
    if (!v) return null;
    version = Number(v[1]);
    rest = rest.slice(1);
  }
  if (version !== 0x10 && version !== 0x13) return null;
  if (rest.length !== 3) return null;
  const values = new Map<string, number>();
  for (const field of rest[0]!.split(',')) {
    const kv = /^([mtp])=([0-9]{1,10})$/.exec(field);
    if (!kv || values.has(kv[1]!)) return null;
    values.set(kv[1]!, Number(kv[2]));
  }
  const memoryKiB = values.get('m'), timeCost = values.get('t'), parallelism = values.get('p');
  if (memoryKiB === undefined || timeCost === undefined || parallelism === undefined || values.size !== 3) return null;
  if (timeCost < 1 || parallelism < 1 || parallelism > 0xffffff || memoryKiB < 8 * parallelism) return null;
  const salt = decodeUnpaddedBase64(rest[1]!);
  const hash = decodeUnpaddedBase64(rest[2]!);
  if (!salt || !hash || salt.length < 8 || hash.length < 4) return null;
  return { version, memoryKiB, timeCost, parallelism, salt, hash };
}

function argon2Scheme(name: HashSchemeName, type: Argon2Type, weakness: number): ReadableScheme {
  const raw = (password: string, p: Omit<Argon2Parsed, 'hash'>, hashLength: number): Promise<Buffer> =>
    argon2Hash(password, {
      raw: true,
      type: TYPE_CODE[type],
      version: p.version,
      memoryCost: p.memoryKiB,
      timeCost: p.timeCost,
      parallelism: p.parallelism,
      salt: Buffer.from(p.salt),
      hashLength,
    });
  return defineScheme<Argon2Parsed>({
    name,
    recognise: { tags: ['ARGON2'] },
    storage: 'adaptive',
    legacy: false,
    unsalted: false,
    weakness,
    read: (text) => readPhc(type, text),
    params: (p) => ({ m: p.memoryKiB, t: p.timeCost, p: p.parallelism, salt: p.salt.length }),
    weakParameters(p) {
      const floor = minimumMemoryKiB(p.timeCost);
      return p.memoryKiB < floor
        ? { label: type, kind: 'argon2', values: { memoryKiB: p.memoryKiB, timeCost: p.timeCost }, minimum: { memoryKiB: floor, timeCost: Math.min(p.timeCost, 5) } }
        : null;
    },
    cost: (p) => p.memoryKiB * p.timeCost * COST_PER_KIB_PASS + FIXED_COST,
    memoryBytes: (p) => p.memoryKiB * 1024,
    verify: async (p, candidate) => (await raw(candidate, p, p.hash.length)).equals(p.hash),
    async create(password, options) {
      const parsed = {
        version: 0x13,
        memoryKiB: options?.memoryKiB ?? DEFAULTS.memoryKiB,
        timeCost: options?.timeCost ?? DEFAULTS.timeCost,
        parallelism: options?.parallelism ?? DEFAULTS.parallelism,
        salt: options?.salt ?? randomBytes(SALT_BYTES),
      };
      const digest = await raw(password, parsed, HASH_BYTES);
      return `{ARGON2}$${type}$v=19$m=${parsed.memoryKiB},t=${parsed.timeCost},p=${parsed.parallelism}` +
        `$${encodeUnpaddedBase64(parsed.salt)}$${encodeUnpaddedBase64(digest)}`;
    },
  });
}

export const argon2i = argon2Scheme('ARGON2I', 'argon2i', 25);
export const argon2d = argon2Scheme('ARGON2D', 'argon2d', 24);
export const argon2id = argon2Scheme('ARGON2ID', 'argon2id', 26);
