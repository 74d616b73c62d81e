// The live view of a scan: one line per phase, built from the progress events the host sends.
import type { ScanPhase, ScanProgressEvent } from '../../../shared/contract/index.ts';

export const PHASES: readonly ScanPhase[] = ['read', 'classify', 'global', 'accounts', 'learned'];

export interface PhaseState {
  phase: ScanPhase;
  status: 'waiting' | 'running' | 'done';
  done: number;
  total?: number;
  /** 0–1 when the total is known. */
  fraction?: number;
}

export interface ScanProgressView {
  phases: PhaseState[];
  current: ScanPhase | null;
  etaSeconds?: number;
}

export function emptyProgress(): ScanProgressView {
  return { phases: PHASES.map((phase) => ({ phase, status: 'waiting', done: 0 })), current: null };
}

/** A later phase's event means the earlier ones are over, even if their last event never came. */
export function applyProgress(view: ScanProgressView, event: ScanProgressEvent): ScanProgressView {
  const at = PHASES.indexOf(event.phase);
  if (at < 0) return view;
  const phases = view.phases.map((state, i): PhaseState => {
    if (i < at) return state.status === 'done' ? state : { ...state, status: 'done', ...(state.total !== undefined ? { done: state.total } : {}), fraction: 1 };
    if (i > at) return state;
    const finished = event.total !== undefined && event.done >= event.total;
    return {
      phase: event.phase,
      status: finished ? 'done' : 'running',
      done: event.done,
      ...(event.total !== undefined ? { total: event.total, fraction: event.total === 0 ? 1 : Math.min(1, event.done / event.total) } : {}),
    };
  });
  return { phases, current: event.phase, ...(event.etaSeconds !== undefined ? { etaSeconds: event.etaSeconds } : {}) };
}

/**
 * The view of a scan joined while it runs (a reloaded page): the host's last event of each phase, then the events
 * that came while the page asked, less those older than what the host already said.
 */
export function replayProgress(known: readonly ScanProgressEvent[], meanwhile: readonly ScanProgressEvent[] = []): ScanProgressView {
  const view = known.reduce(applyProgress, emptyProgress());
  const last = known.at(-1);
  const newer = meanwhile.filter((e) => last === undefined || isAfter(e, last));
  return newer.reduce(applyProgress, view);
}

function isAfter(event: ScanProgressEvent, than: ScanProgressEvent): boolean {
  const a = PHASES.indexOf(event.phase);
  const b = PHASES.indexOf(than.phase);
  return a > b || (a === b && event.done >= than.done);
}

export type Duration = { unit: 'seconds'; n: number } | { unit: 'minutes'; n: number } | { unit: 'hours'; h: number; m: number };

/** Round an ETA the way a person says it: seconds under a minute, then minutes, then hours and minutes. */
export function roundDuration(seconds: number): Duration {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return { unit: 'seconds', n: s < 10 ? s : Math.round(s / 5) * 5 };
  const minutes = Math.round(s / 60);
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
}
