// A report the user names on the command line (--compare, --report), read so that Ctrl-C gets through (a FIFO
// nobody writes to, say: user-file.ts), then checked with the report schema as shared/engine/report/read-report.ts checks a file.
import type { ScanReport } from '../contract/report.ts';
import { CancelledError, VigieError } from '../engine/errors.ts';
import { REPORT_HINT as HINT, reportOfText } from '../engine/report/read-report.ts';
import { readUserText } from './user-file.ts';

export async function readReportFile(file: string, signal: AbortSignal): Promise<ScanReport> {
  let text: string;
  try {
    text = await readUserText(file, signal);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const params = { file };
    if (code === 'ENOENT') throw new VigieError(`no report at ${file}`, HINT, { cause: e, code: 'REPORT_NOT_FOUND', params });
    throw new VigieError(`cannot read the report ${file} (${code ?? 'error'})`, undefined, { cause: e, code: 'FILE_UNREADABLE', params });
  }
  return reportOfText(text, file, file);
}
