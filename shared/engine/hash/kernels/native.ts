// The native tier: the optional N-API addon in native/ (C, the widest SIMD the CPU has, chosen at run time).
// Loaded when it was built on this machine; absent (no compiler, Windows without build tools), the engine falls
// back to the wasm tier.
import { createRequire } from 'node:module';
import { CandidateBatch } from './batch.ts';
import { ALGORITHM_ID, DIGEST_LENGTH, type CryptKind, type HashKernel, type KernelAlgorithm, type SuffixSet, type TargetSet } from './kernel.ts';
import { plainSuffixes } from './product.ts';
import { packagePath } from '../../package-root.ts';

interface Addon {
  isa: string;
  lanes: number;
  digest(algo: number, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array | null, out: Uint8Array): void;
  targets(algo: number, digests: Uint8Array, count: number): object;
  match(targets: object, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array | null, hits: Uint32Array): number;
  crypt(kind: number, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array, rounds: number, target: Uint8Array | null): number | string;
  suffixes(algo: number, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array | null): object;
  product(targets: object, suffixes: object, stems: Uint8Array, stemOffsets: Uint32Array, stemCount: number, startStem: number, startSuffix: number, count: number, hits: Uint32Array): number;
}

interface NativeSuffixes extends SuffixSet {
  handle: object;
}

/** The native tier's calls are 32-bit: a longer product is run in pieces. */
const PRODUCT_PIECE = 2 ** 30;

interface NativeTargets extends TargetSet {
  handle: object;
}

const CRYPT_ID: Record<CryptKind, number> = { MD5CRYPT: 1, SHA256CRYPT: 5, SHA512CRYPT: 6 };
const NATIVE_DIR = packagePath('native');

/**
 * The addon, or null when it was not built here (or fails to load) or VIGIE_NO_NATIVE=1 hides it: a run as on a
 * machine without a C compiler (CI runs the unit tests so a second time), child processes and workers included.
 */
export function loadAddon(): Addon | null {
  if (process.env.VIGIE_NO_NATIVE === '1') return null;
  try {
    const require = createRequire(packagePath('package.json'));
    const build = require('node-gyp-build') as (dir: string) => unknown;
    return build(NATIVE_DIR) as Addon;
  } catch {
    return null;
  }
}

export function nativeKernel(addon: Addon): HashKernel {
  let hits = new Uint32Array(4096);
  let out = new Uint8Array(4096 * 64);
  return {
    tier: 'native',
    isa: addon.isa,
    digest(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array {
      const length = batch.count * DIGEST_LENGTH[algorithm];
      if (out.length < length) out = new Uint8Array(length);
      addon.digest(ALGORITHM_ID[algorithm], batch.bytes, batch.offsets, batch.count, salt ?? null, out);
      return out.subarray(0, length);
    },
    targets(algorithm: KernelAlgorithm, digests: readonly Uint8Array[]): NativeTargets {
      const length = DIGEST_LENGTH[algorithm];
      const packed = new Uint8Array(digests.length * length);
      digests.forEach((d, i) => packed.set(d.subarray(0, length), i * length));
      return { algorithm, size: digests.length, handle: addon.targets(ALGORITHM_ID[algorithm], packed, digests.length) };
    },
    match(targets: TargetSet, batch: CandidateBatch, salt?: Uint8Array): Uint32Array {
      if (hits.length < batch.count) hits = new Uint32Array(batch.count);
      const n = addon.match((targets as NativeTargets).handle, batch.bytes, batch.offsets, batch.count, salt ?? null, hits);
      // Long candidates take the scalar path and report first: put the (rare) hits back in order.
      return hits.subarray(0, n).sort();
    },
    crypt(kind: CryptKind, batch: CandidateBatch, salt: string, rounds: number, hash: string): number {
      const found = addon.crypt(CRYPT_ID[kind], batch.bytes, batch.offsets, batch.count, Buffer.from(salt, 'latin1'), rounds, Buffer.from(hash, 'latin1'));
      return typeof found === 'number' ? found : -1;
    },
    suffixes(algorithm: KernelAlgorithm, suffixes: readonly string[], salt?: Uint8Array): NativeSuffixes {
      const plain = plainSuffixes(algorithm, suffixes, salt);
      const packed = new CandidateBatch(Math.max(1, suffixes.length));
      for (const s of suffixes) packed.push(s);
      return { ...plain, handle: addon.suffixes(ALGORITHM_ID[algorithm], packed.bytes, packed.offsets, packed.count, salt ?? null) };
    },
    product(targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[] {
      const size = suffixes.size;
      const found: number[] = [];
      if (size === 0 || stems.count === 0) return found;
      const end = Math.min(start + count, stems.count * size);
      const handle = (targets as NativeTargets).handle;
      const suffixHandle = (suffixes as NativeSuffixes).handle;
      for (let first = start; first < end; first += PRODUCT_PIECE) {
        const n = Math.min(PRODUCT_PIECE, end - first);
        // Room for every target at least; more hits than that (the same candidate made twice) → run again with room.
        let room = Math.min(n, targets.size * 4 + 64);
        for (;;) {
          if (hits.length < 2 * room) hits = new Uint32Array(2 * room);
          const got = addon.product(handle, suffixHandle, stems.bytes, stems.offsets, stems.count, Math.floor(first / size), first % size, n, hits);
          if (got > hits.length / 2) {
            room = got;
            continue;
          }
          for (let h = 0; h < got; h++) found.push(hits[2 * h]! * size + hits[2 * h + 1]!);
          break;
        }
      }
      return found.sort((a, b) => a - b);
    },
  };
}
