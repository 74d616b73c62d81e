// A fixed piece of work for a kernel tier — digests, matches, products and crypt hashes of awkward inputs (empty,
// one block and just over, non-ASCII, emoji, suffixes that must take the scalar path) — whose answers can be
// compared as JSON: between tiers, and between the native tier's instruction sets, which only a child process
// can choose (VIGIE_NATIVE_ISA). Test support; not used by the product.
import { CandidateBatch, type HashKernel, type KernelAlgorithm } from './index.ts';
import { referenceDigest } from './reference.ts';

export const ALGORITHMS: KernelAlgorithm[] = ['MD5', 'SHA1', 'SHA256', 'SHA512', 'MD4', 'NT', 'LM'];
export const PRODUCT_ALGORITHMS = ALGORITHMS.filter((a) => a !== 'LM');

export const WORDS: string[] = ['', 'password', 'Azerty123!', 'élève2024', 'prix 10€', 'emoji😀', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(200)];
for (let i = 0; i < 300; i++) WORDS.push(`Dupont${i}${'é'.repeat(i % 31)}`);

export const STEMS = ['', 'soleil', 'Nathalie', 'élève', 'x'.repeat(40), 'y'.repeat(53), 'z'.repeat(120), 'ab', 'abc', 'abcd', 'abcde'];
export const SUFFIXES = ['', '1', '12', '123', '2024!', '!', 'é', '😀', 'w'.repeat(30), 'v'.repeat(70)];
for (let i = 0; i < 45; i++) SUFFIXES.push(`${i}${i % 3 ? '' : '.'}`);

export const PRODUCT_SALT = Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 255, 254]);
/** Pairs whose candidates are made targets: short, long, non-ASCII and scalar-path ones, in every suffix group. */
export const PRODUCT_WANTED = [0, 5, 17, 60, 61, 150, 299, 333, STEMS.length * SUFFIXES.length - 1];
/** The ranges of pairs run: whole, and cut at awkward places. */
export const PRODUCT_RANGES: readonly (readonly [number, number])[] = [
  [0, STEMS.length * SUFFIXES.length], [1, 50], [59, 3], [150, 1], [STEMS.length * SUFFIXES.length - 1, 10], [17, STEMS.length * SUFFIXES.length],
];

export function batchOf(algorithm: KernelAlgorithm, words: string[]): CandidateBatch {
  const b = new CandidateBatch(Math.max(64, words.length), algorithm === 'LM' ? 'lm' : 'utf8');
  for (const w of words) b.push(w);
  return b;
}

export const productText = (p: number): string => STEMS[Math.floor(p / SUFFIXES.length)]! + SUFFIXES[p % SUFFIXES.length]!;

/** A tier's answers on the fixed inputs, keyed by what was asked. */
export function workload(k: HashKernel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const salt = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254]);
  for (const algorithm of ALGORITHMS) {
    const batch = batchOf(algorithm, WORDS);
    out[`digest ${algorithm}`] = Buffer.from(k.digest(algorithm, batch)).toString('hex');
    if (algorithm !== 'LM') out[`digest ${algorithm} salted`] = Buffer.from(k.digest(algorithm, batch, salt)).toString('hex');
    const wanted = [1, 3, 7, 150, WORDS.length - 1].filter((i) => algorithm !== 'LM' || WORDS[i]!.length <= 14);
    const targets = k.targets(algorithm, [...wanted.map((i) => referenceDigest(algorithm, WORDS[i]!)), referenceDigest(algorithm, 'absent')]);
    out[`match ${algorithm}`] = [...k.match(targets, batch)];
  }
  for (const algorithm of PRODUCT_ALGORITHMS) {
    for (const s of [undefined, PRODUCT_SALT]) {
      const suffixes = k.suffixes(algorithm, SUFFIXES, s);
      const targets = k.targets(algorithm, [...PRODUCT_WANTED.map((p) => referenceDigest(algorithm, productText(p), s)), referenceDigest(algorithm, 'abc', s)]);
      for (const [start, count] of PRODUCT_RANGES) {
        out[`product ${algorithm}${s ? ' salted' : ''} ${start}+${count}`] = k.product(targets, batchOf(algorithm, STEMS), suffixes, start, count);
      }
    }
  }
  const crypt = batchOf('MD5', ['wrong', 'Password', 'password', 'x', ...WORDS.slice(9, 30)]);
  out['crypt MD5CRYPT'] = k.crypt('MD5CRYPT', crypt, 'saltsalt', 1000, 'qjXMvbEw8oaL.CzflDtaK/');
  out['crypt SHA256CRYPT'] = k.crypt('SHA256CRYPT', crypt, 'saltsalt', 5000, 'gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.');
  out['crypt SHA512CRYPT'] = k.crypt('SHA512CRYPT', crypt, 'saltsalt', 5000,
    'qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/');
  return out;
}
