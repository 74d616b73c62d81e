#!/usr/bin/env node
// The `vigie` command. Runs the CLI from a bundle of its TypeScript, made by esbuild on first use and again after
// any change (build/runtime-bundle.mjs); where no bundle can be made, through tsx's loader. No build step either way.
import { pathToFileURL } from 'node:url';
import { cachedBundle } from '../build/runtime-bundle.mjs';

const bundle = await cachedBundle('shared/cli/main.ts', process.env, undefined, (why) => {
  process.stderr.write(`vigie: running from the TypeScript sources (no bundle: ${why})\n`);
});
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../shared/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
