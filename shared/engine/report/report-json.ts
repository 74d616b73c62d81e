// The report as JSON text, a few hundred accounts at a time: the same bytes as
// `JSON.stringify(report, null, 2) + '\n'` without building that text whole. A 100,000-account report is
// 83 million characters; as one string, then one Buffer to write it, it weighed on the scan's peak memory at
// its very end.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ScanReport } from '../../contract/report.ts';
import { CancelledError } from '../errors.ts';

/** Pieces of the report's text, in order; joined, they are `JSON.stringify(report, null, 2) + '\n'`. */
export function* reportJsonChunks(report: ScanReport, accountsPerChunk = 256): Generator<string> {
  const keys = Object.keys(report);
  // The accounts come last in every report Vigie builds; anything else is written the plain way.
  if (keys[keys.length - 1] !== 'accounts' || report.accounts.length === 0) {
    yield JSON.stringify(report, null, 2) + '\n';
    return;
  }
  const head = JSON.stringify({ ...report, accounts: [] }, null, 2);
  const emptyAccounts = '"accounts": []\n}';
  yield head.slice(0, head.length - emptyAccounts.length) + '"accounts": [\n';
  const { accounts } = report;
  for (let start = 0; start < accounts.length; start += accountsPerChunk) {
    const end = Math.min(start + accountsPerChunk, accounts.length);
    const parts: string[] = [];
    for (let i = start; i < end; i++) {
      parts.push('    ' + JSON.stringify(accounts[i], null, 2).replaceAll('\n', '\n    ') + (i === accounts.length - 1 ? '\n' : ',\n'));
    }
    yield parts.join('');
  }
  yield '  ]\n}\n';
}

/**
 * Writes the report's JSON to `file` (created with `mode`), chunk by chunk, waiting for the disk when it lags.
 * Errors are the file system's own (the caller words them). When `signal` aborts, the writing stops between two
 * chunks (or while waiting for the disk) with CancelledError, the file closed and left partial: the caller, who
 * writes to a temp file, removes it.
 */
export async function writeReportJson(file: string, report: ScanReport, mode = 0o600, signal?: AbortSignal): Promise<void> {
  const out = createWriteStream(file, { mode, encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => {
    throw e;
  });
  failed.catch(() => undefined);
  const cancelled = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new CancelledError());
    signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
  });
  cancelled.catch(() => undefined);
  let stopped = false;
  try {
    for (const chunk of reportJsonChunks(report)) {
      if (signal?.aborted) throw new CancelledError();
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed, cancelled]);
    }
  } catch (e) {
    stopped = true;
    // Closed once what is queued is flushed or dropped: the caller removes the file after this returns.
    if (!out.closed) {
      await new Promise<void>((resolve) => {
        out.once('close', () => resolve());
        out.destroy();
      });
    }
    throw e;
  } finally {
    if (!stopped) out.end();
  }
  await Promise.race([once(out, 'finish'), failed, cancelled]);
}
