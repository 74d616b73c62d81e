// The desktop bundle, checked without the Electron binary: the preload is one CommonJS file that requires
// nothing but electron, and the bundled audit worker runs a real scan of the demo school.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../shared/engine/scan.ts';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { buildElectron } from './build-electron.mjs';

const DEMO = fileURLToPath(new URL('../demo/ecole-demo.ldif', import.meta.url));
// Inside the repo, like the real dist/electron/: the external native modules resolve from node_modules/.
const out = fileURLToPath(new URL(`../dist/.electron-test-${process.pid}/`, import.meta.url));
await mkdir(out, { recursive: true });
afterAll(() => rm(out, { recursive: true, force: true }));

describe('build-electron', () => {
  it('bundles main, preload and the audit worker; the worker bundle audits the demo school', async () => {
    await (buildElectron as (o: { quiet: boolean; out: string }) => Promise<string>)({ quiet: true, out });
    const preload = await readFile(path.join(out, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    // One exposure, the typed API: never ipcRenderer itself.
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain('exposeInMainWorld("vigie", buildPreloadApi(');
    const main = await readFile(path.join(out, 'main.mjs'), 'utf8');
    expect(main).toContain('registerSchemesAsPrivileged');

    const report = await runScan(
      { source: { kind: 'ldif', file: DEMO }, depth: 'quick', workers: 1, workerUrl: pathToFileURL(path.join(out, 'audit-worker.mjs')) },
    );
    expect(report.summary.accounts).toBeGreaterThan(100);
    expect(report.summary.withFindings).toBeGreaterThan(0);
  }, 60_000);
});
