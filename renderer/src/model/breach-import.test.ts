import { describe, expect, it } from 'vitest';
import type { BreachImportProgressEvent } from '../../../shared/contract/index.ts';
import { applyImportProgress, importPathProblem, importProgressView, stateOfOutcome, type BreachImportState } from './breach-import.ts';

const event = (done: number, extra: Partial<BreachImportProgressEvent> = {}): BreachImportProgressEvent =>
  ({ importId: 'i1', hashKind: 'sha1', done, total: 400, lines: done * 10, ...extra });

describe('importProgressView', () => {
  it('is indeterminate before the first event', () => {
    expect(importProgressView(null)).toEqual({ percent: null, lines: 0 });
  });

  it('gives a whole percent, the rate and the time left', () => {
    expect(importProgressView(event(101, { linesPerSecond: 5000, etaSeconds: 90 }))).toEqual({ percent: 25, lines: 1010, linesPerSecond: 5000, etaSeconds: 90 });
    expect(importProgressView(event(400, { etaSeconds: 0 }))).toEqual({ percent: 100, lines: 4000 });
    expect(importProgressView(event(0, { total: 0 })).percent).toBeNull();
  });
});

describe('applyImportProgress', () => {
  const running: BreachImportState = { status: 'running', importId: 'i1', progress: null, cancelling: false };

  it('follows its own import, forward only', () => {
    const later = applyImportProgress(running, event(200));
    expect(later).toMatchObject({ status: 'running', progress: { done: 200 } });
    expect(applyImportProgress(later, event(100))).toBe(later);
  });

  it('ignores another import and an ended one', () => {
    expect(applyImportProgress(running, event(10, { importId: 'other' }))).toBe(running);
    const done: BreachImportState = { status: 'cancelled' };
    expect(applyImportProgress(done, event(10))).toBe(done);
  });
});

describe('stateOfOutcome', () => {
  it('maps each ending, and none while running', () => {
    expect(stateOfOutcome({ importId: 'i1', status: 'running' })).toBeNull();
    expect(stateOfOutcome({
      importId: 'i1', status: 'done', hashKind: 'ntlm', entries: 12, lines: 14, badLines: 2, missingPrefixFiles: 0, index: { present: true, ntlmEntries: 12 },
    })).toEqual({ status: 'done', entries: 12, badLines: 2, missingPrefixFiles: 0 });
    expect(stateOfOutcome({ importId: 'i1', status: 'cancelled' })).toEqual({ status: 'cancelled' });
    const error = { code: 'PATH_NOT_FOUND', message: 'x: no such file or folder', params: { file: 'x' } } as const;
    expect(stateOfOutcome({ importId: 'i1', status: 'failed', error })).toEqual({ status: 'failed', error });
  });
});

describe('importPathProblem', () => {
  it('asks for a path before calling the host', () => {
    expect(importPathProblem('  ')).toBe('empty');
    expect(importPathProblem('/data/pwnedpasswords.txt')).toBeNull();
  });
});
