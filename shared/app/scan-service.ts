// Runs scans for the UI on the app's job runner (job-runner.ts): one at a time (the audit already uses every core),
// cancellable, progress fanned out to every listener; the report saved to the history when it ends.
import { ScanStartSchema, type Connection, type RunningScan as RunningScanInfo, type ScanOutcome, type ScanProgressEvent, type ScanStart } from '../contract/api.ts';
import type { ScanReport } from '../contract/report.ts';
import { CancelledError, VigieError } from '../engine/errors.ts';
import { runScan, type ScanOptions, type ScanRequest } from '../engine/scan.ts';
import type { HistoryStore } from './history-store.ts';
import { apiJobEnd, JobRunner } from './job-runner.ts';
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

/** What `runningScan()` tells a page that opens while the scan runs (issue #13 §3), but its id and progress. */
type ScanInfo = Omit<RunningScanInfo, 'scanId' | 'progress'>;

export class ScanService {
  /** The report's id in the history once saved. The last event of each phase is kept for re-attaching. */
  private readonly jobs = new JobRunner<ScanInfo, ScanProgressEvent, string>({
    noun: 'scan',
    busy: { message: 'a scan is already running', code: 'SCAN_RUNNING' },
    cancelGraceMs: CANCEL_GRACE_MS,
    progressKey: (event) => event.phase,
  });
  private readonly run: ScanRunner;

  constructor(private readonly options: ScanServiceOptions) {
    this.run = options.run ?? runScan;
  }

  async start(input: ScanStart): Promise<{ scanId: string }> {
    this.jobs.assertIdle();
    const start = ScanStartSchema.parse(input);
    const { request, label, profileId, connection } = await this.requestFor(start);
    const info: ScanInfo = {
      startedAt: new Date().toISOString(),
      label,
      source: connection.kind === 'ldif' ? connection.file : connection.url,
      sourceKind: connection.kind,
      depth: request.depth,
    };
    const scanId = this.jobs.start(info, async ({ signal, progress }, id) => {
      const meter = new ScanProgressMeter(id);
      const report = await this.run(request, {
        signal,
        onProgress: (p) => {
          const event = meter.next(p);
          if (event) progress(event);
        },
      });
      // A cancelled scan keeps no report, even one that finished as the cancel came.
      if (signal.aborted) throw new CancelledError();
      const entry = await this.options.history.save(report, { label, ...(profileId !== undefined ? { profileId } : {}) });
      return entry.reportId;
    });
    return { scanId };
  }

  /** Stops the scan's reading and its worker threads; resolves once it has stopped, within about a second. */
  cancel(scanId: string): Promise<void> {
    return this.jobs.cancel(scanId);
  }

  async outcome(scanId: string): Promise<ScanOutcome> {
    return { scanId, ...apiJobEnd(await this.jobs.outcome(scanId), (reportId) => ({ reportId })) };
  }

  /** The scan running now with its progress so far, or null: a page opened (or reloaded) meanwhile follows it. */
  runningScan(): RunningScanInfo | null {
    const job = this.jobs.current();
    return job === null ? null : { scanId: job.id, ...job.info, progress: job.progress };
  }

  onProgress(listener: (event: ScanProgressEvent) => void): () => void {
    return this.jobs.onProgress(listener);
  }

  /** Cancels every running scan (host shutdown). */
  close(): Promise<void> {
    return this.jobs.close();
  }

  private async requestFor(start: ReturnType<typeof ScanStartSchema.parse>): Promise<{ request: ScanRequest; label: string; profileId?: string; connection: Connection }> {
    const profile = start.profileId !== undefined ? await this.options.profiles.get(start.profileId) : undefined;
    const connection = start.connection ?? profile?.connection;
    if (!connection) throw new VigieError('choose a saved school or give a connection', undefined, { code: 'NO_SOURCE' });
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
