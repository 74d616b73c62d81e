// One scan's life in the UI: start, live progress, cancel, and its outcome. Kept above the pages so leaving the
// Scan page does not lose a running scan.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanProgressEvent, ScanStart, VigieApi } from '../../../shared/contract/index.ts';
import { plainMessage } from '../api/host-error.ts';
import { applyProgress, emptyProgress, type ScanProgressView } from '../model/scan-progress.ts';

export type ScanState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running'; scanId: string; progress: ScanProgressView; cancelling: boolean }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export interface ScanControl {
  state: ScanState;
  start(request: ScanStart): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export function useScan(api: VigieApi, onDone: (reportId: string) => void): ScanControl {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const scanId = useRef<string | null>(null);
  // Events can arrive before startScan answers with the id: keep them until it does.
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

  const start = useCallback(async (request: ScanStart) => {
    setState({ status: 'starting' });
    early.current = [];
    scanId.current = null;
    let id: string;
    try {
      id = (await api.startScan(request)).scanId;
    } catch (error) {
      setState({ status: 'failed', message: plainMessage(error) });
      return;
    }
    scanId.current = id;
    const progress = early.current.filter((e) => e.scanId === id).reduce(applyProgress, emptyProgress());
    early.current = [];
    setState({ status: 'running', scanId: id, progress, cancelling: false });
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
        setState({ status: 'failed', message: outcome.message });
      }
    } catch (error) {
      setState({ status: 'failed', message: plainMessage(error) });
    } finally {
      scanId.current = null;
    }
  }, [api]);

  const cancel = useCallback(async () => {
    const id = scanId.current;
    if (id === null) return;
    setState((s) => (s.status === 'running' ? { ...s, cancelling: true } : s));
    try {
      await api.cancelScan(id);
    } catch (error) {
      setState({ status: 'failed', message: plainMessage(error) });
    }
  }, [api]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
