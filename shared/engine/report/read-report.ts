// Reads a Vigie report for the export, the import, the plan and the history: checked whole with the contract's one
// schema (shared/contract/report-schema.ts); anything else is a one-line error that names the wrong field.
import { readFile } from 'node:fs/promises';
import type { ScanReport } from '../../contract/report.ts';
import { parseScanReport } from '../../contract/report-schema.ts';
import { VigieError } from '../errors.ts';

export const REPORT_HINT = 'give the JSON report written by `vigie scan --json`';

export async function readReport(file: string): Promise<ScanReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const params = { file };
    if (code === 'ENOENT') throw new VigieError(`no report at ${file}`, REPORT_HINT, { cause: e, code: 'REPORT_NOT_FOUND', params });
    throw new VigieError(`cannot read the report ${file} (${code ?? 'error'})`, undefined, { cause: e, code: 'FILE_UNREADABLE', params });
  }
  return reportOfText(text, file, file);
}

/**
 * A report's text, parsed and checked; `name` (the file, or "report <id>") starts the error line, `file` (where it
 * is stored, when known) is the name the UI's sentence may carry.
 */
export function reportOfText(text: string, name: string, file?: string): ScanReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw damaged(`${name} is not JSON`, file);
  }
  return reportOf(data, name, file);
}

/** A report already parsed (the app's history holds it), checked as a file is; `name` and `file` as above. */
export function reportOf(json: unknown, name: string, file?: string): ScanReport {
  const parsed = parseScanReport(json);
  if (parsed.problem !== undefined) throw damaged(`${name} ${parsed.problem}`, file);
  return parsed.report;
}

/** A report that is not one (not JSON, a field wrong): REPORT_DAMAGED, the line naming the field. */
function damaged(line: string, file: string | undefined): VigieError {
  return new VigieError(line, REPORT_HINT, { code: 'REPORT_DAMAGED', params: file === undefined ? {} : { file } });
}
