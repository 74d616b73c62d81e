// Whether md5crypt and sha-crypt run in the native addon in this process: their cost per check differs about
// tenfold between the addon's C and the TypeScript the wasm and reference tiers use. Decided like `kernel()`
// (VIGIE_KERNEL=wasm|reference forces those tiers) without importing the kernels, which import these schemes.
import { loadAddon } from '../kernels/native.ts';

let native: boolean | undefined;

export function nativeCrypt(): boolean {
  if (native === undefined) {
    const forced = process.env.VIGIE_KERNEL;
    native = forced !== 'wasm' && forced !== 'reference' && typeof loadAddon()?.crypt === 'function';
  }
  return native;
}

/**
 * How many md5crypt candidates the addon hashes at once (its SIMD lanes: 16 with AVX-512, 8 with AVX2, 4 with
 * SSE2/NEON; native/src/md5crypt_simd.c), 0 when crypt does not run in the addon.
 */
export function nativeCryptLanes(): number {
  return nativeCrypt() ? (loadAddon()?.lanes ?? 0) : 0;
}
