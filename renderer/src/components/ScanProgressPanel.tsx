// The live view of a running scan: each phase with its count and bar, the time left, and Cancel.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { roundDuration, type ScanProgressView } from '../model/scan-progress.ts';
import type { ScanAbout } from '../scan/use-scan.ts';

interface Props {
  progress: ScanProgressView;
  cancelling: boolean;
  onCancel(): void;
  /** A scan this page did not start (it was reloaded meanwhile): which one it is. */
  resumed?: ScanAbout;
}

export function ScanProgressPanel({ progress, cancelling, onCancel, resumed }: Props) {
  const { t } = useI18n();
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);

  useEffect(() => {
    // Escape cancels, as the button says; only while this panel is on screen.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !cancelling) onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cancelling, onCancel]);

  const eta = progress.etaSeconds === undefined ? null : roundDuration(progress.etaSeconds);
  const etaText = eta === null ? null
    : eta.unit === 'seconds' ? t.progress.seconds(eta.n) : eta.unit === 'minutes' ? t.progress.minutes(eta.n) : t.progress.hours(eta.h, eta.m);

  return (
    <section className="progress-panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t.progress.title}</h2>
      {resumed !== undefined && (
        <p className="hint" data-testid="scan-resumed">
          {t.progress.resumed(resumed.label, t.depths.names[resumed.depth], new Date(resumed.startedAt).toLocaleTimeString(t.locale, { hour: '2-digit', minute: '2-digit' }))}
        </p>
      )}
      <ol className="phase-list" aria-label={t.progress.phasesLabel}>
        {progress.phases.map((phase) => (
          <li key={phase.phase} className={`phase phase-${phase.status}`} aria-current={progress.current === phase.phase ? 'step' : undefined}>
            <span className="phase-name">{t.phases[phase.phase]}</span>
            <span className="phase-count">
              {phase.status === 'waiting' ? t.progress.waiting : phase.status === 'done' && phase.total === undefined ? t.progress.done : t.progress.counted(phase.done, phase.total)}
            </span>
            <progress
              className="phase-bar" max={1}
              aria-label={t.phases[phase.phase]}
              {...(phase.fraction !== undefined ? { value: phase.fraction } : phase.status === 'done' ? { value: 1 } : phase.status === 'waiting' ? { value: 0 } : {})}
            />
          </li>
        ))}
      </ol>
      <p className="eta" aria-live="polite">{etaText !== null ? t.progress.eta(etaText) : '\u00a0'}</p>
      <button ref={cancelButton} type="button" className="button-danger" disabled={cancelling} onClick={onCancel} aria-keyshortcuts="Escape">
        {cancelling ? t.progress.cancelling : t.progress.cancel}
      </button>
    </section>
  );
}
