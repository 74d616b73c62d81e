// One interface for the batch hash kernels (issue #6): many candidates per call, digests into one buffer, and a
// batch lookup against a set of target digests that hands back only the indexes that hit. Three tiers share it —
// native (C, AVX-512/AVX2), wasm (WebAssembly SIMD) and reference (the schemes' own TypeScript) — and the same
// reference vectors.
import type { CandidateBatch } from './batch.ts';

/** NT is MD4 of the candidate's UTF-16LE; LM expects a batch packed with the 'lm' encoding. */
export type KernelAlgorithm = 'MD5' | 'SHA1' | 'SHA256' | 'SHA512' | 'MD4' | 'NT' | 'LM';
export type CryptKind = 'MD5CRYPT' | 'SHA256CRYPT' | 'SHA512CRYPT';
export type KernelTier = 'native' | 'wasm' | 'reference';

export const DIGEST_LENGTH: Record<KernelAlgorithm, number> = { MD5: 16, SHA1: 20, SHA256: 32, SHA512: 64, MD4: 16, NT: 16, LM: 16 };
/** The algorithm numbers the native and wasm kernels use. */
export const ALGORITHM_ID: Record<KernelAlgorithm, number> = { MD5: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD4: 4, NT: 5, LM: 6 };

/** Target digests prepared once (sorted, indexed) and looked up by many batches. */
export interface TargetSet {
  readonly algorithm: KernelAlgorithm;
  readonly size: number;
}

/**
 * The suffixes of a stems × suffixes product, prepared once for one algorithm and one salt (the native tier
 * lays them out for its lanes). `strings` are the suffixes themselves, to name a hit.
 */
export interface SuffixSet {
  readonly algorithm: KernelAlgorithm;
  readonly size: number;
  readonly strings: readonly string[];
  readonly salt: Uint8Array | undefined;
}

export interface HashKernel {
  readonly tier: KernelTier;
  /** What the tier runs on: 'avx512', 'avx2', 'sse2', 'neon', 'wasm-simd128' or 'js'. */
  readonly isa: string;
  /** Digests of every candidate (with `salt` appended when given), `count × length` bytes; LM's empty slots give zeros. */
  digest(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array;
  /** Prepares raw digests (each DIGEST_LENGTH bytes) for lookups. */
  targets(algorithm: KernelAlgorithm, digests: readonly Uint8Array[]): TargetSet;
  /** Indexes of the batch's candidates whose digest (salted when given) is in `targets`, ascending. */
  match(targets: TargetSet, batch: CandidateBatch, salt?: Uint8Array): Uint32Array;
  /** Prepares suffixes for `product` (not LM), with `salt` appended after each candidate when given. */
  suffixes(algorithm: KernelAlgorithm, suffixes: readonly string[], salt?: Uint8Array): SuffixSet;
  /**
   * Candidates made by the kernel, hashcat's hybrid attack: every stem followed by every suffix. Checks `count`
   * pairs from pair index `start` — pair p is stem ⌊p / suffixes.size⌋ followed by suffix p mod suffixes.size —
   * and returns the pair indexes whose digest is in `targets`, ascending.
   */
  product(targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[];
  /** Index of the first candidate whose crypt hash (the characters after the salt) equals `hash`, or -1. */
  crypt(kind: CryptKind, batch: CandidateBatch, salt: string, rounds: number, hash: string): number;
}
