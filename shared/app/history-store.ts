// Past scans: one JSON report per scan under `<dataDir>/history/`, plus a small entry file the history list
// reads without opening every report. A report holds no password and no hash by construction (ScanReport).
// An entry says what a person needs to tell scans apart and compare them (issue #13 §2): when, which source
// (and its kind), at what depth, and whether it was graded. Entries written before a field existed get it from
// their report the first time the history is listed, and are rewritten with it.
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../contract/api.ts';
import type { ScanReport } from '../contract/report.ts';
import { VigieError } from '../engine/errors.ts';
import { reportOf } from '../engine/report/read-report.ts';
import { readJsonFile, writeJsonAtomically } from './atomic-file.ts';

const REPORT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ReportNotFoundError extends VigieError {
  override readonly name = 'ReportNotFoundError';
  constructor(reportId: string) {
    super(`no report with id ${reportId} in the history`, 'it may have been deleted: pick one from the history', { code: 'REPORT_NOT_FOUND' });
  }
}

export interface HistoryLabel {
  profileId?: string;
  /** The school's name (profile name), or the source's location when the scan had no profile. */
  label?: string;
}

export class HistoryStore {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'history');
  }

  /** Writes the report, then its entry: the list never shows a scan whose report is not complete. */
  async save(report: ScanReport, label: HistoryLabel = {}): Promise<HistoryEntry> {
    const reportId = newReportId(new Date(report.finishedAt));
    const entry = entryOf(reportId, report, label);
    await writeJsonAtomically(this.reportFile(reportId), report);
    await writeJsonAtomically(this.entryFile(reportId), entry);
    return entry;
  }

  /** Most recent first. */
  async list(): Promise<HistoryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new VigieError(`cannot read the history folder ${this.folder}`, undefined, { code: 'FILE_UNREADABLE', params: { file: this.folder } });
    }
    const entries: HistoryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.entry.json') || name.startsWith('.')) continue;
      try {
        const entry = await readJsonFile<HistoryEntry | null>(path.join(this.folder, name), null);
        if (entry && typeof entry.reportId === 'string') entries.push(await this.completed(entry));
      } catch {
        // A damaged entry hides one scan, not the whole history.
      }
    }
    return entries.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt) || b.reportId.localeCompare(a.reportId));
  }

  async get(reportId: string): Promise<ScanReport> {
    if (!REPORT_ID.test(reportId)) throw new ReportNotFoundError(reportId);
    const json = await readJsonFile<unknown>(this.reportFile(reportId), null);
    if (json === null) throw new ReportNotFoundError(reportId);
    // Checked with the report schema as a file on the command line is: a damaged report is one line, not a blank page.
    return reportOf(json, `report ${reportId}`, this.reportFile(reportId));
  }

  async entry(reportId: string): Promise<HistoryEntry> {
    if (!REPORT_ID.test(reportId)) throw new ReportNotFoundError(reportId);
    const entry = await readJsonFile<HistoryEntry | null>(this.entryFile(reportId), null);
    if (!entry) throw new ReportNotFoundError(reportId);
    return entry;
  }

  async delete(reportId: string): Promise<void> {
    if (!REPORT_ID.test(reportId)) throw new ReportNotFoundError(reportId);
    await rm(this.entryFile(reportId), { force: true });
    await rm(this.reportFile(reportId), { force: true });
  }

  /** An entry saved before `depth` and `sourceKind` existed, completed from its report and saved so (best effort). */
  private async completed(entry: HistoryEntry): Promise<HistoryEntry> {
    if (entry.depth !== undefined && entry.sourceKind !== undefined) return entry;
    if (!REPORT_ID.test(entry.reportId)) return entry;
    try {
      const json = await readJsonFile<unknown>(this.reportFile(entry.reportId), null);
      if (json === null) return entry;
      const report = reportOf(json, `report ${entry.reportId}`);
      const graded = gradedOf(report);
      const full: HistoryEntry = {
        ...entry,
        sourceKind: report.source.kind,
        depth: report.source.depth,
        ...(entry.graded === undefined && graded === false ? { graded } : {}),
      };
      await writeJsonAtomically(this.entryFile(entry.reportId), full).catch(() => undefined);
      return full;
    } catch {
      return entry;
    }
  }

  reportFile(reportId: string): string {
    return path.join(this.folder, `${reportId}.json`);
  }

  private entryFile(reportId: string): string {
    return path.join(this.folder, `${reportId}.entry.json`);
  }
}

function entryOf(reportId: string, report: ScanReport, label: HistoryLabel): HistoryEntry {
  const graded = gradedOf(report);
  return {
    reportId,
    ...(label.profileId !== undefined ? { profileId: label.profileId } : {}),
    label: label.label ?? report.source.location,
    source: report.source.location,
    sourceKind: report.source.kind,
    depth: report.source.depth,
    finishedAt: report.finishedAt,
    accounts: report.summary.accounts,
    score: report.summary.score,
    grade: report.summary.grade,
    ...(graded === false ? { graded } : {}),
    partial: report.partial,
  };
}

/** The summary's `graded` (issue #15 §2: false when no account could be checked); absent in older reports. */
function gradedOf(report: ScanReport): boolean | undefined {
  const graded = (report.summary as { graded?: unknown }).graded;
  return typeof graded === 'boolean' ? graded : undefined;
}

/** Sorts by time in a file listing, and stays unique when two scans end in the same second. */
function newReportId(finishedAt: Date): string {
  const stamp = (Number.isNaN(finishedAt.getTime()) ? new Date() : finishedAt).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
