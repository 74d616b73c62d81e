import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { lintElectron } from './electron-lint.mjs';

type Finding = { ruleId: string; severity: string; file: string; line: number };
const lint = lintElectron as (o: { input: string }) => Promise<Finding[]>;
const dir = await mkdtemp(path.join(tmpdir(), 'vigie-lint-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('electron-lint', () => {
  it('finds no HIGH issue in electron/', async () => {
    const findings = await lint({ input: path.resolve('electron') });
    expect(findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')).toEqual([]);
  }, 60_000);

  it('reports an unisolated window as HIGH', async () => {
    await writeFile(path.join(dir, 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });\n");
    const findings = await lint({ input: dir });
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', line: 2 }));
  }, 60_000);
});
