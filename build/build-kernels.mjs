// `npm run build:kernels`: the portable tier, AssemblyScript → WebAssembly SIMD, with npm-only tooling (asc).
// The .wasm is committed: users (Windows, macOS, Electron) never need a compiler; this script regenerates it
// after a change to shared/engine/hash/kernels/wasm/kernels.as.ts. The native tier is built separately
// (native/build.mjs, optional).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = 'shared/engine/hash/kernels/wasm/kernels.as.ts';
const output = 'shared/engine/hash/kernels/wasm/kernels.wasm';
const asc = fileURLToPath(new URL('../node_modules/assemblyscript/bin/asc.js', import.meta.url));
execFileSync(process.execPath, [asc, source, '--enable', 'simd', '-O3', '--runtime', 'stub', '--noAssert', '--outFile', output], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`build:kernels: wrote ${output}`);
