// The breached-password index: what it holds, and the import of a Have I Been Pwned download the user already
// has on disk, with a progress bar, the rate, the time left and Cancel. Vigie itself downloads nothing.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BreachIndexStatus, VigieApi } from '../../../shared/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { apiErrorOf } from '../api/host-error.ts';
import { ErrorWithAdvice } from './ErrorWithAdvice.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/messages-fr.ts';
import { applyImportProgress, importPathProblem, importProgressView, stateOfOutcome, type BreachImportState } from '../model/breach-import.ts';
import { roundDuration } from '../model/scan-progress.ts';

export const BREACH_CARD_ID = 'breach-index';

// The import outlives the card (the user may open another page meanwhile): a card shown again follows it.
let runningImportId: string | null = null;

export function BreachIndexCard() {
  const api = useApi();
  const { t } = useI18n();
  const ids = useId();
  const [status, setStatus] = useState<BreachIndexStatus | null>(null);
  const [path, setPath] = useState('');
  const [pathProblem, setPathProblem] = useState(false);
  const [state, setState] = useState<BreachImportState>({ status: 'idle' });
  const live = useRef(true);

  const refreshStatus = useCallback(async () => {
    try {
      const next = await api.breachIndexStatus();
      if (live.current) setStatus(next);
    } catch {
      if (live.current) setStatus(null);
    }
  }, [api]);

  const follow = useCallback(async (importId: string) => {
    const ended = await waitForEnd(api, importId);
    if (runningImportId === importId) runningImportId = null;
    if (!live.current) return;
    setState(ended);
    await refreshStatus();
  }, [api, refreshStatus]);

  useEffect(() => {
    live.current = true;
    void refreshStatus();
    const unsubscribe = api.onBreachImportProgress((event) => setState((s) => applyImportProgress(s, event)));
    if (runningImportId !== null) {
      setState({ status: 'running', importId: runningImportId, progress: null, cancelling: false });
      void follow(runningImportId);
    }
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [api, follow, refreshStatus]);

  const running = state.status === 'running' || state.status === 'starting';

  const start = async () => {
    if (importPathProblem(path) !== null) {
      setPathProblem(true);
      return;
    }
    setPathProblem(false);
    setState({ status: 'starting' });
    let importId: string;
    try {
      importId = (await api.startBreachImport({ path: path.trim() })).importId;
    } catch (error) {
      setState({ status: 'failed', error: apiErrorOf(error) });
      return;
    }
    runningImportId = importId;
    // Progress may already have gone by: the bar picks up at the next event.
    setState({ status: 'running', importId, progress: null, cancelling: false });
    await follow(importId);
  };

  const cancel = async () => {
    if (state.status !== 'running') return;
    setState({ ...state, cancelling: true });
    try {
      await api.cancelBreachImport(state.importId);
    } catch (error) {
      setState({ status: 'failed', error: apiErrorOf(error) });
    }
  };

  return (
    <section id={BREACH_CARD_ID} className="card breach-card" aria-labelledby={`${ids}-title`} tabIndex={-1} style={{ marginTop: '12px' }}>
      <h2 id={`${ids}-title`}>{t.breach.title}</h2>
      <p>{t.breach.intro}</p>
      <p className="hint">{t.breach.howTo}</p>
      <p role="status" data-testid="breach-index-status">{statusLine(status, t)}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${ids}-path`}>{t.breach.pathLabel}</label>
          <input
            id={`${ids}-path`} type="text" value={path} spellCheck={false} autoComplete="off" disabled={running}
            aria-describedby={`${ids}-path-hint`} aria-invalid={pathProblem || undefined}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !running) void start();
            }}
          />
          <p id={`${ids}-path-hint`} className="hint">{pathProblem ? t.breach.emptyPath : t.breach.pathHint}</p>
        </div>
        <button type="button" className="button-primary" disabled={running} onClick={() => void start()}>
          {state.status === 'starting' ? t.breach.starting : t.breach.import}
        </button>
      </div>
      {state.status === 'running' && <ImportProgress state={state} onCancel={() => void cancel()} />}
      {state.status === 'done' && (
        <div className="alert alert-ok" role="status">
          <p>{t.breach.done(state.entries)}</p>
          {state.badLines > 0 && <p>{t.breach.badLines(state.badLines)}</p>}
          {state.missingPrefixFiles > 0 && <p>{t.breach.missingFiles(state.missingPrefixFiles)}</p>}
        </div>
      )}
      {state.status === 'cancelled' && <p className="alert alert-warn" role="status">{t.breach.cancelled}</p>}
      {state.status === 'failed' && (
        <ErrorWithAdvice title={t.breach.failed} error={state.error} advice={t.breach.advice} />
      )}
    </section>
  );
}

function ImportProgress({ state, onCancel }: { state: Extract<BreachImportState, { status: 'running' }>; onCancel(): void }) {
  const { t } = useI18n();
  const view = importProgressView(state.progress);
  const eta = view.etaSeconds === undefined ? null : roundDuration(view.etaSeconds);
  const etaText = eta === null ? null
    : eta.unit === 'seconds' ? t.progress.seconds(eta.n) : eta.unit === 'minutes' ? t.progress.minutes(eta.n) : t.progress.hours(eta.h, eta.m);
  return (
    <div className="breach-progress">
      <progress
        className="phase-bar" max={100} aria-label={t.breach.progressLabel}
        {...(view.percent !== null ? { value: view.percent, 'aria-valuenow': view.percent, 'aria-valuemin': 0, 'aria-valuemax': 100 } : {})}
      />
      <p aria-live="polite">
        {view.percent !== null ? t.breach.progressLine(view.percent, view.lines, view.linesPerSecond ?? null) : '\u00a0'}
        {etaText !== null && <><br />{t.breach.eta(etaText)}</>}
      </p>
      <button type="button" className="button-danger" disabled={state.cancelling} onClick={onCancel}>
        {state.cancelling ? t.breach.cancelling : t.breach.cancel}
      </button>
    </div>
  );
}

function statusLine(status: BreachIndexStatus | null, t: Messages): string {
  if (status === null) return t.breach.unknown;
  if (!status.present) return t.breach.none;
  const what = [
    ...(status.sha1Entries !== undefined ? [t.breach.sha1(status.sha1Entries)] : []),
    ...(status.ntlmEntries !== undefined ? [t.breach.ntlm(status.ntlmEntries)] : []),
  ];
  return t.breach.present(t.list(what), status.importedAt !== undefined ? t.time.dateTime(status.importedAt) : '—');
}

/** A host may answer "running" when it stops waiting (a long poll's limit): ask again. */
async function waitForEnd(api: VigieApi, importId: string): Promise<BreachImportState> {
  try {
    for (;;) {
      const ended = stateOfOutcome(await api.breachImportOutcome(importId));
      if (ended !== null) return ended;
    }
  } catch (error) {
    return { status: 'failed', error: apiErrorOf(error) };
  }
}
