// The breached-password import as the card shows it: its state, and each progress event turned into a bar
// position, a rate and a time left.
import type { ApiError, BreachImportOutcome, BreachImportProgressEvent } from '../../../shared/contract/index.ts';

export type BreachImportState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running'; importId: string; progress: BreachImportProgressEvent | null; cancelling: boolean }
  | { status: 'done'; entries: number; badLines: number; missingPrefixFiles: number }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiError };

export interface ImportProgressView {
  /** 0–100, whole; null until the first event says how far it is. */
  percent: number | null;
  lines: number;
  linesPerSecond?: number;
  etaSeconds?: number;
}

export function importProgressView(event: BreachImportProgressEvent | null): ImportProgressView {
  if (event === null) return { percent: null, lines: 0 };
  const percent = event.total > 0 ? Math.min(100, Math.floor((event.done / event.total) * 100)) : null;
  return {
    percent,
    lines: event.lines,
    ...(event.linesPerSecond !== undefined ? { linesPerSecond: event.linesPerSecond } : {}),
    ...(event.etaSeconds !== undefined && event.etaSeconds > 0 ? { etaSeconds: event.etaSeconds } : {}),
  };
}

/** A running import's state after one event: events of another import, or after it ended, change nothing. */
export function applyImportProgress(state: BreachImportState, event: BreachImportProgressEvent): BreachImportState {
  if (state.status !== 'running' || state.importId !== event.importId) return state;
  // Events may cross on the way: never let the bar go backwards.
  if (state.progress !== null && event.done < state.progress.done) return state;
  return { ...state, progress: event };
}

/** The card's state once the import has ended; null while it still runs. */
export function stateOfOutcome(outcome: BreachImportOutcome): BreachImportState | null {
  switch (outcome.status) {
    case 'running':
      return null;
    case 'done':
      return { status: 'done', entries: outcome.entries, badLines: outcome.badLines, missingPrefixFiles: outcome.missingPrefixFiles };
    case 'cancelled':
      return { status: 'cancelled' };
    case 'failed':
      return { status: 'failed', error: outcome.error };
  }
}

/** What to check in the path field before asking the host; null when it is worth a try. */
export function importPathProblem(path: string): 'empty' | null {
  return path.trim() === '' ? 'empty' : null;
}
