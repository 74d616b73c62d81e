import { Worker } from 'node:worker_threads';
import { nativeYescrypt } from '../hash/primitives/yescrypt-kdf.ts';
import { describe, expect, it } from 'vitest';
import { classifyValue, schemeByName } from '../hash/classify.ts';
import { MemoryLease, memoryBudget } from './memory-lease.ts';

describe('MemoryLease', () => {
  it('counts what is leased, and lets a check larger than the budget take all of it', () => {
    const lease = new MemoryLease(memoryBudget(160));
    const a = lease.acquire(100 * 2 ** 20);
    expect(a).toBe(100 * 1024);
    const b = lease.acquire(7 * 2 ** 20);
    expect(lease.leasedKiB).toBe(107 * 1024);
    lease.release(a);
    lease.release(b);
    expect(lease.leasedKiB).toBe(0);
    const huge = lease.acquire(2 ** 30);
    expect(huge).toBe(160 * 1024);
    lease.release(huge);
    expect(lease.leasedKiB).toBe(0);
  });

  it("makes a worker wait until another thread's lease is given back", async () => {
    const budget = memoryBudget(160);
    const main = new MemoryLease(budget);
    const held = main.acquire(128 * 2 ** 20);
    const worker = new Worker(new URL('./memory-lease.test-worker.mjs', import.meta.url), { workerData: budget });
    let waiting!: () => void;
    const started = new Promise<void>((resolve) => (waiting = resolve));
    const acquired = new Promise<{ at: number; kib: number }>((resolve, reject) => {
      worker.on('message', (m) => (m === 'waiting' ? waiting() : resolve(m as { at: number; kib: number })));
      worker.on('error', reject);
    });
    await Promise.race([started, acquired]);
    await new Promise((r) => setTimeout(r, 300));
    const releasedAt = Date.now();
    main.release(held);
    const got = await acquired;
    await worker.terminate();
    expect(got.kib).toBe(100 * 1024);
    expect(got.at).toBeGreaterThanOrEqual(releasedAt);
    expect(main.leasedKiB).toBe(0);
  });

  it('knows what one check of each memory-hard scheme allocates', async () => {
    const bytes = async (name: 'SCRYPT' | 'YESCRYPT' | 'ARGON2ID', options: object): Promise<number> => {
      const value = await schemeByName(name).create('x', options);
      const stored = classifyValue('userpassword', new TextEncoder().encode(value));
      return schemeByName(name).memoryBytes!(stored.parsed);
    };
    expect(await bytes('SCRYPT', { log2N: 14, blockSize: 8, parallelism: 1 })).toBe(128 * 8 * 2 ** 14 + 128 * 8);
    // OWASP's N=2^17, r=8 (128 MiB of V): a quarter of it where the native SMix keeps one block in four.
    expect(await bytes('SCRYPT', { log2N: 17, blockSize: 8, parallelism: 1 })).toBe(nativeYescrypt() ? 32 * 2 ** 20 + 128 * 8 : 128 * 2 ** 20 + 128 * 8);
    expect(await bytes('YESCRYPT', { log2N: 12, blockSize: 32 })).toBe(16 * 2 ** 20);
    expect(await bytes('ARGON2ID', { memoryKiB: 7168, timeCost: 5, parallelism: 1 })).toBe(7168 * 1024);
    expect(schemeByName('SSHA').memoryBytes).toBeUndefined();
  });
});
