// The scan report a plan starts from, read and checked with the contract's one report schema
// (shared/contract/report-schema.ts): a bad file is one line naming the wrong field, never a stack trace.
import { readFile } from 'node:fs/promises';
import type { AccountReport, ScanReport } from '../../contract/report.ts';
import { VigieError } from '../errors.ts';
import { reportOf, reportOfText } from '../report/read-report.ts';

export type PlanReport = ScanReport;
export type PlanAccount = AccountReport;

export async function readPlanReport(file: string): Promise<PlanReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new VigieError(`cannot read the report ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return reportOfText(text, file);
}

/** A report already read (the app's history holds it), checked as `vigie plan` checks its file; `name` says which. */
export function planReportOf(json: unknown, name: string): PlanReport {
  return reportOf(json, name);
}
