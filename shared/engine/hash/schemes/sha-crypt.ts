// {CRYPT}$5$ and $6$: Ulrich Drepper's SHA-crypt (SHA-256 / SHA-512), `rounds=N$` optional (default 5000,
// clamped to 1000…999999999 as glibc and libxcrypt do), salt of up to 16 characters.
import { createHash, randomBytes } from 'node:crypto';
import type { HashSchemeName } from '../../../contract/codes.ts';
import { CRYPT_ALPHABET, encodeGroup } from '../primitives/crypt-base64.ts';
import { nativeCrypt } from './native-crypt.ts';
import { defineScheme, type ReadableScheme } from './readable-scheme.ts';

interface ShaCryptParsed {
  rounds: number;
  salt: string;
  hash: string;
}

const DEFAULT_ROUNDS = 5000;
/** Below the default 5000 rounds, a sha-crypt hash is cheaper than its designers' own baseline. */
const MIN_ROUNDS = 5000;

interface Variant {
  name: HashSchemeName;
  id: '5' | '6';
  algorithm: 'sha256' | 'sha512';
  hashChars: number;
  /** The byte triples of the final encoding, as the reference implementation lists them. */
  order: readonly (readonly [number, number, number])[];
  tail: (f: Buffer) => string;
  label: string;
  /** See ReadableScheme.weakness. */
  weakness: number;
  hashcatMode: number;
  /**
   * One round in units of ≈ 1 µs: `typescript` with node:crypto (5000 rounds ≈ 24 ms, Node 20), `native` in the
   * addon's SIMD lanes, candidates of a batch side by side (2-core AVX-512 box, CPU time per candidate at 5000
   * rounds, batches of 16–150: SHA-256 188–216 µs, SHA-512 253–260 µs).
   */
  roundCost: { typescript: number; native: number };
}

function sha256Order(): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0, a = 0; i < 10; i++) {
    const b = (a + 10) % 30, c = (a + 20) % 30;
    out.push([a, b, c]);
    a = (c + 1) % 30; // 0,10,20 then 21,1,11 …
  }
  return out;
}

function sha512Order(): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0, a = 0; i < 21; i++) {
    const b = (a + 21) % 63, c = (a + 42) % 63;
    out.push([a, b, c]);
    a = (b + 1) % 63; // 0,21,42 then 22,43,1 …
  }
  return out;
}

const VARIANTS: Variant[] = [
  {
    name: 'SHA256CRYPT', id: '5', algorithm: 'sha256', hashChars: 43, order: sha256Order(),
    tail: (f) => encodeGroup((f[31]! << 8) | f[30]!, 3), label: 'SHA-256-crypt', weakness: 17, hashcatMode: 7400,
    roundCost: { typescript: 4.8, native: 0.045 },
  },
  {
    name: 'SHA512CRYPT', id: '6', algorithm: 'sha512', hashChars: 86, order: sha512Order(),
    tail: (f) => encodeGroup(f[63]!, 2), label: 'SHA-512-crypt', weakness: 18, hashcatMode: 1800,
    roundCost: { typescript: 5.2, native: 0.055 },
  },
];

function repeatTo(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += source.length) source.copy(out, i, 0, Math.min(source.length, length - i));
  return out;
}

function shaCryptHash(variant: Variant, password: string, salt: string, rounds: number): string {
  const { algorithm } = variant;
  const pw = Buffer.from(password, 'utf8');
  const s = Buffer.from(salt, 'latin1');
  const b = createHash(algorithm).update(pw).update(s).update(pw).digest();
  const context = createHash(algorithm).update(pw).update(s).update(repeatTo(b, pw.length));
  for (let i = pw.length; i > 0; i >>>= 1) context.update(i & 1 ? b : pw);
  const a = context.digest();
  const dp = createHash(algorithm);
  for (let i = 0; i < pw.length; i++) dp.update(pw);
  const p = repeatTo(dp.digest(), pw.length);
  const ds = createHash(algorithm);
  for (let i = 0; i < 16 + a[0]!; i++) ds.update(s);
  const sBytes = ds.digest().subarray(0, s.length);
  let c = a;
  for (let i = 0; i < rounds; i++) {
    const round = createHash(algorithm);
    round.update(i & 1 ? p : c);
    if (i % 3) round.update(sBytes);
    if (i % 7) round.update(p);
    round.update(i & 1 ? c : p);
    c = round.digest();
  }
  let out = '';
  for (const [x, y, z] of variant.order) out += encodeGroup((c[x]! << 16) | (c[y]! << 8) | c[z]!, 4);
  return out + variant.tail(c);
}

function shaCryptScheme(variant: Variant): ReadableScheme {
  const shape = new RegExp(`^\\$${variant.id}\\$(?:rounds=([0-9]{1,10})\\$)?([^$]{0,16})\\$([./0-9A-Za-z]{${variant.hashChars}})$`);
  return defineScheme<ShaCryptParsed>({
    name: variant.name,
    recognise: { tags: ['CRYPT'] },
    storage: 'adaptive',
    legacy: false,
    unsalted: false,
    weakness: variant.weakness,
    kernel: { kind: 'crypt', crypt: variant.name === 'SHA256CRYPT' ? 'SHA256CRYPT' : 'SHA512CRYPT', bind: (p) => p },
    hashcat: { mode: variant.hashcatMode, name: variant.name.toLowerCase(), john: variant.name.toLowerCase(), line: (body) => body },
    read(text) {
      const match = shape.exec(text);
      if (!match) return null;
      const rounds = match[1] === undefined ? DEFAULT_ROUNDS : Math.min(999_999_999, Math.max(1000, Number(match[1])));
      return { rounds, salt: match[2]!, hash: match[3]! };
    },
    params: (p) => ({ rounds: p.rounds, salt: p.salt.length }),
    weakParameters: (p) =>
      p.rounds < MIN_ROUNDS ? { label: variant.label, kind: 'rounds', values: { rounds: p.rounds }, minimum: { rounds: MIN_ROUNDS } } : null,
    cost: (p) => p.rounds * (nativeCrypt() ? variant.roundCost.native : variant.roundCost.typescript),
    verify: (p, candidate) => shaCryptHash(variant, candidate, p.salt, p.rounds) === p.hash,
    create(password, options) {
      const random = options?.salt ?? randomBytes(16);
      let salt = '';
      for (let i = 0; i < Math.min(16, random.length); i++) salt += CRYPT_ALPHABET[random[i]! & 63];
      const rounds = Math.min(999_999_999, Math.max(1000, options?.rounds ?? DEFAULT_ROUNDS));
      const prefix = options?.rounds === undefined ? '' : `rounds=${rounds}$`;
      return `{CRYPT}$${variant.id}$${prefix}${salt}$${shaCryptHash(variant, password, salt, rounds)}`;
    },
  });
}

export const [sha256crypt, sha512crypt] = VARIANTS.map(shaCryptScheme) as [ReadableScheme, ReadableScheme];
