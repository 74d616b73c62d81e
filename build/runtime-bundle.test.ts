// The Node bundles the `vigie` command runs from: they find the package's files (native addon, wasm, demo) and
// their audit worker from wherever they are written, and the cache is made again when a source changes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { kernelOfTier } from '../shared/engine/hash/kernels/index.ts';
import { AUDIT_WORKER_FILE, buildNodeBundle, cachedBundle, ROOT } from './runtime-bundle.mjs';

// Inside the package, like the real cache (node_modules/.cache/vigie): argon2 and vite stay outside the bundles
// and resolve from node_modules.
await mkdir(path.join(ROOT, 'dist'), { recursive: true });
const work = await mkdtemp(path.join(ROOT, 'dist', '.runtime-bundle-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** An entry outside the package that prints what a bundle of the engine sees. */
async function probeEntry(name: string): Promise<string> {
  const file = path.join(work, name);
  const engine = (p: string): string => JSON.stringify(path.join(ROOT, p));
  await writeFile(file, `
    import { PACKAGE_ROOT } from ${engine('shared/engine/package-root.ts')};
    import { kernel } from ${engine('shared/engine/hash/kernels/index.ts')};
    import { DEFAULT_WORKER_URL } from ${engine('shared/engine/audit/worker-pool.ts')};
    import { DEMO_LDIF } from ${engine('shared/app/demo-school.ts')};
    console.log(JSON.stringify({ root: PACKAGE_ROOT, tier: kernel().tier, worker: DEFAULT_WORKER_URL.href, demo: DEMO_LDIF }));
  `);
  return file;
}

/** The tier a process gets here unforced (VIGIE_KERNEL emptied, as for the bundles run below; VIGIE_NO_NATIVE kept). */
const BEST_TIER = kernelOfTier('native') ? 'native' : kernelOfTier('wasm') ? 'wasm' : 'reference';

function run(bundle: string): { root: string; tier: string; worker: string; demo: string } {
  return JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8', env: { ...process.env, VIGIE_KERNEL: '' } }));
}

describe('runtime bundles', () => {
  it('a bundle finds the package, its kernels and its own audit worker from its own folder', async () => {
    const out = path.join(work, 'somewhere', 'deeper');
    const inputs = await buildNodeBundle(await probeEntry('probe.ts'), out, 'probe.mjs', { quiet: true });
    expect(inputs).toContain(path.join(ROOT, 'shared', 'engine', 'package-root.ts'));
    const seen = run(path.join(out, 'probe.mjs'));
    expect(path.resolve(seen.root)).toBe(path.resolve(ROOT));
    // The same tier as the sources get here: a bundle that lost the addon or the wasm would fall to 'reference'.
    expect(seen.tier).toBe(BEST_TIER);
    expect(seen.tier).not.toBe('reference');
    expect(seen.worker).toBe(pathToFileURL(path.join(out, AUDIT_WORKER_FILE)).href);
    expect(existsSync(path.join(out, AUDIT_WORKER_FILE))).toBe(true);
    expect(existsSync(seen.demo)).toBe(true);
  }, 60_000);

  it('the cache is reused while its sources are unchanged, and made again when one changes', async () => {
    const cache = path.join(work, 'cache');
    const entry = await probeEntry('cached.ts');
    const first = await cachedBundle(entry, {}, cache);
    expect(first).not.toBeNull();
    expect(run(first!).tier).toBe(BEST_TIER);
    expect(await cachedBundle(entry, {}, cache)).toBe(first);
    const later = new Date(Date.now() + 5_000);
    await utimes(entry, later, later);
    const second = await cachedBundle(entry, {}, cache);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(existsSync(second!)).toBe(true);
    // A run under way keeps the build it started with: the old one is not removed at once.
    expect(existsSync(first!)).toBe(true);
  }, 60_000);

  it('bundles the vigie command itself, which then runs', async () => {
    const errors: string[] = [];
    const cli = await cachedBundle('shared/cli/main.ts', {}, path.join(work, 'cli-cache'), (why) => errors.push(why));
    expect(errors).toEqual([]);
    expect(cli).not.toBeNull();
    const run = `import(${JSON.stringify(pathToFileURL(cli!).href)}).then(async (m) => { process.exitCode = await m.main(['--version']); })`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', run], { encoding: 'utf8' })).toMatch(/^vigie \d+\.\d+\.\d+/);
  }, 60_000);

  it('says why when a bundle cannot be made, and gives none', async () => {
    const broken = path.join(work, 'broken.ts');
    await writeFile(broken, "import { nothing } from './does-not-exist.ts';\nconsole.log(nothing);\n");
    const errors: string[] = [];
    expect(await cachedBundle(broken, {}, path.join(work, 'cache3'), (why) => errors.push(why))).toBeNull();
    expect(errors).toEqual([expect.stringContaining('does-not-exist.ts')]);
    // Its half-made folder is not left behind.
    expect((readdirSync(path.join(work, 'cache3'), { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs'))).toEqual([]);
  }, 60_000);

  it('VIGIE_NO_BUNDLE=1 asks for the TypeScript loader instead', async () => {
    expect(await cachedBundle(await probeEntry('unused.ts'), { VIGIE_NO_BUNDLE: '1' }, path.join(work, 'cache2'))).toBeNull();
    expect(existsSync(path.join(work, 'cache2'))).toBe(false);
  });
});
