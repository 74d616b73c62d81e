// Every tier against the reference code and published vectors, for every algorithm, salted or not, short and
// longer than one block, ASCII and not. The native tier is tested when it was built here (it is optional, and
// VIGIE_NO_NATIVE=1 hides it): without it, its cases are skipped and the other tiers' still run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kernel, kernelOfTier, type KernelAlgorithm, type KernelTier } from './index.ts';
import { loadAddon } from './native.ts';
import { referenceDigest } from './reference.ts';
import {
  ALGORITHMS, batchOf, PRODUCT_ALGORITHMS, PRODUCT_RANGES, PRODUCT_SALT, PRODUCT_WANTED, productText, STEMS, SUFFIXES, WORDS, workload,
} from './kernels.workload.ts';

const VECTORS: [KernelAlgorithm, string, string][] = [
  ['NT', 'password', '8846f7eaee8fb117ad06bdd830b7586c'],
  ['LM', 'password', 'e52cac67419a9a224a3b108f3fa6cb6d'],
  ['MD4', 'abc', 'a448017aaf21d8525fc10ae87aa6729d'],
  ['MD5', 'abc', '900150983cd24fb0d6963f7d28e17f72'],
  ['SHA1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['SHA256', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['SHA512', 'abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
];

const tiers: KernelTier[] = ['reference', 'wasm', 'native'];

describe('the tier this process uses', () => {
  it('is the native one when the addon loads, else WebAssembly, unless VIGIE_KERNEL forces another', () => {
    const forced = process.env.VIGIE_KERNEL;
    const expected = forced === 'reference' || forced === 'wasm' ? forced : kernelOfTier('native') ? 'native' : 'wasm';
    expect(kernel().tier).toBe(expected);
  });

  it('finds no addon when VIGIE_NO_NATIVE=1 hides it, as on a machine without a C compiler', () => {
    const before = process.env.VIGIE_NO_NATIVE;
    process.env.VIGIE_NO_NATIVE = '1';
    try {
      expect(loadAddon()).toBeNull();
    } finally {
      if (before === undefined) delete process.env.VIGIE_NO_NATIVE;
      else process.env.VIGIE_NO_NATIVE = before;
    }
  });
});

describe.each(tiers)('the %s kernel tier', (tier) => {
  const k = kernelOfTier(tier);
  it.skipIf(tier === 'native' && !k)('loads and names what it runs on', () => {
    expect(k).not.toBeNull();
    expect(k!.tier).toBe(tier);
    expect(k!.isa).toMatch(/^(avx512|avx2|sse2|neon|base|wasm-simd128|js)$/);
  });

  it.skipIf(!k).each(VECTORS)('gives the reference vector of %s(%s)', (algorithm, word, hex) => {
    expect(Buffer.from(k!.digest(algorithm, batchOf(algorithm, [word]))).toString('hex')).toBe(hex);
  });

  it.skipIf(!k).each(ALGORITHMS)('agrees with the reference code on %s, salted or not', (algorithm) => {
    const salts = algorithm === 'LM' ? [undefined] : [undefined, Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254])];
    for (const salt of salts) {
      const batch = batchOf(algorithm, WORDS);
      const digests = k!.digest(algorithm, batch, salt);
      const length = digests.length / WORDS.length;
      WORDS.forEach((w, i) => {
        expect(Buffer.from(digests.subarray(i * length, (i + 1) * length)).toString('hex'), `${algorithm} ${i}`)
          .toBe(Buffer.from(referenceDigest(algorithm, w, salt)).toString('hex'));
      });
    }
  });

  it.skipIf(!k).each(ALGORITHMS)('hands back only the indexes whose %s digest is a target', (algorithm) => {
    const wanted = [1, 3, 7, 150, WORDS.length - 1].filter((i) => algorithm !== 'LM' || WORDS[i]!.length <= 14);
    const targets = k!.targets(algorithm, [...wanted.map((i) => referenceDigest(algorithm, WORDS[i]!)), referenceDigest(algorithm, 'absent')]);
    expect([...k!.match(targets, batchOf(algorithm, WORDS))]).toEqual(wanted);
  });

  it.skipIf(!k).each([
    ['MD5CRYPT', 'saltsalt', 1000, 'qjXMvbEw8oaL.CzflDtaK/'],
    ['SHA256CRYPT', 'saltsalt', 5000, 'gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.'],
    ['SHA512CRYPT', 'saltsalt', 5000, 'qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/'],
  ] as const)('finds the candidate of a %s hash (glibc crypt vector) and no other', (kind, salt, rounds, hash) => {
    expect(k!.crypt(kind, batchOf('MD5', ['wrong', 'Password', 'password', 'x']), salt, rounds, hash)).toBe(2);
    expect(k!.crypt(kind, batchOf('MD5', ['wrong', 'Password']), salt, rounds, hash)).toBe(-1);
  });

  it.skipIf(!k).each(PRODUCT_ALGORITHMS)('finds exactly the stem × suffix pairs whose %s digest is a target, salted or not, over any range', (algorithm) => {
    const stems = batchOf(algorithm, STEMS);
    for (const salt of [undefined, PRODUCT_SALT]) {
      const suffixes = k!.suffixes(algorithm, SUFFIXES, salt);
      const total = STEMS.length * SUFFIXES.length;
      // Targets spread over short, long, non-ASCII and scalar-path pairs, the same candidate twice ('ab'+'c' = 'abc'+'').
      const wanted = PRODUCT_WANTED.filter((p) => p < total);
      const targets = k!.targets(algorithm, [...wanted.map((p) => referenceDigest(algorithm, productText(p), salt)), referenceDigest(algorithm, 'abc', salt)]);
      const brute = (start: number, count: number): number[] => {
        const out: number[] = [];
        const keys = new Set([...wanted.map(productText), 'abc']);
        for (let p = start; p < Math.min(total, start + count); p++) if (keys.has(productText(p))) out.push(p);
        return out;
      };
      for (const [start, count] of PRODUCT_RANGES) {
        expect(k!.product(targets, stems, suffixes, start, count), `${algorithm} ${salt ? 'salted' : ''} ${start}+${count}`).toEqual(brute(start, count));
      }
    }
  });

  it.skipIf(!k).each(['NT', 'MD5', 'SHA1'] as const)('keeps every %s hit across a long product with thousands of pairs too long for one block', (algorithm) => {
    // 80,000 pairs — more than one of the portable tier's calls (65,536) — the first 40,000 too long for the lanes.
    const stems = [...Array.from({ length: 400 }, (_, i) => `${'L'.repeat(48)}${i}x`), ...Array.from({ length: 400 }, (_, i) => `mot${i}x`)];
    const suffixes = Array.from({ length: 100 }, (_, i) => `-${i}`);
    const salt = algorithm === 'SHA1' ? Uint8Array.from([1, 2, 3, 4]) : undefined;
    const total = stems.length * suffixes.length;
    const wanted = [5, 39_999, 40_007, 65_535, 65_536, ...Array.from({ length: 60 }, (_, i) => 66_000 + 229 * i), total - 1];
    const text = (p: number): string => stems[Math.floor(p / suffixes.length)]! + suffixes[p % suffixes.length]!;
    const targets = k!.targets(algorithm, wanted.map((p) => referenceDigest(algorithm, text(p), salt)));
    expect(k!.product(targets, batchOf(algorithm, stems), k!.suffixes(algorithm, suffixes, salt), 0, total)).toEqual(wanted);
  });
});

