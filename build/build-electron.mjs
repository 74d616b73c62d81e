#!/usr/bin/env node
// Bundles the desktop app for Electron into dist/electron/: the main process (ESM), the preload (one CommonJS
// file, as a sandboxed preload must be) and the audit worker (ESM, handed to the services as `workerUrl`).
// The page itself is dist/renderer/ (vite build renderer). Native modules stay external.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeBundle, ROOT } from './runtime-bundle.mjs';

export async function buildElectron({ quiet = false, out = path.join(ROOT, 'dist', 'electron') } = {}) {
  await mkdir(out, { recursive: true });
  await Promise.all([
    // The main process and its audit worker, as every Node bundle of Vigie (they find native/ and the wasm from there).
    buildNodeBundle('electron/main.ts', out, 'main.mjs', { quiet, target: 'node22', external: ['electron'], sourcemap: false }),
    build({
      bundle: true, platform: 'node', sourcemap: false, legalComments: 'none', logLevel: quiet ? 'error' : 'warning', absWorkingDir: ROOT,
      entryPoints: ['electron/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs', target: 'chrome140', external: ['electron'],
    }),
  ]);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = await buildElectron();
    console.log(`Electron bundle: ${path.relative(ROOT, dir)}/ (main.mjs, preload.cjs, audit-worker.mjs)`);
  } catch (e) {
    console.error(`build-electron: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 1;
  }
}
