// "Test the connection" in the profile form: can Vigie open this source? A directory: connects and binds, reads
// nothing. An LDIF export (issue #13 §7): there is no connection to test, so the file is checked instead — it
// exists, can be read, and reads through as LDIF the way a scan reads it — and the answer says how many entries
// it holds and how many carry a stored password. Never a value: the entries are counted, not kept.
import { stat } from 'node:fs/promises';
import type { Connection, ConnectionCheck, LdifFileProblem } from '../contract/api.ts';
import { LdifError, VigieError } from '../engine/errors.ts';
import { connectDirectory } from '../engine/directory/ldap/read-ldap.ts';
import { readLdif } from '../engine/directory/ldif/read-ldif.ts';

export async function checkConnection(connection: Connection, password?: string): Promise<ConnectionCheck> {
  if (connection.kind === 'ldif') return checkLdifFile(connection.file);
  try {
    // The password only goes with a bind DN: without one the check binds anonymously.
    const directory = await connectDirectory({ ...connection, password: connection.bindDn ? password : undefined });
    try {
      return { ok: true, transport: directory.transport };
    } finally {
      await directory.close();
    }
  } catch (e) {
    return { ok: false, message: oneLineOf(e) };
  }
}

/** Reads the export through as a scan would, counting its entries and those with a stored password. */
export async function checkLdifFile(file: string): Promise<ConnectionCheck> {
  let bytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fileProblem('notAFile', `${file} is not a file: give the path of an LDIF export`);
    bytes = info.size;
  } catch (e) {
    return fromError(e, file);
  }
  if (bytes === 0) return fileProblem('empty', `${file} is empty: nothing to audit`);
  let entries = 0;
  let withPassword = 0;
  try {
    for await (const entry of readLdif(file)) {
      entries += 1;
      if ([...entry.bytes.values()].some((values) => values.length > 0)) withPassword += 1;
    }
  } catch (e) {
    return fromError(e, file);
  }
  if (entries === 0) return fileProblem('empty', `${file} holds no LDIF entry: nothing to audit`);
  return { ok: true, file: { bytes, entries, withPassword } };
}

function fileProblem(problem: LdifFileProblem, message: string, line?: number): ConnectionCheck {
  return { ok: false, fileProblem: problem, message, ...(line !== undefined ? { line } : {}) };
}

function fromError(e: unknown, file: string): ConnectionCheck {
  const message = oneLineOf(e);
  if (e instanceof LdifError) {
    return fileProblem(/gzip/i.test(e.message) ? 'compressed' : 'notLdif', message, e.lineNumber);
  }
  const code = errnoOf(e);
  if (code === 'ENOENT' || /not found/i.test(message)) return fileProblem('missing', `${file} does not exist: check the path`);
  if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(message)) {
    return fileProblem('unreadable', `${file} cannot be read: check its permissions`);
  }
  if (code === 'EISDIR' || /is a folder|not a regular file/i.test(message)) return fileProblem('notAFile', `${file} is not a file: give the path of an LDIF export`);
  if (/holds no LDIF entry/i.test(message)) return fileProblem('empty', message);
  return fileProblem('unreadable', message);
}

function errnoOf(e: unknown): string | undefined {
  const own = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (e as { cause?: unknown } | null)?.cause as NodeJS.ErrnoException | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function oneLineOf(e: unknown): string {
  if (e instanceof VigieError) return e.oneLine();
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] ?? 'unexpected error';
}
