// Runs scans for the UI: one at a time (the audit already uses every core), each with its own AbortController,
// progress fanned out to every listener, the report saved to the history when it ends.
import { randomUUID } from 'node:crypto';
import { ScanStartSchema, type Connection, type RunningScan as RunningScanInfo, type ScanOutcome, type ScanProgressEvent, type ScanStart } from '../contract/api.ts';
import type { ScanReport } from '../contract/report.ts';
import { CancelledError, VigieError } from '../engine/errors.ts';
import { runScan, type ScanOptions, type ScanRequest } from '../engine/scan.ts';
import type { HistoryStore } from './history-store.ts';
import type { ProfileStore } from './profile-store.ts';
import { ScanProgressMeter } from './scan-progress.ts';
import { buildScanRequest, sourceOfConnection } from './scan-request.ts';

/** The engine's entry point; a host may pass its own (e.g. with a bundled worker already set). */
export type ScanRunner = (request: ScanRequest, options: ScanOptions) => Promise<ScanReport>;

export interface ScanServiceOptions {
  profiles: ProfileStore;
  history: HistoryStore;
  /** The audit worker's code: packaged builds pass their bundle. */
  workerUrl?: URL;
  /** Vigie's app-data folder: the breached-password index is its `breached/` folder, as for `vigie scan`. */
  dataDir: string;
  run?: ScanRunner;
}

// Cancel promises an answer within a second even if the source is slow to notice.
const CANCEL_GRACE_MS = 900;

interface RunningScan {
  controller: AbortController;
  settled: Promise<void>;
  /** What `running()` tells a page that opens while the scan runs (issue #13 §3). */
  info: Omit<RunningScanInfo, 'progress'>;
  /** The last event of each phase, in the order the phases came. */
  lastByPhase: Map<ScanProgressEvent['phase'], ScanProgressEvent>;
}

export class ScanAlreadyRunningError extends VigieError {
  override readonly name = 'ScanAlreadyRunningError';
  constructor() {
    super('a scan is already running', 'wait for it to finish, or cancel it');
  }
}

export class ScanNotFoundError extends VigieError {
  override readonly name = 'ScanNotFoundError';
  constructor(scanId: string) {
    super(`no scan with id ${scanId} in this session`);
  }
}

export class ScanService {
  private readonly running = new Map<string, RunningScan>();
  private readonly outcomes = new Map<string, ScanOutcome>();
  private readonly waiters = new Map<string, ((o: ScanOutcome) => void)[]>();
  private readonly listeners = new Set<(event: ScanProgressEvent) => void>();
  private readonly run: ScanRunner;

  constructor(private readonly options: ScanServiceOptions) {
    this.run = options.run ?? runScan;
  }

  async start(input: ScanStart): Promise<{ scanId: string }> {
    if (this.running.size > 0) throw new ScanAlreadyRunningError();
    const start = ScanStartSchema.parse(input);
    const { request, label, profileId, connection } = await this.requestFor(start);
    if (this.running.size > 0) throw new ScanAlreadyRunningError();

    const scanId = randomUUID();
    const controller = new AbortController();
    const meter = new ScanProgressMeter(scanId);
    const lastByPhase = new Map<ScanProgressEvent['phase'], ScanProgressEvent>();
    this.outcomes.set(scanId, { scanId, status: 'running' });
    const settled = this.run(request, {
      signal: controller.signal,
      onProgress: (p) => {
        const event = meter.next(p);
        if (event) {
          lastByPhase.set(event.phase, event);
          this.emit(event);
        }
      },
    }).then(
      async (report) => {
        if (controller.signal.aborted) return this.finish({ scanId, status: 'cancelled' });
        const entry = await this.options.history.save(report, { label, ...(profileId !== undefined ? { profileId } : {}) });
        this.finish({ scanId, status: 'done', reportId: entry.reportId });
      },
    ).catch((e: unknown) => {
      if (controller.signal.aborted || e instanceof CancelledError) return this.finish({ scanId, status: 'cancelled' });
      this.finish({ scanId, status: 'failed', message: failureLine(e) });
    });
    const info: RunningScan['info'] = {
      scanId,
      startedAt: new Date().toISOString(),
      label,
      source: connection.kind === 'ldif' ? connection.file : connection.url,
      sourceKind: connection.kind,
      depth: request.depth,
    };
    this.running.set(scanId, { controller, settled, info, lastByPhase });
    return { scanId };
  }

  /** Stops the scan's reading and its worker threads; resolves once it has stopped, within about a second. */
  async cancel(scanId: string): Promise<void> {
    const scan = this.running.get(scanId);
    if (!scan) {
      if (this.outcomes.has(scanId)) return;
      throw new ScanNotFoundError(scanId);
    }
    scan.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([scan.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_GRACE_MS)))]);
    clearTimeout(timer);
    // Late finishers are ignored: the outcome is already 'cancelled'.
    this.finish({ scanId, status: 'cancelled' });
  }

  outcome(scanId: string): Promise<ScanOutcome> {
    const known = this.outcomes.get(scanId);
    if (!known) return Promise.reject(new ScanNotFoundError(scanId));
    if (known.status !== 'running') return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.set(scanId, [...(this.waiters.get(scanId) ?? []), resolve]));
  }

  /** The scan running now with its progress so far, or null: a page opened (or reloaded) meanwhile follows it. */
  runningScan(): RunningScanInfo | null {
    const [scan] = this.running.values();
    if (scan === undefined) return null;
    return { ...scan.info, progress: [...scan.lastByPhase.values()] };
  }

  onProgress(listener: (event: ScanProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every running scan (host shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  private emit(event: ScanProgressEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed window, a dropped stream) must not stop the scan.
      }
    }
  }

  private finish(outcome: Exclude<ScanOutcome, { status: 'running' }>): void {
    if (!this.running.delete(outcome.scanId)) return;
    this.outcomes.set(outcome.scanId, outcome);
    for (const resolve of this.waiters.get(outcome.scanId) ?? []) resolve(outcome);
    this.waiters.delete(outcome.scanId);
  }

  private async requestFor(start: ReturnType<typeof ScanStartSchema.parse>): Promise<{ request: ScanRequest; label: string; profileId?: string; connection: Connection }> {
    const profile = start.profileId !== undefined ? await this.options.profiles.get(start.profileId) : undefined;
    const connection = start.connection ?? profile?.connection;
    if (!connection) throw new VigieError('choose a saved school or give a connection');
    // A saved password only goes with the connection it was saved for.
    const saved = profile && (start.connection === undefined || sameConnection(start.connection, profile.connection))
      ? this.options.profiles.password(profile.id)
      : null;
    const password = start.password !== undefined && start.password !== '' ? start.password : saved ?? undefined;
    // The same builder as `vigie scan`: same posture checks, same defaults.
    const request = buildScanRequest({
      source: sourceOfConnection(connection, password),
      depth: start.depth,
      flavour: start.flavour ?? profile?.flavour,
      school: start.school ?? profile?.school,
      dataDir: this.options.dataDir,
      workerUrl: this.options.workerUrl,
    });
    const typed = start.label?.trim();
    const label = profile?.name ?? (typed ? typed : connection.kind === 'ldif' ? connection.file : connection.url);
    return { request, label, connection, ...(profile ? { profileId: profile.id } : {}) };
  }
}

function sameConnection(a: Connection, b: Connection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function failureLine(e: unknown): string {
  if (e instanceof VigieError) return e.oneLine();
  const message = e instanceof Error ? e.message : String(e);
  return `unexpected error: ${message.split('\n')[0]}`;
}
