// Progress with an ETA on stderr: a live bar on a terminal, plain lines otherwise (logs, CI).
import type { ScanProgress } from '../engine/scan.ts';
import { PHASE_LABEL, type Lang } from './messages.ts';

export interface ProgressSink {
  update(p: ScanProgress): void;
  done(): void;
}

export function progressReporter(stream: NodeJS.WriteStream, lang: Lang, now: () => number = Date.now): ProgressSink {
  const live = stream.isTTY === true;
  let phase = '';
  let phaseStart = 0;
  let lastPrint = 0;
  let lastLine = '';
  let latest: ScanProgress | null = null;

  const write = (text: string): void => {
    if (text === lastLine) return;
    lastLine = text;
    stream.write(live ? `\r${text}\x1b[K` : `${text}\n`);
  };

  const line = (p: ScanProgress): string => {
    const label = PHASE_LABEL[lang][p.phase] ?? p.phase;
    if (p.total === undefined || p.total === 0) return `${label} : ${p.done}`;
    const ratio = Math.min(1, p.done / p.total);
    const elapsed = (now() - phaseStart) / 1000;
    const eta = ratio > 0 && ratio < 1 && elapsed > 0.5 ? ` · ETA ${formatDuration((elapsed / ratio) * (1 - ratio))}` : '';
    const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
    if (!live) return `${label} : ${p.done}/${p.total} (${pct.trim()})${eta}`;
    const width = 24;
    const filled = Math.round(ratio * width);
    return `${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct} ${p.done}/${p.total}${eta}`;
  };

  return {
    update(p) {
      const t = now();
      const newPhase = p.phase !== phase;
      if (newPhase) {
        // The phase that ends shows where it got to (updates are throttled, its last one may not be on screen).
        if (latest) write(line(latest));
        if (live && lastLine) stream.write('\n');
        phase = p.phase;
        phaseStart = t;
      }
      latest = p;
      const finished = p.total !== undefined && p.done >= p.total;
      const interval = live ? 100 : 2000;
      if (!newPhase && !finished && t - lastPrint < interval) return;
      lastPrint = t;
      write(line(p));
    },
    done() {
      if (latest) write(line(latest));
      latest = null;
      if (live && lastLine) stream.write('\n');
      lastLine = '';
    },
  };
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
