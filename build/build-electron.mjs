#!/usr/bin/env node
// Bundles the desktop app for Electron into dist/electron/: the main process (ESM), the preload (one CommonJS
// file, as a sandboxed preload must be) and the audit worker (ESM, handed to the services as `workerUrl`).
// The page itself is dist/renderer/ (vite build renderer). Native modules stay external.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', 'argon2'];
// Bundled CommonJS dependencies call require(); an ES module has none until we make one.
const esmRequire = "import { createRequire as __vigieCreateRequire } from 'node:module'; const require = __vigieCreateRequire(import.meta.url);";

export async function buildElectron({ quiet = false, out = path.join(root, 'dist', 'electron') } = {}) {
  await mkdir(out, { recursive: true });
  const common = { bundle: true, platform: 'node', sourcemap: false, legalComments: 'none', logLevel: quiet ? 'error' : 'warning', absWorkingDir: root };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(out, 'main.mjs'), format: 'esm', target: 'node22', external, banner: { js: esmRequire } }),
    build({ ...common, entryPoints: ['shared/engine/audit/worker-thread.ts'], outfile: path.join(out, 'audit-worker.mjs'), format: 'esm', target: 'node22', external, banner: { js: esmRequire } }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs', target: 'chrome140', external: ['electron'] }),
  ]);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = await buildElectron();
    console.log(`Electron bundle: ${path.relative(root, dir)}/ (main.mjs, preload.cjs, audit-worker.mjs)`);
  } catch (e) {
    console.error(`build-electron: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 1;
  }
}
