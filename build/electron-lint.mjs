#!/usr/bin/env node
// `npm run lint:electron`: Doyensec's Electronegativity, offline, on the desktop app's sources (electron/).
// Writes SARIF to a temp file, prints each finding on one line, and fails on any HIGH (or CRITICAL) one.
// Electronegativity's SARIF only says note/warning; the severity comes from the same run's issue list,
// which lists the results in the same order.
import { createRequire, Module } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const FAILING = new Set(['HIGH', 'CRITICAL']);

// Electronegativity fetches translations (and Electron's release list) from the network; Vigie's checks stay
// offline: its i18n module is replaced by the same setup with the bundled English strings, and the release
// check is left out.
function loadOffline() {
  const entry = require.resolve('@doyensec/electronegativity');
  const own = createRequire(entry);
  const i18nPath = own.resolve('./locales/i18n.js');
  const i18n = own('i18n');
  const offline = () => {
    i18n.configure({
      locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nPath), updateFiles: false,
      objectNotation: true, retryInDefaultLocale: true, register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  const stub = new Module(i18nPath);
  stub.filename = i18nPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[i18nPath] = stub;
  return own(entry);
}

export async function lintElectron({ input = path.join(root, 'electron'), keepSarif } = {}) {
  const electronegativity = loadOffline();
  const run = electronegativity.default ?? electronegativity;
  const electronVersion = require('electron/package.json').version;
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-electronegativity-'));
  const sarifFile = keepSarif ?? path.join(dir, 'electronegativity.sarif');
  try {
    const result = await run({
      input, output: sarifFile, isSarif: true, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true,
      isVerbose: false, electronUpgrade: undefined, electronVersionOverride: electronVersion, parserPlugins: [],
    }, false);
    const sarif = JSON.parse(await readFile(sarifFile, 'utf8'));
    const results = sarif.runs?.[0]?.results ?? [];
    return results.map((r, i) => {
      const issue = result.issues[i];
      const location = r.locations?.[0]?.physicalLocation;
      return {
        ruleId: r.ruleId,
        level: r.level,
        severity: issue && issue.id === r.ruleId ? String(issue.severity?.name ?? 'UNKNOWN').toUpperCase() : 'UNKNOWN',
        confidence: issue && issue.id === r.ruleId ? String(issue.confidence?.name ?? '') : '',
        file: location?.artifactLocation?.uri ?? '?',
        line: location?.region?.startLine ?? 0,
        message: String(r.message?.text ?? '').split('\n')[0],
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const input = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'electron');
    const findings = await lintElectron({ input });
    for (const f of findings) {
      const where = /^file:/.test(f.file) ? '(global)' : `${path.relative(root, path.resolve(input, f.file))}:${f.line}`;
      console.log(`${f.severity.padEnd(8)} ${f.ruleId} ${where} — ${f.message}`);
    }
    const failing = findings.filter((f) => FAILING.has(f.severity));
    console.log(`electronegativity: ${findings.length} finding(s), ${failing.length} of high severity`);
    process.exitCode = failing.length > 0 ? 1 : 0;
  } catch (e) {
    console.error(`electron-lint: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 2;
  }
}
