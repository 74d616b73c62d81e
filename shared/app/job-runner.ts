// The app's one way to run a long job for the UI (issue #14 §3): scans, imports of breached passwords and migration
// plans. One job at a time per runner (each uses every core, or the disk), each with its own AbortController;
// progress fanned out to every listener, the last events kept for a page that re-attaches (reloaded, or opened
// meanwhile); an outcome to wait for, kept for the session; cancel answers within a grace period even when the
// work is slow to notice, and what finishes after it is ignored.
import { randomUUID } from 'node:crypto';
import type { ApiError, ErrorCode } from '../contract/errors.ts';
import { apiErrorOf, CancelledError, VigieError } from '../engine/errors.ts';

export type JobOutcome<R> =
  | { status: 'running' }
  | JobEnd<R>;

/** How a job ended. */
export type JobEnd<R> =
  | { status: 'done'; result: R }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiError };

export interface JobContext<P> {
  /** Aborted by cancel() and close(): the work stops at its next check. */
  signal: AbortSignal;
  /** Sends a progress event to every listener, and keeps it for a page that re-attaches. */
  progress(event: P): void;
}

export interface JobRunnerOptions<P> {
  /** What the jobs are, for the errors' lines: 'scan', 'import'. */
  noun: string;
  /** How a second job while one runs is refused: its line ('a scan is already running') and its code. */
  busy: { message: string; code: ErrorCode };
  /** How long cancel() waits for the work to stop before it answers anyway. */
  cancelGraceMs: number;
  /** Which of its progress events a re-attaching page needs: the last one of each key. Default: the last one. */
  progressKey?: (event: P) => string;
}

/** The job running now, as a page that opens meanwhile follows it. */
export interface RunningJob<I, P> {
  id: string;
  info: I;
  /** The last event of each progress key, in the order the keys came. */
  progress: P[];
}

/** How a job ended, as the API's outcomes say it: the result's fields when done, the error (code, line, names) when failed. */
export type ApiJobEnd<D> =
  | ({ status: 'done' } & D)
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiError };

export function apiJobEnd<R, D extends object>(end: JobEnd<R>, done: (result: R) => D): ApiJobEnd<D> {
  if (end.status === 'done') return { status: 'done', ...done(end.result) };
  if (end.status === 'failed') return { status: 'failed', error: end.error };
  return { status: 'cancelled' };
}

/** A job's result, or its failure thrown again as the VigieError it crossed as (its code, line and names). */
export function resultOf<R>(outcome: JobEnd<R>, cancelled: string): R {
  if (outcome.status === 'done') return outcome.result;
  if (outcome.status === 'cancelled') throw new CancelledError(cancelled);
  throw new VigieError(outcome.error.message, undefined, { code: outcome.error.code, params: outcome.error.params });
}

/** A second job while one runs. */
export class JobAlreadyRunningError extends VigieError {
  override readonly name = 'JobAlreadyRunningError';
  constructor(busy: JobRunnerOptions<unknown>['busy']) {
    super(busy.message, 'wait for it to finish, or cancel it', { code: busy.code });
  }
}

/** An id this session never started (the host was restarted, or the id is made up). */
export class JobNotFoundError extends VigieError {
  override readonly name = 'JobNotFoundError';
  constructor(noun: string, id: string) {
    super(`no ${noun} with id ${id} in this session`, undefined, { code: 'JOB_NOT_FOUND' });
  }
}

interface Job<I, P> {
  controller: AbortController;
  settled: Promise<void>;
  info: I;
  lastByKey: Map<string, P>;
}

export class JobRunner<I, P, R> {
  private readonly running = new Map<string, Job<I, P>>();
  private readonly outcomes = new Map<string, JobOutcome<R>>();
  private readonly waiters = new Map<string, ((o: JobEnd<R>) => void)[]>();
  private readonly listeners = new Set<(event: P) => void>();

  constructor(private readonly options: JobRunnerOptions<P>) {}

  /** Throws the busy error while a job runs: a service checks before its own preparation, and start() again. */
  assertIdle(): void {
    if (this.running.size > 0) throw new JobAlreadyRunningError(this.options.busy);
  }

  /** Starts the work at once and returns its id; `info` is what running() tells about it. */
  start(info: I, work: (context: JobContext<P>, id: string) => Promise<R>): string {
    this.assertIdle();
    const id = randomUUID();
    const controller = new AbortController();
    const lastByKey = new Map<string, P>();
    const key = this.options.progressKey ?? (() => '');
    this.outcomes.set(id, { status: 'running' });
    const context: JobContext<P> = {
      signal: controller.signal,
      progress: (event) => {
        if (!this.running.has(id)) return;
        lastByKey.set(key(event), event);
        this.emit(event);
      },
    };
    // The job is registered before its work runs a single step, so its first progress already counts.
    const job: Job<I, P> = { controller, settled: Promise.resolve(), info, lastByKey };
    this.running.set(id, job);
    // The executor runs the work at once, and turns a synchronous throw into a rejection.
    job.settled = new Promise<R>((resolve) => resolve(work(context, id)))
      .then(
        (result) => this.finish(id, controller.signal.aborted ? { status: 'cancelled' } : { status: 'done', result }),
        (e: unknown) => {
          const error = apiErrorOf(e);
          this.finish(id, controller.signal.aborted || error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error });
        },
      );
    return id;
  }

  /** Stops the job; resolves once it has stopped, or after the grace period. An ended job is left as it ended. */
  async cancel(id: string): Promise<void> {
    const job = this.running.get(id);
    if (!job) {
      if (this.outcomes.has(id)) return;
      throw new JobNotFoundError(this.options.noun, id);
    }
    job.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.cancelGraceMs)))]);
    clearTimeout(timer);
    // Late finishers are ignored: the outcome is already 'cancelled'.
    this.finish(id, { status: 'cancelled' });
  }

  /** Resolves when the job ends, or at once with how it ended. */
  outcome(id: string): Promise<JobEnd<R>> {
    const known = this.outcomes.get(id);
    if (!known) return Promise.reject(new JobNotFoundError(this.options.noun, id));
    if (known.status !== 'running') return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  /** The job running now with its progress so far, or null: a page opened (or reloaded) meanwhile re-attaches. */
  current(): RunningJob<I, P> | null {
    const [entry] = this.running.entries();
    if (entry === undefined) return null;
    const [id, job] = entry;
    return { id, info: job.info, progress: [...job.lastByKey.values()] };
  }

  onProgress(listener: (event: P) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every running job (host shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  private emit(event: P): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed window, a dropped stream) must not stop the job.
      }
    }
  }

  private finish(id: string, outcome: JobEnd<R>): void {
    if (!this.running.delete(id)) return;
    this.outcomes.set(id, outcome);
    for (const resolve of this.waiters.get(id) ?? []) resolve(outcome);
    this.waiters.delete(id);
  }
}
