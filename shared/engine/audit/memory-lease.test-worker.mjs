// memory-lease.test.ts's other thread: takes a lease on the budget it is given, says when it got it, gives it back.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { MemoryLease } = await import('./memory-lease.ts');
const lease = new MemoryLease(workerData);
parentPort.postMessage('waiting');
const kib = lease.acquire(100 * 2 ** 20);
const at = Date.now();
lease.release(kib);
parentPort.postMessage({ at, kib });
