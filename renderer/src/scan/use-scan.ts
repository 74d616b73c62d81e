// One scan's life in the UI: start, live progress, cancel, and its outcome. Kept above the pages so leaving the
// Scan page does not lose a running scan. A page opened or reloaded while a scan runs re-attaches to it (issue
// #13 §3): the host names the running scan with its progress so far, and the page follows and can cancel it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Depth, RunningScan, ScanProgressEvent, ScanStart, VigieApi } from '../../../shared/contract/index.ts';
import { apiErrorOf } from '../api/host-error.ts';
import { applyProgress, replayProgress, type ScanProgressView } from '../model/scan-progress.ts';

/** What a re-attached scan is about: the page did not start it, so it says which one it follows. */
export interface ScanAbout {
  label: string;
  depth: Depth;
  startedAt: string;
}

export type ScanState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running'; scanId: string; progress: ScanProgressView; cancelling: boolean; resumed?: ScanAbout }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiError };

export interface ScanControl {
  state: ScanState;
  start(request: ScanStart): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/** `reattach`: follow a scan already running when the page loads (not in the print-only page). */
export function useScan(api: VigieApi, onDone: (reportId: string) => void, reattach = true): ScanControl {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const scanId = useRef<string | null>(null);
  // True from the moment this page starts or re-attaches a scan until it ends.
  const busy = useRef(false);
  // Events can arrive before startScan (or runningScan) answers with the id: keep them until it does.
  const early = useRef<ScanProgressEvent[]>([]);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => api.onProgress((event) => {
    if (scanId.current === null) {
      early.current.push(event);
      return;
    }
    if (event.scanId !== scanId.current) return;
    setState((s) => (s.status === 'running' && s.scanId === event.scanId ? { ...s, progress: applyProgress(s.progress, event) } : s));
  }), [api]);

  /** Follows a scan to its end: its progress (from `known` and what came meanwhile), then its outcome. */
  const follow = useCallback(async (id: string, known: ScanProgressEvent[], resumed?: ScanAbout) => {
    scanId.current = id;
    const progress = replayProgress(known, early.current.filter((e) => e.scanId === id));
    early.current = [];
    setState({ status: 'running', scanId: id, progress, cancelling: false, ...(resumed ? { resumed } : {}) });
    try {
      // A host may answer "running" when it stops waiting (a long poll's limit): ask again.
      let outcome = await api.scanOutcome(id);
      while (outcome.status === 'running') outcome = await api.scanOutcome(id);
      if (outcome.status === 'done') {
        setState({ status: 'idle' });
        onDoneRef.current(outcome.reportId);
      } else if (outcome.status === 'cancelled') {
        setState({ status: 'cancelled' });
      } else if (outcome.status === 'failed') {
        setState({ status: 'failed', error: outcome.error });
      }
    } catch (error) {
      setState({ status: 'failed', error: apiErrorOf(error) });
    } finally {
      scanId.current = null;
      busy.current = false;
    }
  }, [api]);

  // On load: a scan already running (the page was reloaded, or opened in a new window) is followed here.
  useEffect(() => {
    if (!reattach) return;
    let live = true;
    api.runningScan().then((running: RunningScan | null) => {
      if (!live || running === null || busy.current) return;
      busy.current = true;
      void follow(running.scanId, running.progress, { label: running.label, depth: running.depth, startedAt: running.startedAt });
    }, () => {
      // The host's other calls say what is wrong (token, host gone); nothing runs to re-attach.
    });
    return () => {
      live = false;
    };
  }, [api, follow, reattach]);

  const start = useCallback(async (request: ScanStart) => {
    busy.current = true;
    setState({ status: 'starting' });
    early.current = [];
    scanId.current = null;
    let id: string;
    try {
      id = (await api.startScan(request)).scanId;
    } catch (error) {
      busy.current = false;
      setState({ status: 'failed', error: apiErrorOf(error) });
      return;
    }
    await follow(id, []);
  }, [api, follow]);

  const cancel = useCallback(async () => {
    const id = scanId.current;
    if (id === null) return;
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
    try {
      await api.cancelScan(id);
    } catch (error) {
      setState({ status: 'failed', error: apiErrorOf(error) });
    }
  }, [api]);

  /** Clears an ended scan's message (cancelled, failed); a running scan is left alone. */
  const reset = useCallback(() => setState((s) => (s.status === 'failed' || s.status === 'cancelled' ? { status: 'idle' } : s)), []);
  return { state, start, cancel, reset };
}
