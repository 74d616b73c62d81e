// The desktop journey: the same page objects as the browser run, in Electron (playwright-core's _electron).
// It needs the Electron binary (downloaded by the electron package's install step) and the built main process
// (dist/electron/main.mjs); where either is missing, the test is reported skipped with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { GRADES } from '../shared/contract/codes.ts';
import { generateSchool, writeSchoolLdif } from '../shared/testing/synthetic/index.ts';
import { screenshot } from './support/artifacts.ts';
import { buildRenderer } from './support/renderer-build.ts';
import { VigieApp } from './pages/vigie-app.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const ELECTRON_MAIN = path.join(REPO_ROOT, 'dist', 'electron', 'main.mjs');

/** The electron package records where its install step put the binary in path.txt. */
function electronBinary(): string | null {
  const packageDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason = binary === null
  ? 'no Electron binary (node_modules/electron/dist is absent: its install step could not download it here)'
  : !existsSync(ELECTRON_MAIN) ? `the Electron main process is not built (${path.relative(REPO_ROOT, ELECTRON_MAIN)} is missing)` : null;
if (skipReason !== null) console.log(`e2e electron: skipped — ${skipReason}`);

describe('Vigie in Electron', () => {
  let electron: ElectronApplication | undefined;
  let dir: string | undefined;

  afterAll(async () => {
    await electron?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== null)('scans a school from an LDIF file, reads the summary, filters accounts and switches language', async () => {
    await buildRenderer();
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-e2e-electron-'));
    const school = await generateSchool({ seed: 7, accounts: 120, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'CLEARTEXT'] });
    const ldif = path.join(dir, 'college.ldif');
    await writeSchoolLdif(school, ldif);

    electron = await _electron.launch({
      executablePath: binary!,
      args: [ELECTRON_MAIN],
      env: { ...process.env, VIGIE_DATA_DIR: path.join(dir, 'data') } as Record<string, string>,
    });
    const page = await electron.firstWindow();
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new VigieApp(page, 'fr');

    await app.scan.useLdifFile(ldif);
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    await screenshot(page, 'electron-summary-page');
    expect(GRADES).toContain(await app.summary.grade());
    const students = await app.summary.profileRow('student');
    expect(students?.accounts).toBe(school.truth.filter((t) => t.profile === 'student').length);

    await app.goTo('accounts');
    expect(await app.accounts.shownCount()).toBe(school.truth.length);
    await app.accounts.filterByProfile('teacher');
    expect(await app.accounts.shownCount()).toBe(school.truth.filter((t) => t.profile === 'teacher').length);
    await screenshot(page, 'electron-accounts-page');

    await app.switchLanguage('en');
    await app.goTo('summary');
    expect(await app.summary.verdictSentence()).toMatch(/\.$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