// The addon chooses its instruction set once per process: the narrower ones (which other laptops get) run in a
// child each, on the same fixed work, and must give the reference tier's answers.
describe('the native tier with each instruction set', () => {
  const native = kernelOfTier('native');
  const narrower = native?.isa === 'avx512' ? ['avx2', 'sse2'] : native?.isa === 'avx2' ? ['sse2'] : [];
  let expected: Record<string, unknown> | undefined;

  // A suite must hold a test: without a narrower set (or without the addon), one skipped case says why.
  if (narrower.length === 0) {
    it.skip(`has no narrower instruction set to compare: ${native ? `the addon runs ${native.isa}` : 'the native addon is not built here'}`, () => {});
  }

  it.each(narrower)('gives the reference answers with %s (VIGIE_NATIVE_ISA)', (isa) => {
    expected ??= workload(kernelOfTier('reference')!);
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../../../../bin/run-ts.mjs', import.meta.url)),
      fileURLToPath(new URL('./kernels.isa-child.ts', import.meta.url))], {
      encoding: 'utf8',
      env: { ...process.env, VIGIE_NATIVE_ISA: isa, VIGIE_NATIVE_NO_AVX512: '', VIGIE_KERNEL: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(0);
    const child = JSON.parse(r.stdout) as { isa: string; results: Record<string, unknown> };
    expect(child.isa).toBe(isa);
    expect(child.results).toEqual(expected);
  }, 60_000);
});
