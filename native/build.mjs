// Builds the optional native kernels (node-gyp, the C in native/src) and NEVER fails: run by `npm install`,
// a missing compiler, missing headers or an unsupported platform only print a warning, and Vigie uses its
// WebAssembly tier instead. `node native/build.mjs` rebuilds by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

function nodeGyp() {
  // npm hands its own node-gyp to install scripts; otherwise the one bundled with npm next to node.
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  const bundled = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(bundled) ? bundled : null;
}

try {
  if (process.env.VIGIE_SKIP_NATIVE) {
    console.warn('vigie: native kernels skipped (VIGIE_SKIP_NATIVE).');
  } else {
    const gyp = nodeGyp();
    if (!gyp) throw new Error('node-gyp not found');
    const args = [gyp, 'rebuild'];
    // Distribution packages put Node's headers in /usr/include/node: use them rather than download.
    if (existsSync('/usr/include/node/node_api.h') && process.execPath.startsWith('/usr/')) args.push('--nodedir=/usr');
    const r = spawnSync(process.execPath, args, { cwd: here, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error((r.stderr || r.error?.message || 'node-gyp failed').trim().split('\n').slice(-3).join(' | '));
    console.log('vigie: native kernels built (native/build/Release/vigie_kernels.node).');
  }
} catch (e) {
  console.warn(`vigie: native kernels not built, the WebAssembly tier will be used (${e instanceof Error ? e.message : e}).`);
}
process.exitCode = 0;
