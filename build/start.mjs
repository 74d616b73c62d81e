#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, else the same interface in the browser
// through `vigie ui`. Arguments pass through (`npm start -- --no-open`).
//
// The binary is looked up the way node_modules/electron/index.js does, without calling it: that file tries
// to download Electron when the binary is missing, and Vigie never downloads anything at start.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

export function electronBinary(env = process.env) {
  const dir = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(dir, 'dist', relative);
  return relative && existsSync(full) ? full : null;
}

async function ensureRenderer() {
  if (existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) return;
  console.error("Préparation de l'interface (première fois)…");
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'warn' });
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  // A SIGINT sent to this process alone (a test, a service manager) reaches the app too.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 130 : 1);
  });
  child.on('error', (e) => {
    console.error(`vigie: cannot start ${path.basename(command)} (${e.message.split('\n')[0]})`);
    process.exitCode = 1;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electron = electronBinary();
  try {
    if (electron) {
      await ensureRenderer();
      const { buildElectron } = await import('./build-electron.mjs');
      await buildElectron({ quiet: true });
      run(electron, [path.join(root, 'dist', 'electron', 'main.mjs'), ...args]);
    } else {
      console.log("Electron n'est pas installé ici : ouverture de l'interface dans le navigateur");
      run(process.execPath, [path.join(root, 'bin', 'vigie.mjs'), 'ui', ...args]);
    }
  } catch (e) {
    console.error(`vigie: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 1;
  }
}
