// The Node bundles the `vigie` command runs from: they find the package's files (native addon, wasm, demo) and
// their audit worker from wherever they are written, and the cache is made again when a source changes.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { kernel } from '../shared/engine/hash/kernels/index.ts';
import { AUDIT_WORKER_FILE, buildNodeBundle, cachedBundle, ROOT } from './runtime-bundle.mjs';

const work = await mkdtemp(path.join(tmpdir(), 'vigie-bundle-test-'));
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

function run(bundle: string): { root: string; tier: string; worker: string; demo: string } {
  return JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8', env: { ...process.env, VIGIE_KERNEL: '' } }));
}

describe('runtime bundles', () => {
  it('a bundle written anywhere finds the package, its kernels and its own audit worker', async () => {
    const out = path.join(work, 'somewhere', 'deeper');
    const inputs = await buildNodeBundle(await probeEntry('probe.ts'), out, 'probe.mjs', { quiet: true });
    expect(inputs).toContain(path.join(ROOT, 'shared', 'engine', 'package-root.ts'));
    const seen = run(path.join(out, 'probe.mjs'));
    expect(path.resolve(seen.root)).toBe(path.resolve(ROOT));
    // The same tier as the sources get here: a bundle that lost the addon or the wasm would fall to 'reference'.
    expect(seen.tier).toBe(kernel().tier);
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
    expect(run(first!).tier).toBe(kernel().tier);
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

  it('VIGIE_NO_BUNDLE=1 asks for the TypeScript loader instead', async () => {
    expect(await cachedBundle(await probeEntry('unused.ts'), { VIGIE_NO_BUNDLE: '1' }, path.join(work, 'cache2'))).toBeNull();
    expect(existsSync(path.join(work, 'cache2'))).toBe(false);
  });
});
