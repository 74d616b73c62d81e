// Imports a Have I Been Pwned download into the app's breach index for the UI: one import at a time, progress
// with lines/s and time left fanned out to every listener, and an outcome to wait for. Vigie downloads nothing:
// the user fetched the file or folder with HIBP's own tool; this only reads it from disk.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { BreachImportOutcome, BreachImportProgressEvent, BreachImportRequest, BreachIndexStatus } from '../contract/api.ts';
import { breachIndexStatus } from '../engine/breached/breach-index.ts';
import { importBreachCorpus, type ImportOptions, type ImportProgress, type ImportResult } from '../engine/breached/import-corpus.ts';
import { VigieError } from '../engine/errors.ts';

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

export class BreachImportAlreadyRunningError extends VigieError {
  override readonly name = 'BreachImportAlreadyRunningError';
  constructor() {
    super('an import of breached passwords is already running', 'wait for it to finish, or cancel it');
  }
}

export class BreachImportNotFoundError extends VigieError {
  override readonly name = 'BreachImportNotFoundError';
  constructor(importId: string) {
    super(`no import with id ${importId} in this session`);
  }
}

interface RunningImport {
  controller: AbortController;
  settled: Promise<void>;
}

export class BreachImportService {
  private readonly running = new Map<string, RunningImport>();
  private readonly outcomes = new Map<string, BreachImportOutcome>();
  private readonly waiters = new Map<string, ((o: BreachImportOutcome) => void)[]>();
  private readonly listeners = new Set<(event: BreachImportProgressEvent) => void>();
  private readonly importer: BreachImporter;

  constructor(private readonly options: BreachImportServiceOptions) {
    this.importer = options.importer ?? importBreachCorpus;
  }

  async status(): Promise<BreachIndexStatus> {
    return breachIndexStatus(this.options.indexDir);
  }

  async start(request: BreachImportRequest): Promise<{ importId: string }> {
    if (this.running.size > 0) throw new BreachImportAlreadyRunningError();
    const source = downloadPath(request.path);
    const importId = randomUUID();
    const controller = new AbortController();
    const meter = new ImportMeter(importId, this.options.progressEveryMs ?? 250, this.options.now ?? Date.now);
    this.outcomes.set(importId, { importId, status: 'running' });
    const settled = this.importer(source, {
      indexDir: this.options.indexDir,
      signal: controller.signal,
      onProgress: (p) => {
        const event = meter.next(p);
        if (event) this.emit(event);
      },
    }).then(
      async (result) => {
        this.finish({
          importId,
          status: 'done',
          hashKind: result.kind,
          entries: result.entries,
          lines: result.lines,
          badLines: result.badLines,
          missingPrefixFiles: result.missingPrefixFiles,
          index: await this.status(),
        });
      },
    ).catch((e: unknown) => {
      if (controller.signal.aborted) return this.finish({ importId, status: 'cancelled' });
      this.finish({ importId, status: 'failed', message: failureLine(e) });
    });
    this.running.set(importId, { controller, settled });
    return { importId };
  }

  /** Stops the import at its next chunk; its checkpoint lets the same download continue later. */
  async cancel(importId: string): Promise<void> {
    const job = this.running.get(importId);
    if (!job) {
      if (this.outcomes.has(importId)) return;
      throw new BreachImportNotFoundError(importId);
    }
    job.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_GRACE_MS)))]);
    clearTimeout(timer);
    this.finish({ importId, status: 'cancelled' });
  }

  outcome(importId: string): Promise<BreachImportOutcome> {
    const known = this.outcomes.get(importId);
    if (!known) return Promise.reject(new BreachImportNotFoundError(importId));
    if (known.status !== 'running') return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.set(importId, [...(this.waiters.get(importId) ?? []), resolve]));
  }

  onProgress(listener: (event: BreachImportProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels a running import (host shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  private emit(event: BreachImportProgressEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A closed window or a dropped stream must not stop the import.
      }
    }
  }

  private finish(outcome: Exclude<BreachImportOutcome, { status: 'running' }>): void {
    if (!this.running.delete(outcome.importId)) return;
    this.outcomes.set(outcome.importId, outcome);
    for (const resolve of this.waiters.get(outcome.importId) ?? []) resolve(outcome);
    this.waiters.delete(outcome.importId);
  }
}

/** The download's absolute path. The host may run elsewhere than the page's folder: a relative path is refused. */
function downloadPath(given: string): string {
  const trimmed = given.trim();
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? path.join(homedir(), trimmed.slice(1)) : trimmed;
  if (!path.isAbsolute(expanded)) throw new VigieError(`${trimmed}: not a full path`, WHERE);
  try {
    statSync(expanded);
  } catch {
    throw new VigieError(`${trimmed}: no such file or folder`, WHERE);
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

function failureLine(e: unknown): string {
  if (e instanceof VigieError) return e.oneLine();
  const message = e instanceof Error ? e.message : String(e);
  return `unexpected error: ${message.split('\n')[0]}`;
}
