// Test support for the crypt kernels' tests (md5crypt.test.ts, shacrypt.test.ts): deterministic candidates of any
// length, and a batch of them.
import { CandidateBatch } from './batch.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!.@#*-_ ';

/** A deterministic password of `length` characters; every seventh one has non-ASCII letters (2–4 UTF-8 bytes). */
export function testPassword(length: number, seed: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += seed % 7 === 3 && i % 5 === 1 ? 'é€😀'[i % 3]! : ALPHABET[(i * 31 + seed * 17) % ALPHABET.length]!;
  return out;
}

export function batchOf(words: readonly string[]): CandidateBatch {
  const b = new CandidateBatch(Math.max(64, words.length));
  for (const w of words) b.push(w);
  return b;
}
