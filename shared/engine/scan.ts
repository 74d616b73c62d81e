// One scan, end to end: read the directory (LDAP or LDIF), audit every account, build the report.
// The CLI, the loopback host and the desktop app all call this.
import type { Depth, Flavour } from '../contract/codes.ts';
import type { DirectoryFinding, ReportSource, ScanReport } from '../contract/report.ts';
import { runAudit } from './audit/audit.ts';
import type { AuditPhase } from './audit/audit.ts';
import type { BirthDateOptions } from './directory/model.ts';
import { openSource, type ScanSource } from './directory/open-source.ts';
import { readDirectory } from './directory/read-directory.ts';
import { CancelledError, DirectoryError } from './errors.ts';
import { transportFindings } from './posture/transport.ts';
import { directoryPosture, type PostureOptions } from './posture/directory-posture.ts';
import { buildReport } from './report/build-report.ts';
import { schoolWords } from './candidates/school/words.ts';
import { breachIndexStatus } from './breached/breach-index.ts';

export type { ScanSource };

export interface ScanRequest {
  source: ScanSource;
  depth: Depth;
  flavour?: Flavour;
  birthDate?: BirthDateOptions;
  /** Words about the school the directory does not hold (`--school`). */
  school?: string[];
  workers?: number;
  workerUrl?: URL;
  /**
   * LDAP only: also check the directory's posture (issue #4 §1): hashes readable anonymously or by a probe
   * account, the password policy, and cn=config with a config bind. Absent: no posture checks.
   */
  posture?: PostureOptions;
  /** Folder of the local breach index (`vigie breached import`); default: `breached/` in the app-data folder. */
  breachIndexDir?: string;
}

export type ScanPhase = 'read' | AuditPhase;

export interface ScanProgress {
  phase: ScanPhase;
  done: number;
  /** Unknown while reading a directory whose size is not known in advance. */
  total?: number;
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
}

export async function runScan(request: ScanRequest, options: ScanOptions = {}): Promise<ScanReport> {
  const { signal, onProgress } = options;
  const startedAt = new Date();
  // Read before the directory: a damaged index fails the scan at once, with what to do.
  // No folder given: no index (the engine never guesses where a user's data lives; the CLI and the app say).
  const breachIndexDir = request.breachIndexDir;
  const breachIndex = breachIndexDir !== undefined ? breachIndexStatus(breachIndexDir) : { present: false as const };
  const directoryFindings: DirectoryFinding[] = [];
  // The failure that cut the read short: its line goes in the report; with nothing read, it is the scan's failure.
  let partialError: DirectoryError | undefined;
  const base: Pick<ReportSource, 'kind' | 'location'> & Partial<ReportSource> =
    request.source.kind === 'ldif'
      ? { kind: 'ldif', location: request.source.file }
      : { kind: 'ldap', location: request.source.url, baseDn: request.source.baseDn, ...(request.source.bindDn ? { bindDn: request.source.bindDn } : {}) };

  const { connection, entries, close } = await openSource(request.source, signal);
  if (connection && request.source.kind === 'ldap') {
    const s = request.source;
    base.transport = connection.transport;
    directoryFindings.push(...transportFindings(connection));
    if (request.posture) {
      try {
        const posture = await directoryPosture(
          { url: s.url, baseDn: s.baseDn, startTls: s.startTls, caFile: s.caFile },
          connection, request.posture);
        directoryFindings.push(...posture.findings);
      } catch (e) {
        await close();
        throw e;
      }
    }
  }

  try {
    // A directory that stops answering mid-scan: audit what was read, and say the report is partial.
    const guarded = (async function* () {
      try {
        yield* entries;
      } catch (e) {
        if (e instanceof DirectoryError && !(e instanceof CancelledError)) {
          partialError = e;
          return;
        }
        throw e;
      }
    })();
    const read = await readDirectory(guarded, {
      ...(request.flavour ? { flavour: request.flavour } : {}),
      ...(request.birthDate ? { birthDate: request.birthDate } : {}),
      school: request.school ?? [],
      onEntry: (count) => onProgress?.({ phase: 'read', done: count }),
      ...(signal ? { signal } : {}),
    });
    // Nothing read: the directory's own failure, with its code (a size limit, a lost connection), is the scan's.
    if (partialError !== undefined && read.entries === 0) throw partialError;
    if (signal?.aborted) throw new CancelledError();
    const audit = await runAudit(read.accounts, {
      school: read.school,
      depth: request.depth,
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(request.workers ? { workers: request.workers } : {}),
      ...(request.workerUrl ? { workerUrl: request.workerUrl } : {}),
      ...(breachIndex.present && breachIndexDir !== undefined ? { breachIndexDir } : {}),
    });
    return buildReport({
      source: {
        ...base,
        flavour: read.flavour,
        flavourDetected: read.flavourDetected,
        depth: request.depth,
        schoolWords: schoolWords(read.school).length,
        breachIndex,
      } as ReportSource,
      startedAt,
      finishedAt: new Date(),
      accounts: audit.accounts,
      directoryFindings: [...directoryFindings, ...audit.directoryFindings],
      inputProblems: read.inputProblems,
      ...(partialError !== undefined ? { partialError: partialError.toApiError() } : {}),
    });
  } catch (e) {
    if (signal?.aborted && !(e instanceof CancelledError)) throw new CancelledError();
    throw e;
  } finally {
    await close();
  }
}
