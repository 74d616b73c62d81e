// The native md5crypt (candidates in SIMD lanes, any mix of lengths in one group: native/src/md5crypt_simd.c)
// against the TypeScript scheme: every password length across the lanes' limit (47 bytes, longer ones take the
// scalar path), every salt length (0–8), the first matching candidate in batch order, a part-full last group. The
// narrower instruction sets run in a child process each (the addon picks its set once per process). Where the addon
// was not built (or VIGIE_NO_NATIVE=1), the native cases are skipped and the batch contract is checked on the tier
// that runs (its crypt is the TypeScript scheme's).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { md5CryptHash } from '../schemes/md5crypt.ts';
import { batchOf, testPassword } from './crypt-test-words.ts';
import { kernel, kernelOfTier } from './index.ts';

interface Case {
  words: string[];
  salt: string;
  hash: string;
  /** Index of the first candidate that is the password, or -1. */
  expected: number;
}

const SALT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';


/** Per length 0…60: the password among candidates of other lengths, at a position that moves across the lanes. */
function cases(): Case[] {
  const out: Case[] = [];
  for (let length = 0; length <= 60; length++) {
    const secret = testPassword(length, length);
    const salt = Array.from({ length: length % 9 }, (_, i) => SALT_ALPHABET[(i * 11 + length) % 64]).join('');
    const hash = md5CryptHash(secret, salt);
    const decoys = Array.from({ length: 18 + (length % 5) }, (_, i) => testPassword((length * 3 + i * 5) % 62, length + i + 1));
    const at = (length * 5) % decoys.length;
    const words = [...decoys.slice(0, at), secret, ...decoys.slice(at)];
    // The same password again later: the first one is the answer.
    if (length % 2 === 0) words.push(secret);
    out.push({ words, salt, hash, expected: words.indexOf(secret) });
    if (length % 10 === 0) out.push({ words: decoys.filter((w) => w !== secret), salt, hash, expected: -1 });
  }
  return out;
}


const native = kernelOfTier('native');
/** The native tier when it was built, else the tier this process runs. */
const tier = native ?? kernel();
const NO_ADDON = 'native addon not built here: the other tiers\' crypt is the TypeScript scheme these cases are made with';
const narrower = native?.isa === 'avx512' ? ['avx2', 'sse2'] : native?.isa === 'avx2' ? ['sse2'] : [];

describe(`md5crypt in the ${tier.tier} tier${native ? ', in SIMD lanes' : ''}`, () => {
  const all = native ? cases() : [];

  it.skipIf(!native)(`finds the first candidate giving the TypeScript scheme's hash, for every length and salt length${native ? '' : ` (${NO_ADDON})`}`, () => {
    for (const c of all) {
      expect(native!.crypt('MD5CRYPT', batchOf(c.words), c.salt, 1000, c.hash), `case ${all.indexOf(c)}, salt ${c.salt.length}`).toBe(c.expected);
    }
  });

  it('finds the password in every lane of a full batch of equal lengths, and nothing for a wrong hash', () => {
    const secret = 'Dupont2008!';
    const hash = md5CryptHash(secret, 'a1b2c3d4');
    // 27 candidates: three full groups of AVX2's 8 lanes and a part-full one (at 24–26); the TypeScript tier stops
    // at the match, so the positions stay few for it.
    for (const at of [0, 5, 11, 17, 23, 26]) {
      const words = Array.from({ length: 27 }, (_, i) => (i === at ? secret : `Dupont${1960 + i}!`));
      expect(tier.crypt('MD5CRYPT', batchOf(words), 'a1b2c3d4', 1000, hash)).toBe(at);
    }
    const wrong = (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);
    expect(tier.crypt('MD5CRYPT', batchOf([secret]), 'a1b2c3d4', 1000, wrong)).toBe(-1);
    expect(tier.crypt('MD5CRYPT', batchOf([secret]), 'a1b2c3d4', 1000, hash.slice(1))).toBe(-1);
  });

  if (narrower.length === 0) {
    it.skip(`has no narrower instruction set to compare: ${native ? `the addon runs ${native.isa}` : 'the native addon is not built here'}`, () => {});
  }

  it.each(narrower)('gives the same answers with %s (VIGIE_NATIVE_ISA, in a child process)', (isa) => {
    const script = `
      const addon = require('node-gyp-build')(process.env.VIGIE_NATIVE_DIR);
      const found = JSON.parse(require('node:fs').readFileSync(0, 'utf8')).map((c) => {
        const bytes = c.words.map((w) => Buffer.from(w, 'utf8'));
        const offsets = new Uint32Array(bytes.length + 1);
        bytes.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
        return addon.crypt(1, Buffer.concat(bytes), offsets, bytes.length, Buffer.from(c.salt, 'latin1'), 1000, Buffer.from(c.hash, 'latin1'));
      });
      console.log(JSON.stringify({ isa: addon.isa, found }));`;
    const r = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      input: JSON.stringify(all),
      cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
      env: {
        ...process.env,
        VIGIE_NATIVE_ISA: isa,
        VIGIE_NATIVE_NO_AVX512: '',
        VIGIE_NATIVE_DIR: fileURLToPath(new URL('../../../../native/', import.meta.url)),
      },
    });
    expect(r.status, r.stderr).toBe(0);
    const { isa: ran, found } = JSON.parse(r.stdout) as { isa: string; found: number[] };
    expect(ran).toBe(isa);
    expect(found).toEqual(all.map((c) => c.expected));
  }, 60_000);
});
