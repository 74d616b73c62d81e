// The native sha-crypt (candidates in SIMD lanes, any mix of lengths in one group) against the TypeScript schemes:
// every password length across the lanes' limit (64 bytes, longer ones take the scalar path), every salt length,
// default and other round counts, the first matching candidate in batch order. AVX2 runs in a child process
// (the addon picks its instruction set once per process). Where the addon was not built (or VIGIE_NO_NATIVE=1),
// the native cases are skipped and the batch contract is checked on the tier that runs (its crypt is the
// TypeScript schemes').
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256crypt, sha512crypt } from '../schemes/sha-crypt.ts';
import { batchOf, testPassword } from './crypt-test-words.ts';
import { kernel, kernelOfTier, type CryptKind } from './index.ts';

interface Case {
  kind: 'SHA256CRYPT' | 'SHA512CRYPT';
  words: string[];
  salt: string;
  rounds: number;
  hash: string;
  /** Index of the first candidate that is the password, or -1. */
  expected: number;
}

const ROUNDS = [1000, 5000, 1001, 1042, 3333];


function parse(created: string): { salt: string; rounds: number; hash: string } {
  const m = /^\{CRYPT\}\$[56]\$rounds=(\d+)\$([^$]*)\$(.+)$/.exec(created);
  if (!m) throw new Error('unexpected sha-crypt value');
  return { rounds: Number(m[1]), salt: m[2]!, hash: m[3]! };
}

/** Per length 0…70: the password among candidates of other lengths (at a position that moves across the lanes). */
function cases(): Case[] {
  const out: Case[] = [];
  for (const [kind, scheme] of [['SHA256CRYPT', sha256crypt], ['SHA512CRYPT', sha512crypt]] as const) {
    for (let length = 0; length <= 70; length++) {
      const secret = testPassword(length, length);
      const saltBytes = Uint8Array.from({ length: length % 17 }, (_, i) => i * 7 + length);
      const { salt, rounds, hash } = parse(String(scheme.create(secret, { salt: saltBytes, rounds: ROUNDS[length % ROUNDS.length]! })));
      const decoys = Array.from({ length: 19 }, (_, i) => testPassword((length * 3 + i * 5) % 72, length + i + 1));
      const at = (length * 5) % 20;
      const words = [...decoys.slice(0, at), secret, ...decoys.slice(at)];
      // The same password again later: the first one is the answer.
      if (length % 2 === 0) words.push(secret);
      out.push({ kind, words, salt, rounds, hash, expected: words.indexOf(secret) });
      if (length % 10 === 0) out.push({ kind, words: decoys.filter((w) => w !== secret), salt, rounds, hash, expected: -1 });
    }
  }
  return out;
}


const native = kernelOfTier('native');
/** The native tier when it was built, else the tier this process runs. */
const tier = native ?? kernel();
const NO_ADDON = 'native addon not built here: the other tiers\' crypt is the TypeScript scheme these cases are made with';

describe(`sha-crypt in the ${tier.tier} tier${native ? ', in SIMD lanes' : ''}`, () => {
  const all = native ? cases() : [];

  it.skipIf(!native)(`finds the first candidate giving the TypeScript scheme's hash, for every length, salt length and round count${native ? '' : ` (${NO_ADDON})`}`, () => {
    for (const c of all) {
      const found = native!.crypt(c.kind as CryptKind, batchOf(c.words), c.salt, c.rounds, c.hash);
      expect(found, `${c.kind} case ${all.indexOf(c)}, salt ${c.salt.length}, ${c.rounds} rounds`).toBe(c.expected);
    }
  });

  it('finds the password in every lane of a full batch of equal lengths, and nothing for a wrong hash', () => {
    const secret = 'Soleil2024!';
    // Without the addon, crypt runs the TypeScript scheme: 1,000 rounds check the same contract in a fifth of the time.
    const { salt, rounds, hash } = parse(String(sha512crypt.create(secret, { salt: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), rounds: native ? 5000 : 1000 })));
    for (let at = 0; at < 40; at += 3) {
      const words = Array.from({ length: 40 }, (_, i) => (i === at ? secret : `Soleil${2000 + i}?`));
      expect(tier.crypt('SHA512CRYPT', batchOf(words), salt, rounds, hash)).toBe(at);
    }
    const wrong = (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);
    expect(tier.crypt('SHA512CRYPT', batchOf([secret]), salt, rounds, wrong)).toBe(-1);
    expect(tier.crypt('SHA512CRYPT', batchOf([secret]), salt, rounds, hash.slice(1))).toBe(-1);
  });

  it.skipIf(native?.isa !== 'avx512')(`gives the same answers with AVX2 (VIGIE_NATIVE_NO_AVX512=1)${native?.isa === 'avx512' ? '' : ` (needs the addon on an AVX-512 CPU; here: ${native ? native.isa : 'not built'})`}`, () => {
    const script = `
      const addon = require('node-gyp-build')(process.env.VIGIE_NATIVE_DIR);
      const found = JSON.parse(require('node:fs').readFileSync(0, 'utf8')).map((c) => {
        const bytes = c.words.map((w) => Buffer.from(w, 'utf8'));
        const offsets = new Uint32Array(bytes.length + 1);
        bytes.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
        return addon.crypt(c.kind === 'SHA256CRYPT' ? 5 : 6, Buffer.concat(bytes), offsets, bytes.length,
          Buffer.from(c.salt, 'latin1'), c.rounds, Buffer.from(c.hash, 'latin1'));
      });
      console.log(JSON.stringify({ isa: addon.isa, found }));`;
    const r = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      input: JSON.stringify(all),
      env: {
        ...process.env,
        VIGIE_NATIVE_NO_AVX512: '1',
        VIGIE_NATIVE_DIR: fileURLToPath(new URL('../../../../native/', import.meta.url)),
      },
    });
    expect(r.status, r.stderr).toBe(0);
    const { isa, found } = JSON.parse(r.stdout) as { isa: string; found: number[] };
    expect(isa).toBe('avx2');
    expect(found).toEqual(all.map((c) => c.expected));
  });
});
