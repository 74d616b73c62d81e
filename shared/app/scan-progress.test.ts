import { describe, expect, it } from 'vitest';
import { ScanProgressMeter } from './scan-progress.ts';

describe('ScanProgressMeter', () => {
  it('throttles steps, always sends phase changes and the last step, and gives an ETA from the phase rate', () => {
    let now = 0;
    const meter = new ScanProgressMeter('s1', () => now);
    expect(meter.next({ phase: 'read', done: 1 })).toEqual({ scanId: 's1', phase: 'read', done: 1 });
    now = 50;
    expect(meter.next({ phase: 'read', done: 2 })).toBeNull();
    expect(meter.next({ phase: 'accounts', done: 0, total: 100 })).toEqual({ scanId: 's1', phase: 'accounts', done: 0, total: 100 });
    now = 550; // half a second in: too early for a rate worth showing
    expect(meter.next({ phase: 'accounts', done: 10, total: 100 })).toEqual({ scanId: 's1', phase: 'accounts', done: 10, total: 100 });
    now = 2_050; // 2 s for 25 accounts: 75 left take 6 s
    expect(meter.next({ phase: 'accounts', done: 25, total: 100 })).toEqual({ scanId: 's1', phase: 'accounts', done: 25, total: 100, etaSeconds: 6 });
    now = 2_060;
    expect(meter.next({ phase: 'accounts', done: 100, total: 100 })).toMatchObject({ done: 100, etaSeconds: 0 });
  });
});
