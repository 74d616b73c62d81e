// The body of an audit worker thread: receives the run's context once, then tasks, and answers each.
import { parentPort, workerData } from 'node:worker_threads';
import { apiErrorOf } from '../errors.ts';
import { DigestAccounts, type DigestIndex } from './digest-index.ts';
import type { UnsaltedIndex, WorkerInit, WorkerMessage, WorkerTask } from './protocol.ts';
import { AccountChecker } from './worker.ts';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts must run in a worker thread');

const checker = new AccountChecker(workerData as WorkerInit);
const send = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (task: WorkerTask) => {
  void run(task).catch((e: unknown) => {
    send({ kind: 'error', taskId: task.taskId, error: apiErrorOf(e) });
  });
});

async function run(task: WorkerTask): Promise<void> {
  switch (task.kind) {
    case 'global': {
      // No account records: global candidates (empty, school, common) are rated without a person's words.
      const out = checker.checkGlobal(task.shard, task.shards, unsaltedIndex(task.digests), (done, total) =>
        send({ kind: 'progress', taskId: task.taskId, done, ...(total !== undefined ? { total } : {}) }),
      );
      return send({ kind: 'result', taskId: task.taskId, ...out });
    }
    case 'share':
      await checker.share(task.fingerprints);
      return send({ kind: 'result', taskId: task.taskId, recoveries: [], notes: [], candidates: 0, sightings: [] });
    case 'reuse':
      return send({ kind: 'result', taskId: task.taskId, ...checker.checkReuse(task.shard, task.shards, task.fingerprints, unsaltedIndex(task.digests)) });
    case 'accounts': {
      const recoveries = [];
      const notes = [];
      const sightings = [];
      let candidates = 0;
      let done = 0;
      for (const item of task.items) {
        const out = await checker.checkAccount(item, task.model);
        recoveries.push(...out.recoveries);
        notes.push(...out.notes);
        sightings.push(...out.sightings);
        candidates += out.candidates;
        send({ kind: 'progress', taskId: task.taskId, done: ++done });
      }
      return send({ kind: 'result', taskId: task.taskId, recoveries, notes, candidates, sightings });
    }
  }
}

function unsaltedIndex(digests: DigestIndex): UnsaltedIndex {
  return new Map(digests.map((d) => [d.scheme, new DigestAccounts(d)]));
}

send({ kind: 'ready' });
