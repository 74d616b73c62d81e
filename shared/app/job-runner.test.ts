import { describe, expect, it } from 'vitest';
import { CancelledError, LdifError, VigieError } from '../engine/errors.ts';
import { apiJobEnd, JobRunner, resultOf, type JobContext } from './job-runner.ts';

interface Step {
  phase: string;
  done: number;
}

function runner(cancelGraceMs = 50): JobRunner<{ label: string }, Step, string> {
  return new JobRunner({
    noun: 'job',
    busy: { message: 'a job is already running', code: 'SCAN_RUNNING' },
    cancelGraceMs,
    progressKey: (step) => step.phase,
  });
}

/** Work that waits for the test to let it go; it ignores its signal unless told to honour it. */
function held(honourSignal = true): { work: (c: JobContext<Step>) => Promise<string>; release: (v: string) => void; context: () => JobContext<Step> } {
  let release: (v: string) => void = () => undefined;
  let context: JobContext<Step> | undefined;
  const work = (c: JobContext<Step>): Promise<string> => new Promise((resolve, reject) => {
    context = c;
    release = resolve;
    if (honourSignal) c.signal.addEventListener('abort', () => reject(new CancelledError()));
  });
  return { work, release: (v) => release(v), context: () => context as JobContext<Step> };
}

describe('JobRunner', () => {
  it('runs a job to its outcome, fanning its progress out and keeping the last event of each key', async () => {
    const jobs = runner();
    const seen: Step[] = [];
    const unsubscribe = jobs.onProgress((s) => seen.push(s));
    jobs.onProgress(() => {
      throw new Error('a closed window');
    });
    const job = held();
    const id = jobs.start({ label: 'école' }, job.work);
    await Promise.resolve();
    job.context().progress({ phase: 'read', done: 1 });
    job.context().progress({ phase: 'read', done: 2 });
    job.context().progress({ phase: 'accounts', done: 1 });
    expect(jobs.current()).toEqual({ id, info: { label: 'école' }, progress: [{ phase: 'read', done: 2 }, { phase: 'accounts', done: 1 }] });
    job.release('report-1');
    expect(await jobs.outcome(id)).toEqual({ status: 'done', result: 'report-1' });
    expect(seen).toHaveLength(3);
    expect(jobs.current()).toBeNull();
    unsubscribe();
    // An ended job answers at once, as often as asked.
    expect(await jobs.outcome(id)).toEqual({ status: 'done', result: 'report-1' });
  });

  it('runs one job at a time, and says so with the busy error', async () => {
    const jobs = runner();
    const job = held();
    const id = jobs.start({ label: 'a' }, job.work);
    expect(() => jobs.start({ label: 'b' }, held().work)).toThrow(expect.objectContaining({ code: 'SCAN_RUNNING' }));
    expect(() => jobs.assertIdle()).toThrow('a job is already running');
    job.release('r');
    await jobs.outcome(id);
    expect(() => jobs.assertIdle()).not.toThrow();
  });

  it('a failure is its error, by code; a CancelledError is a cancel', async () => {
    const jobs = runner();
    const failed = jobs.start({ label: 'x' }, () => Promise.reject(new LdifError('/tmp/x.ldif', 3, 'no colon')));
    expect(await jobs.outcome(failed)).toEqual({
      status: 'failed',
      error: { code: 'LDIF_INVALID', message: '/tmp/x.ldif, line 3: no colon', params: { file: '/tmp/x.ldif', line: '3' } },
    });
    const odd = jobs.start({ label: 'x' }, () => Promise.reject(new Error('boom\nat stack')));
    expect(await jobs.outcome(odd)).toEqual({ status: 'failed', error: { code: 'UNEXPECTED', message: 'unexpected error: boom', params: {} } });
    const thrown = jobs.start({ label: 'x' }, () => {
      throw new CancelledError();
    });
    expect(await jobs.outcome(thrown)).toEqual({ status: 'cancelled' });
  });

  it('cancel stops the work and answers once it has stopped', async () => {
    const jobs = runner();
    const job = held(true);
    const id = jobs.start({ label: 'x' }, job.work);
    const waiting = jobs.outcome(id);
    await jobs.cancel(id);
    expect(await waiting).toEqual({ status: 'cancelled' });
    // Cancelling an ended job is no error.
    await expect(jobs.cancel(id)).resolves.toBeUndefined();
  });

  it('cancel answers within its grace period when the work does not notice, and ignores what finishes later', async () => {
    const jobs = runner(30);
    const job = held(false);
    const id = jobs.start({ label: 'x' }, job.work);
    await Promise.resolve();
    const started = Date.now();
    await jobs.cancel(id);
    expect(Date.now() - started).toBeLessThan(1000);
    const seen: Step[] = [];
    jobs.onProgress((s) => seen.push(s));
    job.context().progress({ phase: 'read', done: 9 });
    job.release('too late');
    await new Promise((r) => setTimeout(r, 10));
    expect(await jobs.outcome(id)).toEqual({ status: 'cancelled' });
    expect(seen).toEqual([]);
    // A next job may start at once.
    expect(() => jobs.assertIdle()).not.toThrow();
  });

  it('a job that finishes after its signal was aborted is cancelled, not done', async () => {
    const jobs = runner(1000);
    const job = held(false);
    const id = jobs.start({ label: 'x' }, job.work);
    await Promise.resolve();
    const cancelling = jobs.cancel(id);
    job.release('finished anyway');
    await cancelling;
    expect(await jobs.outcome(id)).toEqual({ status: 'cancelled' });
  });

  it('an id it never started is the not-found error; close cancels what runs', async () => {
    const jobs = runner();
    await expect(jobs.outcome('nope')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND', message: 'no job with id nope in this session' });
    await expect(jobs.cancel('nope')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    const id = jobs.start({ label: 'x' }, held(true).work);
    await jobs.close();
    expect(await jobs.outcome(id)).toEqual({ status: 'cancelled' });
  });
});

describe('resultOf', () => {
  it('gives the result, or throws the failure again as the VigieError it crossed as', () => {
    expect(resultOf({ status: 'done', result: 3 }, 'cancelled')).toBe(3);
    expect(() => resultOf({ status: 'cancelled' }, 'Plan cancelled.')).toThrow(expect.objectContaining({ code: 'CANCELLED', message: 'Plan cancelled.' }));
    const error = { code: 'LDAP_UNREACHABLE', message: 'Cannot reach the directory at x:389: connection refused. — check the URL', params: { server: 'x:389' } } as const;
    let thrown: unknown;
    try {
      resultOf({ status: 'failed', error }, 'cancelled');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(VigieError);
    expect((thrown as VigieError).toApiError()).toEqual(error);
  });
});

describe('apiJobEnd', () => {
  it('says how a job ended as the API’s outcomes do', () => {
    const error = { code: 'NOT_HIBP', message: 'x.txt: not a Have I Been Pwned file', params: { file: 'x.txt' } } as const;
    expect(apiJobEnd({ status: 'done', result: 'r1' }, (reportId) => ({ reportId }))).toEqual({ status: 'done', reportId: 'r1' });
    expect(apiJobEnd({ status: 'failed', error }, () => ({}))).toEqual({ status: 'failed', error });
    expect(apiJobEnd({ status: 'cancelled' }, () => ({}))).toEqual({ status: 'cancelled' });
  });
});
