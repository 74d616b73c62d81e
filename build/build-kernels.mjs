// `npm run build:kernels`: the portable tier, AssemblyScript → WebAssembly SIMD, with npm-only tooling (asc).
// The .wasm is committed: users (Windows, macOS, Electron) never need a compiler; this script regenerates it
// after a change to shared/engine/hash/kernels/wasm/kernels.as.ts or to build/wasm-rounds.mjs, which writes the
// unrolled compression functions (wasm/rounds.ts, committed too) that kernels.as.ts imports. The native tier is
// built separately (native/build.mjs, optional). build-kernels.test.ts checks that both committed files are what
// their sources make.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roundsSource } from './wasm-rounds.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE = 'shared/engine/hash/kernels/wasm/kernels.as.ts';
export const OUTPUT = 'shared/engine/hash/kernels/wasm/kernels.wasm';
export const ROUNDS = 'shared/engine/hash/kernels/wasm/rounds.ts';

/** Compiles kernels.as.ts (with the rounds.ts beside it, as it is) into `outFile`. */
export function compileKernels(outFile = path.join(ROOT, OUTPUT)) {
  const asc = path.join(ROOT, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  execFileSync(process.execPath, [asc, SOURCE, '--enable', 'simd', '-O3', '--runtime', 'stub', '--noAssert', '--outFile', outFile], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(ROOT, ROUNDS), roundsSource());
  compileKernels();
  console.log(`build:kernels: wrote ${ROUNDS} and ${OUTPUT}`);
}
