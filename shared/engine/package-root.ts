// Where Vigie's package lies on disk: the files the engine reads at run time (the native addon in native/, the
// kernels' WebAssembly, the demo school) are found from here. From the TypeScript sources it is two folders up; a
// bundle (the CLI's, build/runtime-bundle.mjs; the desktop app's, build/build-electron.mjs) sits elsewhere and says
// where the package is relative to itself through VIGIE_BUNDLE_ROOT, which esbuild defines at build time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const VIGIE_BUNDLE_ROOT: string | undefined;

export const PACKAGE_ROOT = fileURLToPath(new URL(typeof VIGIE_BUNDLE_ROOT === 'string' ? VIGIE_BUNDLE_ROOT : '../../', import.meta.url));

/** A file or folder of the package, by its path from the package's root. */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
