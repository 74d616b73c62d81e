// A report the user names on the command line (--compare, --report), read so that Ctrl-C gets through (a FIFO
// nobody writes to, say: user-file.ts), then checked as shared/engine/report/read-report.ts checks a file.
import type { ScanReport } from '../contract/report.ts';
import { CancelledError, VigieError } from '../engine/errors.ts';
import { readUserText } from './user-file.ts';

const HINT = 'give the JSON report written by `vigie scan --json`';

export async function readReportFile(file: string, signal: AbortSignal): Promise<ScanReport> {
  let text: string;
  try {
    text = await readUserText(file, signal);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VigieError(`no report at ${file}`, HINT);
    throw new VigieError(`cannot read the report ${file} (${code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new VigieError(`${file} is not JSON`, HINT);
  }
  // The same checks as readReport (engine/report/read-report.ts), which takes a path only.
  const r = data as Partial<ScanReport> | null;
  if (typeof r !== 'object' || r === null || r.tool?.name !== 'vigie') throw new VigieError(`${file} is not a Vigie report`, HINT);
  if (r.schemaVersion !== 1) throw new VigieError(`${file} has report schema version ${String(r.schemaVersion)}; this Vigie reads version 1`);
  if (!Array.isArray(r.accounts) || typeof r.source !== 'object' || r.source === null || typeof r.startedAt !== 'string'
    || !Array.isArray(r.directoryFindings)) {
    throw new VigieError(`${file} is an incomplete Vigie report`, HINT);
  }
  return r as ScanReport;
}
