// Reads a Vigie report (schemaVersion 1) for the export and the import; anything else is a one-line error.
import { readFile } from 'node:fs/promises';
import type { ScanReport } from '../../contract/report.ts';
import { VigieError } from '../errors.ts';

const HINT = 'give the JSON report written by `vigie scan --json`';

export async function readReport(file: string): Promise<ScanReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
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
  const r = data as Partial<ScanReport> | null;
  if (typeof r !== 'object' || r === null || r.tool?.name !== 'vigie') throw new VigieError(`${file} is not a Vigie report`, HINT);
  if (r.schemaVersion !== 1) throw new VigieError(`${file} has report schema version ${String(r.schemaVersion)}; this Vigie reads version 1`);
  if (!Array.isArray(r.accounts) || typeof r.source !== 'object' || r.source === null || typeof r.startedAt !== 'string'
    || !Array.isArray(r.directoryFindings)) {
    throw new VigieError(`${file} is an incomplete Vigie report`, HINT);
  }
  return r as ScanReport;
}
