// A task's failure crosses the worker thread as the API says it (issue #14 §3): a VigieError the worker throws
// keeps its code and names (the page says « the breach index is damaged », not « Vigie could not finish »);
// anything else is a worker failure, in one line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VigieError } from '../errors.ts';
import type { WorkerInit } from './protocol.ts';
import { WorkerPool } from './worker-pool.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-worker-pool-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A worker that answers its first task with this error message (what worker-thread.ts sends). */
async function failingWorker(error: object): Promise<URL> {
  const file = path.join(dir, `failing-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, [
    "import { parentPort } from 'node:worker_threads';",
    `parentPort.on('message', (task) => parentPort.postMessage({ kind: 'error', taskId: task.taskId, error: ${JSON.stringify(error)} }));`,
    "parentPort.postMessage({ kind: 'ready' });",
  ].join('\n'));
  return pathToFileURL(file);
}

async function failureOf(error: object): Promise<VigieError> {
  const pool = new WorkerPool({} as WorkerInit, 1, await failingWorker(error));
  try {
    return await pool.run({ kind: 'share', fingerprints: [] }).then(() => { throw new Error('the task did not fail'); }, (e: unknown) => e as VigieError);
  } finally {
    await pool.terminate();
  }
}

describe('a task that fails in a worker', () => {
  it('keeps a VigieError\'s code, line and names', async () => {
    const e = await failureOf({ code: 'BREACH_INDEX_DAMAGED', message: '/data/breached/sha1.idx: the breach index is damaged (wrong size)', params: { file: '/data/breached/sha1.idx' } });
    expect(e).toBeInstanceOf(VigieError);
    expect(e.toApiError()).toEqual({ code: 'BREACH_INDEX_DAMAGED', message: '/data/breached/sha1.idx: the breach index is damaged (wrong size)', params: { file: '/data/breached/sha1.idx' } });
  });

  it('says anything else as a worker failure, in one line', async () => {
    const e = await failureOf({ code: 'UNEXPECTED', message: 'unexpected error: out of cheese', params: {} });
    expect(e.toApiError()).toEqual({ code: 'FAILED', message: 'An audit worker failed: out of cheese', params: {} });
  });
});
