// The body of an audit worker thread: receives the run's context once, then tasks, and answers each.
import { parentPort, workerData } from 'node:worker_threads';
import { DigestAccounts } from './digest-index.ts';
import type { UnsaltedIndex, WorkerInit, WorkerMessage, WorkerTask } from './protocol.ts';
import { AccountChecker } from './worker.ts';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts must run in a worker thread');

const checker = new AccountChecker(workerData as WorkerInit);
const send = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (task: WorkerTask) => {
  void run(task).catch((e: unknown) => {
    send({ kind: 'error', taskId: task.taskId, message: e instanceof Error ? e.message : String(e) });
  });
});

async function run(task: WorkerTask): Promise<void> {
  if (task.kind === 'global') {
    const index: UnsaltedIndex = new Map(task.digests.map((d) => [d.scheme, new DigestAccounts(d)]));
    // No account records: global candidates (empty, school, common) are rated without a person's words.
    const out = checker.checkGlobal(task.shard, task.shards, index, (done, total) =>
      send({ kind: 'progress', taskId: task.taskId, done, ...(total !== undefined ? { total } : {}) }),
    );
    send({ kind: 'result', taskId: task.taskId, ...out });
    return;
  }
  const recoveries = [];
  const notes = [];
  let candidates = 0;
  let done = 0;
  for (const { index, account } of task.items) {
    const out = await checker.checkAccount(index, account);
    recoveries.push(...out.recoveries);
    notes.push(...out.notes);
    candidates += out.candidates;
    send({ kind: 'progress', taskId: task.taskId, done: ++done });
  }
  send({ kind: 'result', taskId: task.taskId, recoveries, notes, candidates });
}

send({ kind: 'ready' });
