// Turns the engine's progress callbacks into the UI's events: at most a few per second, each with an ETA
// for the phase when its size is known. Phase changes and the last step always go through.
import type { ScanPhase, ScanProgressEvent } from '../contract/api.ts';
import type { ScanProgress } from '../engine/scan.ts';

const MIN_INTERVAL_MS = 200;
// Below this, a rate is noise: no ETA rather than a wild one.
const MIN_ELAPSED_FOR_ETA_MS = 1_000;

export class ScanProgressMeter {
  private phase: ScanPhase | null = null;
  private phaseStartedAt = 0;
  private lastSentAt = -Infinity;

  constructor(private readonly scanId: string, private readonly now: () => number = () => performance.now()) {}

  /** The event to send for this step, or null when it is too soon after the last one. */
  next(p: ScanProgress): ScanProgressEvent | null {
    const now = this.now();
    const phaseChanged = p.phase !== this.phase;
    if (phaseChanged) {
      this.phase = p.phase;
      this.phaseStartedAt = now;
    }
    const last = p.total !== undefined && p.done >= p.total;
    if (!phaseChanged && !last && now - this.lastSentAt < MIN_INTERVAL_MS) return null;
    this.lastSentAt = now;
    const event: ScanProgressEvent = { scanId: this.scanId, phase: p.phase, done: p.done };
    if (p.total !== undefined) {
      event.total = p.total;
      const elapsed = now - this.phaseStartedAt;
      if (p.done > 0 && elapsed >= MIN_ELAPSED_FOR_ETA_MS) {
        event.etaSeconds = Math.max(0, Math.round(((p.total - p.done) * elapsed) / p.done / 1000));
      }
    }
    return event;
  }
}
