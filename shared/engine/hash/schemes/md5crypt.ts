// {CRYPT}$1$salt$hash: Poul-Henning Kamp's md5crypt, 1000 fixed MD5 rounds over a salt of up to 8 characters.
import { createHash, randomBytes } from 'node:crypto';
import { CRYPT_ALPHABET, encodeGroup } from '../primitives/crypt-base64.ts';
import { nativeCryptLanes } from './native-crypt.ts';
import { defineScheme } from './readable-scheme.ts';

interface Md5CryptParsed {
  salt: string;
  hash: string;
}

const SHAPE = /^\$1\$([^$]{0,8})\$([./0-9A-Za-z]{22})$/;

export function md5CryptHash(password: string, salt: string): string {
  const pw = Buffer.from(password, 'utf8');
  const saltBytes = Buffer.from(salt, 'latin1');
  const alternate = createHash('md5').update(pw).update(saltBytes).update(pw).digest();
  const context = createHash('md5').update(pw).update('$1$').update(saltBytes);
  for (let left = pw.length; left > 0; left -= 16) context.update(alternate.subarray(0, Math.min(left, 16)));
  // Kamp's quirk: a NUL byte for each set bit of the length, the first password byte for each clear bit.
  const zero = Buffer.alloc(1);
  const first = pw.subarray(0, 1).length ? pw.subarray(0, 1) : zero;
  for (let i = pw.length; i; i >>>= 1) context.update(i & 1 ? zero : first);
  let final = context.digest();
  for (let i = 0; i < 1000; i++) {
    const round = createHash('md5');
    round.update(i & 1 ? pw : final);
    if (i % 3) round.update(saltBytes);
    if (i % 7) round.update(pw);
    round.update(i & 1 ? final : pw);
    final = round.digest();
  }
  const f = final;
  return encodeGroup((f[0]! << 16) | (f[6]! << 8) | f[12]!, 4) +
    encodeGroup((f[1]! << 16) | (f[7]! << 8) | f[13]!, 4) +
    encodeGroup((f[2]! << 16) | (f[8]! << 8) | f[14]!, 4) +
    encodeGroup((f[3]! << 16) | (f[9]! << 8) | f[15]!, 4) +
    encodeGroup((f[4]! << 16) | (f[10]! << 8) | f[5]!, 4) +
    encodeGroup(f[11]!, 2);
}

export const md5crypt = defineScheme<Md5CryptParsed>({
  name: 'MD5CRYPT',
  recognise: { tags: ['CRYPT'] },
  storage: 'fast',
  legacy: true,
  unsalted: false,
  weakness: 14,
  kernel: { kind: 'crypt', crypt: 'MD5CRYPT', bind: (p) => ({ salt: p.salt, rounds: 1000, hash: p.hash }) },
  hashcat: { mode: 500, name: 'md5crypt', john: 'md5crypt', line: (body) => body },
  read(text) {
    const match = SHAPE.exec(text);
    return match ? { salt: match[1]!, hash: match[2]! } : null;
  },
  params: (p) => ({ rounds: 1000, salt: p.salt.length }),
  // In units of ≈ 1 µs of one core (2-core EPYC box): ≈ 2.8 ms with node:crypto (wasm and reference tiers); in the
  // addon, candidates run in SIMD lanes (md5crypt_simd.c): ≈ 20 µs each with AVX2's 8 lanes, ≈ 40 µs with 4 (SSE2,
  // NEON), against 170 µs for its scalar C one at a time. AVX-512's 16 lanes are counted as AVX2's.
  cost: () => {
    const lanes = nativeCryptLanes();
    return lanes >= 8 ? 20 : lanes >= 4 ? 40 : 2800;
  },
  verify: (p, candidate) => md5CryptHash(candidate, p.salt) === p.hash,
  create(password, options) {
    const random = options?.salt ?? randomBytes(8);
    let salt = '';
    for (let i = 0; i < Math.min(8, random.length); i++) salt += CRYPT_ALPHABET[random[i]! & 63];
    return `{CRYPT}$1$${salt}$${md5CryptHash(password, salt)}`;
  },
});
