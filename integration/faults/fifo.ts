// FIFOs for the interruption tests (Linux): made in a test's folder, and a way to wait until the real `vigie`
// process holds one open for reading (its /proc/PID/fd), without being a writer before the test chooses to be.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function makeFifo(file: string): string {
  execFileSync('mkfifo', ['-m', '600', file]);
  return file;
}

/** Whether process `pid` has `file` open (any descriptor). */
export function holdsOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Resolves once process `pid` holds `file` open; rejects after `timeoutMs` or if `exited` settles first. /proc has no
 * event for it: polled every 20 ms, bounded.
 */
export async function opened(pid: number, file: string, exited: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  let done = false;
  const gone = exited.then(() => {
    if (!done) throw new Error(`vigie exited before opening ${file}`);
  });
  gone.catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!holdsOpen(pid, file)) {
      if (Date.now() > deadline) throw new Error(`vigie did not open ${file} within ${timeoutMs} ms`);
      await Promise.race([sleep(20), gone]);
    }
  } finally {
    done = true;
  }
}

/** Whether a thread of process `pid` waits in open() for a FIFO's other end (its kernel wait channel says so). */
export function waitsForFifo(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/wchan`, 'utf8') === 'wait_for_partner';
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Resolves once a thread of `pid` waits in open() on a FIFO; polled every 20 ms, bounded, like `opened`. */
export async function waitingOnFifo(pid: number, exited: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  let done = false;
  const gone = exited.then(() => {
    if (!done) throw new Error('vigie exited before waiting on a FIFO');
  });
  gone.catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!waitsForFifo(pid)) {
      if (Date.now() > deadline) throw new Error(`vigie did not wait on a FIFO within ${timeoutMs} ms`);
      await Promise.race([sleep(20), gone]);
    }
  } finally {
    done = true;
  }
}

/** A writer that says nothing: the FIFO's write end, held open (a reader must hold the other end). */
export function silentWriter(file: string): { close(): void } {
  const fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
  return { close: () => closeSync(fd) };
}
