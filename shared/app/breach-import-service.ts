// Imports a Have I Been Pwned download into the app's breach index for the UI, on the app's job runner
// (job-runner.ts): one import at a time, progress with lines/s and time left fanned out to every listener, and an
// outcome to wait for. Vigie downloads nothing: the user fetched the file or folder with HIBP's own tool; this only
// reads it from disk.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { BreachImportOutcome, BreachImportProgressEvent, BreachImportRequest, BreachIndexStatus } from '../contract/api.ts';
import { breachIndexStatus } from '../engine/breached/breach-index.ts';
import { importBreachCorpus, type ImportOptions, type ImportProgress, type ImportResult } from '../engine/breached/import-corpus.ts';
import { VigieError } from '../engine/errors.ts';
import { apiJobEnd, JobRunner } from './job-runner.ts';

export type BreachImporter = (given: string, options: ImportOptions) => Promise<ImportResult>;

export interface BreachImportServiceOptions {
  /** `<dataDir>/breached`, the folder scans read. */
  indexDir: string;
  /** The engine's importer, unless a test needs another. */
  importer?: BreachImporter;
  /** Milliseconds between two progress events (the last one always goes). Default 250. */
  progressEveryMs?: number;
  now?: () => number;
}

const CANCEL_GRACE_MS = 2000;
const WHERE = 'give the full path of the file or folder PwnedPasswordsDownloader wrote';

/** What an import brings back once done: the outcome's fields. */
type ImportDone = Omit<Extract<BreachImportOutcome, { status: 'done' }>, 'importId' | 'status'>;

export class BreachImportService {
  private readonly jobs = new JobRunner<null, BreachImportProgressEvent, ImportDone>({
    noun: 'import',
    busy: { message: 'an import of breached passwords is already running', code: 'IMPORT_RUNNING' },
    cancelGraceMs: CANCEL_GRACE_MS,
  });
  private readonly importer: BreachImporter;

  constructor(private readonly options: BreachImportServiceOptions) {
    this.importer = options.importer ?? importBreachCorpus;
  }

  async status(): Promise<BreachIndexStatus> {
    return breachIndexStatus(this.options.indexDir);
  }

  async start(request: BreachImportRequest): Promise<{ importId: string }> {
    this.jobs.assertIdle();
    const source = downloadPath(request.path);
    const importId = this.jobs.start(null, async ({ signal, progress }, id) => {
      const meter = new ImportMeter(id, this.options.progressEveryMs ?? 250, this.options.now ?? Date.now);
      const result = await this.importer(source, {
        indexDir: this.options.indexDir,
        signal,
        onProgress: (p) => {
          const event = meter.next(p);
          if (event) progress(event);
        },
      });
      return {
        hashKind: result.kind,
        entries: result.entries,
        lines: result.lines,
        badLines: result.badLines,
        missingPrefixFiles: result.missingPrefixFiles,
        index: await this.status(),
      };
    });
    return { importId };
  }

  /** Stops the import at its next chunk; its checkpoint lets the same download continue later. */
  cancel(importId: string): Promise<void> {
    return this.jobs.cancel(importId);
  }

  async outcome(importId: string): Promise<BreachImportOutcome> {
    return { importId, ...apiJobEnd(await this.jobs.outcome(importId), (done) => done) };
  }

  onProgress(listener: (event: BreachImportProgressEvent) => void): () => void {
    return this.jobs.onProgress(listener);
  }

  /** Cancels a running import (host shutdown). */
  close(): Promise<void> {
    return this.jobs.close();
  }
}

/** The download's absolute path. The host may run elsewhere than the page's folder: a relative path is refused. */
function downloadPath(given: string): string {
  const trimmed = given.trim();
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? path.join(homedir(), trimmed.slice(1)) : trimmed;
  if (!path.isAbsolute(expanded)) throw new VigieError(`${trimmed}: not a full path`, WHERE, { code: 'NOT_FULL_PATH', params: { file: trimmed } });
  try {
    statSync(expanded);
  } catch {
    throw new VigieError(`${trimmed}: no such file or folder`, WHERE, { code: 'PATH_NOT_FOUND', params: { file: trimmed } });
  }
  return expanded;
}

/** Turns the engine's progress into events with a rate and a time left, a few a second at most. */
class ImportMeter {
  private readonly started: number;
  private last = -Infinity;

  constructor(private readonly importId: string, private readonly everyMs: number, private readonly now: () => number) {
    this.started = now();
  }

  next(p: ImportProgress): BreachImportProgressEvent | null {
    const t = this.now();
    const finished = p.done >= p.total;
    if (!finished && t - this.last < this.everyMs) return null;
    this.last = t;
    const elapsed = (t - this.started) / 1000;
    const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const event: BreachImportProgressEvent = { importId: this.importId, hashKind: p.kind, done: p.done, total: p.total, lines: p.lines };
    if (elapsed > 0) event.linesPerSecond = Math.round(p.lines / elapsed);
    // Too early a guess swings wildly: wait for a second and a little progress.
    if (elapsed >= 1 && ratio > 0.001) event.etaSeconds = finished ? 0 : Math.round((elapsed / ratio) * (1 - ratio));
    return event;
  }
}
