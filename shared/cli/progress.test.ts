// Progress on stderr: plain lines off a terminal, each phase ending on where it got to, with an ETA.
import { describe, expect, it } from 'vitest';
import { formatDuration, progressReporter } from './progress.ts';

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('progressReporter', () => {
  it('writes plain lines off a terminal and ends each phase on its last count', () => {
    let clock = 0;
    const out = sink(false);
    const p = progressReporter(out.stream, 'fr', () => clock);
    p.update({ phase: 'read', done: 1 });
    for (let i = 2; i <= 500; i++) {
      clock += 1;
      p.update({ phase: 'read', done: i });
    }
    p.update({ phase: 'accounts', done: 0, total: 100 });
    clock += 1000;
    p.update({ phase: 'accounts', done: 50, total: 100 });
    clock += 3000;
    p.update({ phase: 'accounts', done: 60, total: 100 });
    p.done();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toContain('lecture : 500');
    expect(lines[0]).toBe('lecture : 1');
    expect(lines.some((l) => /^comptes : 60\/100 \(60%\) · ETA 3 s$/.test(l))).toBe(true);
    expect(out.text()).not.toContain('\r');
  });

  it('redraws one line per phase on a terminal', () => {
    const out = sink(true);
    const p = progressReporter(out.stream, 'en', () => 0);
    p.update({ phase: 'global', done: 10, total: 10 });
    p.done();
    expect(out.text()).toMatch(/^\rcommon passwords\s+\[#{24}\] 100% 10\/10\x1b\[K\n$/);
  });

  it('says durations in words a person reads', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3 * 3600 + 60)).toBe('3 h 01 min');
  });
});
