// Issue #13 §3: a page opened (or reloaded) while a scan runs finds it, with its progress so far, and can cancel it.
import { describe, expect, it } from 'vitest';
import type { ScanOptions, ScanRequest } from '../engine/scan.ts';
import type { ScanReport } from '../contract/report.ts';
import { CancelledError } from '../engine/errors.ts';
import { NoSecretStore } from './secret-store.ts';
import { useTempDataDirs } from './test-data-dir.ts';
import { createVigieServices } from './vigie-services.ts';

const tempDir = useTempDataDirs();

/** A scan that reports a few steps, then waits until it is cancelled. */
function steppingRunner() {
  let reached: () => void = () => undefined;
  const steps = new Promise<void>((resolve) => (reached = resolve));
  const run = (request: ScanRequest, options: ScanOptions): Promise<ScanReport> => new Promise((_resolve, reject) => {
    expect(request.depth).toBe('deep');
    options.onProgress?.({ phase: 'read', done: 10, total: 10 });
    options.onProgress?.({ phase: 'classify', done: 10, total: 10 });
    options.onProgress?.({ phase: 'accounts', done: 3, total: 10 });
    reached();
    options.signal?.addEventListener('abort', () => reject(new CancelledError()));
  });
  return { run, steps };
}

describe('runningScan', () => {
  it('is null when nothing runs, then names the running scan with its last event of each phase', async () => {
    const { run, steps } = steppingRunner();
    const api = createVigieServices({ dataDir: await tempDir(), secrets: new NoSecretStore(), hostKind: 'loopback', runScan: run, demoFile: null });
    expect(await api.runningScan()).toBeNull();

    const before = Date.now();
    const { scanId } = await api.startScan({ connection: { kind: 'ldif', file: '/tmp/ecole.ldif' }, depth: 'deep' });
    await steps;
    const running = await api.runningScan();
    expect(running).toMatchObject({ scanId, label: '/tmp/ecole.ldif', source: '/tmp/ecole.ldif', sourceKind: 'ldif', depth: 'deep' });
    expect(Date.parse(running!.startedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(running!.progress.map((e) => e.phase)).toEqual(['read', 'classify', 'accounts']);
    expect(running!.progress.at(-1)).toMatchObject({ scanId, phase: 'accounts', done: 3, total: 10 });

    // What the reloaded page does with it: cancel by id, then nothing runs.
    await api.cancelScan(running!.scanId);
    expect(await api.scanOutcome(scanId)).toEqual({ scanId, status: 'cancelled' });
    expect(await api.runningScan()).toBeNull();
    await api.close();
  });
});
