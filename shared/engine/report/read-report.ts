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
    if (code === 'ENOENT') throw new VigieError(`no report at ${file}`, REPORT_HINT);
    throw new VigieError(`cannot read the report ${file} (${code ?? 'error'})`);
  }
  return reportOfText(text, file);
}

/** A report's text, parsed and checked; `name` (the file, or "report <id>") starts the error line. */
export function reportOfText(text: string, name: string): ScanReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new VigieError(`${name} is not JSON`, REPORT_HINT);
  }
  return reportOf(data, name);
}

/** A report already parsed (the app's history holds it), checked as a file is; `name` says which. */
export function reportOf(json: unknown, name: string): ScanReport {
  const parsed = parseScanReport(json);
  if (parsed.problem !== undefined) throw new VigieError(`${name} ${parsed.problem}`, REPORT_HINT);
  return parsed.report;
}
