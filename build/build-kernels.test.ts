// The portable tier's committed files are what their sources make: the unrolled rounds (wasm/rounds.ts) what
// build/wasm-rounds.mjs writes, and kernels.wasm what asc compiles from kernels.as.ts — so a change to either
// source cannot ship without `npm run build:kernels`.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernels, OUTPUT, ROOT, ROUNDS } from './build-kernels.mjs';
import { roundsSource } from './wasm-rounds.mjs';

const work = await mkdtemp(path.join(tmpdir(), 'vigie-kernels-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the committed WebAssembly kernels', () => {
  it('rounds.ts is what build/wasm-rounds.mjs writes', () => {
    expect(readFileSync(path.join(ROOT, ROUNDS), 'utf8') === roundsSource(), 'run npm run build:kernels').toBe(true);
  });

  it('kernels.wasm is what asc makes of kernels.as.ts', async () => {
    const out = path.join(work, 'kernels.wasm');
    compileKernels(out);
    const made = await readFile(out);
    expect(made.length).toBeGreaterThan(1000);
    expect(made.equals(await readFile(path.join(ROOT, OUTPUT))), 'run npm run build:kernels').toBe(true);
  }, 120_000);
});
