// `vigie ui`: the graphical interface in the default browser, served by the loopback host on 127.0.0.1.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../../app/data-dir.ts';
import { NoSecretStore } from '../../app/secret-store.ts';
import { createVigieServices } from '../../app/vigie-services.ts';
import { VigieError } from '../../engine/errors.ts';
import { PACKAGE_ROOT } from '../../engine/package-root.ts';
import { startLoopbackHost } from '../../host/loopback-host.ts';
import { ldifUploadDir } from '../../host/ldif-upload.ts';
import type { CliIo, Command } from '../main.ts';
import { UsageError } from '../usage-error.ts';

/** Where `vite build` puts the page (renderer/vite.config.ts); the host serves it from here. */
export const RENDERER_DIST = path.join(PACKAGE_ROOT, 'dist', 'renderer');

export const uiCommand: Command = {
  name: 'ui',
  // Stops itself on Ctrl-C (main.ts): a second one ends the process at once.
  interrupt: 'graceful',
  summary: 'open the graphical interface in the browser (served on 127.0.0.1 only)',
  usage: `
Usage: vigie ui [--no-open] [--port N]

Starts Vigie's interface on this computer only (127.0.0.1) and opens it in the default browser.
The address printed holds a one-time key for this run: only a page opened with it can use Vigie.
Builds the interface first if dist/renderer/ is missing. Ctrl-C stops it.

  --no-open      print the address, do not open the browser
  --port N       listen on port N (default: a free port the system picks)

Data (history, saved schools, settings) is kept in the user's app-data folder, or in VIGIE_DATA_DIR.
In the browser, bind passwords are never saved: Vigie asks for them at each scan.
`,
  options: {
    'no-open': { type: 'boolean' },
    port: { type: 'string' },
  },
  async run(v, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const port = v.port === undefined ? 0 : portNumber(v.port);
    await ensureRendererBuilt(io);
    const dataDir = defaultDataDir(io.env);
    const services = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' });
    // An LDIF chosen or dropped in the page is kept in the data folder (the page cannot learn its path).
    const host = await startLoopbackHost({ services, staticDir: RENDERER_DIST, port, uploadDir: ldifUploadDir(dataDir) });
    try {
      io.stdout.write(`Vigie est prêt : ${host.url}\n`);
      if (v['no-open'] !== true) {
        const opened = await openInBrowser(host.url);
        io.stdout.write(opened
          ? 'Ouverture dans le navigateur… (Ctrl-C pour arrêter)\n'
          : "Le navigateur n'a pas pu être ouvert : copiez l'adresse ci-dessus dans votre navigateur. (Ctrl-C pour arrêter)\n");
      } else {
        io.stdout.write('Ouvrez cette adresse dans votre navigateur. (Ctrl-C pour arrêter)\n');
      }
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) return resolve();
        io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      io.stdout.write('Arrêt de Vigie.\n');
      return 0;
    } finally {
      await services.close();
      await host.close();
    }
  },
};

async function ensureRendererBuilt(io: CliIo): Promise<void> {
  if (existsSync(path.join(RENDERER_DIST, 'index.html'))) return;
  io.stderr.write("Préparation de l'interface (première fois)…\n");
  const configFile = path.join(PACKAGE_ROOT, 'renderer', 'vite.config.ts');
  if (!existsSync(configFile)) throw new VigieError('the interface is not built and its sources are missing', 'reinstall Vigie');
  try {
    const { build } = await import('vite');
    await build({ configFile, root: path.dirname(configFile), logLevel: 'warn' });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new VigieError(`the interface could not be built: ${message}`, 'run `npx vite build renderer` to see why');
  }
  if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new VigieError(`the interface build wrote no ${path.join(RENDERER_DIST, 'index.html')}`);
  }
}

/** The system's "open this address" command; resolves false when there is none (a server, a container). */
function openInBrowser(url: string): Promise<boolean> {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
      : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

function portNumber(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
  return n;
}
