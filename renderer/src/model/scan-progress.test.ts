import { describe, expect, it } from 'vitest';
import { applyProgress, emptyProgress, replayProgress, roundDuration } from './scan-progress.ts';

describe('applyProgress', () => {
  it('marks earlier phases done when a later phase starts', () => {
    let view = emptyProgress();
    view = applyProgress(view, { scanId: 's', phase: 'read', done: 120 });
    expect(view.phases[0]).toMatchObject({ status: 'running', done: 120 });
    view = applyProgress(view, { scanId: 's', phase: 'global', done: 50, total: 200, etaSeconds: 30 });
    expect(view.phases.map((p) => p.status)).toEqual(['done', 'done', 'running', 'waiting', 'waiting']);
    expect(view.phases[2]?.fraction).toBe(0.25);
    expect(view).toMatchObject({ current: 'global', etaSeconds: 30 });
  });

  it('calls a phase done when its count reaches its total', () => {
    const view = applyProgress(emptyProgress(), { scanId: 's', phase: 'classify', done: 10, total: 10 });
    expect(view.phases[1]).toMatchObject({ status: 'done', fraction: 1 });
  });
});

describe('replayProgress', () => {
  it('draws a joined scan from the host’s last event of each phase, then the newer events only', () => {
    const known = [
      { scanId: 's', phase: 'read' as const, done: 400, total: 400 },
      { scanId: 's', phase: 'classify' as const, done: 400, total: 400 },
      { scanId: 's', phase: 'accounts' as const, done: 120, total: 400, etaSeconds: 60 },
    ];
    const view = replayProgress(known, [
      { scanId: 's', phase: 'accounts', done: 100, total: 400 },
      { scanId: 's', phase: 'global', done: 5, total: 10 },
      { scanId: 's', phase: 'accounts', done: 160, total: 400, etaSeconds: 50 },
    ]);
    expect(view.phases.map((p) => p.status)).toEqual(['done', 'done', 'done', 'running', 'waiting']);
    expect(view.phases[3]).toMatchObject({ done: 160, fraction: 0.4 });
    expect(view).toMatchObject({ current: 'accounts', etaSeconds: 50 });
    expect(replayProgress([])).toEqual(emptyProgress());
  });
});

describe('roundDuration', () => {
  it('speaks like a person', () => {
    expect(roundDuration(4.2)).toEqual({ unit: 'seconds', n: 4 });
    expect(roundDuration(42)).toEqual({ unit: 'seconds', n: 40 });
    expect(roundDuration(150)).toEqual({ unit: 'minutes', n: 3 });
    expect(roundDuration(3 * 3600 + 5 * 60)).toEqual({ unit: 'hours', h: 3, m: 5 });
  });
});
