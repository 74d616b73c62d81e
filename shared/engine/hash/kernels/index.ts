// Which kernel tier this process uses: native when the addon was built here, else WebAssembly SIMD, else the
// TypeScript reference. `VIGIE_KERNEL=native|wasm|reference` forces one (tests, benchmarks); a forced tier that
// cannot load falls back like the rest, and `kernel().tier` always says which one ran. `VIGIE_NO_NATIVE=1` hides
// the addon altogether, as if it had not been built (native.ts).
import type { HashKernel, KernelTier } from './kernel.ts';
import { loadAddon, nativeKernel } from './native.ts';
import { referenceKernel } from './reference.ts';
import { loadWasmKernel } from './wasm.ts';

export { CandidateBatch } from './batch.ts';
export type { BatchEncoding } from './batch.ts';
export { DIGEST_LENGTH } from './kernel.ts';
export type { CryptKind, HashKernel, KernelAlgorithm, KernelTier, TargetSet } from './kernel.ts';

const cache = new Map<KernelTier, HashKernel | null>();

/** A given tier, or null when it cannot load here. */
export function kernelOfTier(tier: KernelTier): HashKernel | null {
  if (!cache.has(tier)) {
    if (tier === 'native') {
      const addon = loadAddon();
      cache.set(tier, addon ? nativeKernel(addon) : null);
    } else if (tier === 'wasm') cache.set(tier, loadWasmKernel());
    else cache.set(tier, referenceKernel());
  }
  return cache.get(tier) ?? null;
}

const ORDER: KernelTier[] = ['native', 'wasm', 'reference'];

/** The best tier available (or the one VIGIE_KERNEL asks for, when it loads). */
export function kernel(): HashKernel {
  const forced = process.env.VIGIE_KERNEL as KernelTier | undefined;
  const order = forced && ORDER.includes(forced) ? [forced, ...ORDER.filter((t) => t !== forced)] : ORDER;
  for (const tier of order) {
    const k = kernelOfTier(tier);
    if (k) return k;
  }
  return referenceKernel();
}
