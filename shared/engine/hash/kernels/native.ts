// The native tier: the optional N-API addon in native/ (C, the widest SIMD the CPU has, chosen at run time).
// Loaded when it was built on this machine; absent (no compiler, Windows without build tools), the engine falls
// back to the wasm tier.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CandidateBatch } from './batch.ts';
import { ALGORITHM_ID, DIGEST_LENGTH, type CryptKind, type HashKernel, type KernelAlgorithm, type TargetSet } from './kernel.ts';

interface Addon {
  isa: string;
  lanes: number;
  digest(algo: number, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array | null, out: Uint8Array): void;
  targets(algo: number, digests: Uint8Array, count: number): object;
  match(targets: object, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array | null, hits: Uint32Array): number;
  crypt(kind: number, buf: Uint8Array, offsets: Uint32Array, count: number, salt: Uint8Array, rounds: number, target: Uint8Array | null): number | string;
}

interface NativeTargets extends TargetSet {
  handle: object;
}

const CRYPT_ID: Record<CryptKind, number> = { MD5CRYPT: 1, SHA256CRYPT: 5, SHA512CRYPT: 6 };
const NATIVE_DIR = fileURLToPath(new URL('../../../../native/', import.meta.url));

/** The addon, or null when it was not built here (or fails to load). */
export function loadAddon(): Addon | null {
  try {
    const require = createRequire(import.meta.url);
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
  };
}
