#!/usr/bin/env node
// Runs a TypeScript entry point through tsx's loader, so `npx vigie` works right after `npm install`
// with no build step. Worker threads register the same loader themselves (see audit/worker-entry.mjs).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts.mjs FILE.ts [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
