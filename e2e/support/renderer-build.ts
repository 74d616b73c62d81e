// The e2e tests drive the page as shipped: build renderer/ into dist/renderer/ once per run, from the sources
// under test, exactly as `npm run build:renderer` does.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

let built: Promise<string> | null = null;

export function buildRenderer(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('vite');
    const root = path.join(REPO_ROOT, 'renderer');
    await build({ configFile: path.join(root, 'vite.config.ts'), root, logLevel: 'warn' });
    if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) throw new Error(`vite wrote no ${RENDERER_DIST}/index.html`);
    return RENDERER_DIST;
  })();
  return built;
}
