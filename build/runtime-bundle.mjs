// Node bundles of Vigie's TypeScript: one entry point and the audit worker, side by side, made by esbuild.
// The desktop app is built this way once (build/build-electron.mjs). The `vigie` command runs from a cached bundle
// too (`cachedBundle`): no TypeScript loader in the process or in each worker thread, which costs a loader thread of
// its own and tens of megabytes per scan (issue #6's memory target). The cache is made again whenever a file the
// bundle was made from is newer than it, so an edited source always runs as it now is.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The audit worker's bundle, beside each entry's (shared/engine/audit/worker-pool.ts finds it by this name). */
export const AUDIT_WORKER_FILE = 'audit-worker.mjs';
const AUDIT_WORKER_ENTRY = 'shared/engine/audit/worker-thread.ts';
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'vigie');
/** A build this old that is no longer the current one is removed (a long-running `vigie ui` may still use one). */
const STALE_BUILD_MS = 7 * 24 * 3600 * 1000;

// Bundled CommonJS dependencies call require(); an ES module has none until we make one.
const ESM_REQUIRE = "import { createRequire as __vigieCreateRequire } from 'node:module'; const require = __vigieCreateRequire(import.meta.url);";

/**
 * esbuild options for a Node ESM bundle written into `outDir`: shared/engine/package-root.ts learns where the
 * package is from it (native/, the kernels' wasm, the demo), worker-pool.ts where the worker's bundle is.
 */
export function nodeBundleOptions(outDir, { quiet = false, target = 'node20', external = [], sourcemap = 'external' } = {}) {
  const root = path.relative(outDir, ROOT).split(path.sep).join('/');
  return {
    bundle: true, platform: 'node', format: 'esm', target, sourcemap, legalComments: 'none',
    // argon2 loads its prebuilt binary from its own folder; vite builds the page only when dist/renderer is missing.
    logLevel: quiet ? 'silent' : 'warning', absWorkingDir: ROOT, external: ['argon2', 'vite', ...external], banner: { js: ESM_REQUIRE },
    define: {
      VIGIE_BUNDLE_ROOT: JSON.stringify(root === '' ? './' : `${root}/`),
      VIGIE_BUNDLED_WORKER: JSON.stringify(`./${AUDIT_WORKER_FILE}`),
    },
  };
}

/**
 * Builds `entry` (a path from the package's root) as `outDir/outName` and the audit worker beside it. Returns the
 * files they were made from (absolute paths).
 */
export async function buildNodeBundle(entry, outDir, outName, options = {}) {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const common = { ...nodeBundleOptions(outDir, options), metafile: true };
  // Both settle before a failure is told: the caller may then remove the folder with nothing still writing to it.
  const settled = await Promise.allSettled([
    build({ ...common, entryPoints: [entry], outfile: path.join(outDir, outName) }),
    build({ ...common, entryPoints: [AUDIT_WORKER_ENTRY], outfile: path.join(outDir, AUDIT_WORKER_FILE) }),
  ]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const results = settled.map((s) => s.value);
  const inputs = new Set();
  for (const r of results) for (const input of Object.keys(r.metafile.inputs)) inputs.add(path.resolve(ROOT, input));
  return [...inputs];
}

/**
 * The bundle of `entry` (a path from the package's root) from the cache, made first when it is missing or older
 * than any file it was made from. Null when it cannot be made here (esbuild absent, a read-only install, a build
 * error: `onError` hears why): the caller runs the TypeScript through tsx instead. `VIGIE_NO_BUNDLE=1` asks for that too.
 */
export async function cachedBundle(entry, env = process.env, cacheDir = CACHE_DIR, onError = () => {}) {
  if (env.VIGIE_NO_BUNDLE === '1') return null;
  const dir = path.join(cacheDir, path.relative(ROOT, path.resolve(ROOT, entry)).replace(/[^A-Za-z0-9]+/g, '-'));
  const pointer = path.join(dir, 'current.json');
  const outName = `${path.basename(entry, path.extname(entry))}.mjs`;
  try {
    const current = readCurrent(pointer);
    if (current && isFresh(current, [outName, AUDIT_WORKER_FILE].map((f) => path.join(dir, current.build, f)))) {
      return path.join(dir, current.build, outName);
    }
    const startedAt = Date.now();
    const build = `b${startedAt.toString(36)}-${randomBytes(4).toString('hex')}`;
    const inputs = await buildNodeBundle(entry, path.join(dir, build), outName, { quiet: true }).catch((e) => {
      rmSync(path.join(dir, build), { recursive: true, force: true });
      throw e;
    });
    const { stop } = await import('esbuild');
    await stop();
    // Two processes may build at once: each writes its own folder, and the pointer is replaced in one rename.
    const tmp = `${pointer}.${build}`;
    writeFileSync(tmp, JSON.stringify({ build, startedAt, inputs: [...inputs, fileURLToPath(import.meta.url)] }));
    renameSync(tmp, pointer);
    prune(dir, build);
    return path.join(dir, build, outName);
  } catch (e) {
    // esbuild's own message starts "Build failed with 1 error:": the first error says what.
    onError(e?.errors?.[0]?.text ?? (e instanceof Error ? e.message.split('\n')[0] : String(e)));
    return null;
  }
}

function readCurrent(pointer) {
  try {
    return JSON.parse(readFileSync(pointer, 'utf8'));
  } catch {
    return null;
  }
}

/** Fresh when its files are there, every file it was made from is too, and none changed since its build began. */
function isFresh(current, files) {
  try {
    for (const file of files) statSync(file);
    return current.inputs.every((file) => statSync(file).mtimeMs < current.startedAt);
  } catch {
    return false;
  }
}

function prune(dir, keep) {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('b') || name === keep) continue;
    const at = path.join(dir, name);
    try {
      if (Date.now() - statSync(at).mtimeMs > STALE_BUILD_MS) rmSync(at, { recursive: true, force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}
