#!/usr/bin/env node
// `npm run lint:electron`: Doyensec's Electronegativity, offline, on the desktop app's sources (electron/).
// Prints each finding on one line and fails on any HIGH (or CRITICAL) one.
import { createRequire, Module } from 'node:module';
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

export async function lintElectron({ input = path.join(root, 'electron') } = {}) {
  const electronegativity = loadOffline();
  const run = electronegativity.default ?? electronegativity;
  const electronVersion = require('electron/package.json').version;
  // No `output`: Electronegativity writes that file with an un-awaited fs.writeFile, so reading it after the
  // run races the write (it lost on a CI machine). The run's return value holds the same issues.
  const result = await run({
    input, output: undefined, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true,
    isVerbose: false, electronUpgrade: undefined, electronVersionOverride: electronVersion, parserPlugins: [],
  }, false);
  return (result?.issues ?? []).map((issue) => ({
    ruleId: String(issue.id),
    level: issue.manualReview ? 'note' : 'warning',
    severity: String(issue.severity?.name ?? 'UNKNOWN').toUpperCase(),
    confidence: String(issue.confidence?.name ?? ''),
    file: issue.file && issue.file !== 'N/A' ? String(issue.file) : 'file:///',
    line: issue.location?.line ? Number(issue.location.line) : 1,
    message: String(issue.description ?? '').split('\n')[0],
  }));
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
