// "Test the connection" in the profile form: can Vigie open this source? A directory: connects and binds, reads
// nothing. An LDIF export (issue #13 §7): there is no connection to test, so the file is checked instead — it
// exists, can be read, and reads through as LDIF the way a scan reads it — and the answer says how many entries
// it holds and how many carry a stored password. Never a value: the entries are counted, not kept.
import { stat } from 'node:fs/promises';
import { LDIF_PROBLEM_CODES, ldifFileProblemOf, type Connection, type ConnectionCheck, type LdifFileProblem } from '../contract/api.ts';
import { apiErrorOf, LdifError, VigieError } from '../engine/errors.ts';
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
    return { ok: false, error: apiErrorOf(e) };
  }
}

/** Reads the export through as a scan would, counting its entries and those with a stored password. */
export async function checkLdifFile(file: string): Promise<ConnectionCheck> {
  let bytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fileProblem('notAFile', file, `${file} is not a file: give the path of an LDIF export`);
    bytes = info.size;
  } catch (e) {
    return fromError(e, file);
  }
  if (bytes === 0) return fileProblem('empty', file, `${file} is empty: nothing to audit`);
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
  if (entries === 0) return fileProblem('empty', file, `${file} holds no LDIF entry: nothing to audit`);
  return { ok: true, file: { bytes, entries, withPassword } };
}

/** The problem by its code (the page says it from the code), the line it stopped at in the error's names. */
function fileProblem(problem: LdifFileProblem, file: string, message: string, line?: number): ConnectionCheck {
  const params = { file, ...(line !== undefined ? { line: String(line) } : {}) };
  return { ok: false, error: { code: LDIF_PROBLEM_CODES[problem], message, params } };
}

// The problem a reading error is: by its code (the engine's LdifError and VigieError), else by the system's.
function fromError(e: unknown, file: string): ConnectionCheck {
  if (e instanceof LdifError) return fileProblem(ldifFileProblemOf(e.code) ?? 'notLdif', file, e.oneLine(), e.lineNumber);
  const code = errnoOf(e);
  const problem = (e instanceof VigieError ? ldifFileProblemOf(e.code) : null)
    ?? (code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'unreadable' : code === 'EISDIR' ? 'notAFile' : 'unreadable');
  if (problem === 'missing') return fileProblem('missing', file, `${file} does not exist: check the path`);
  if (problem === 'notAFile') return fileProblem('notAFile', file, `${file} is not a file: give the path of an LDIF export`);
  if (problem === 'unreadable' && (code === 'EACCES' || code === 'EPERM')) {
    return fileProblem('unreadable', file, `${file} cannot be read: check its permissions`);
  }
  return fileProblem(problem, file, apiErrorOf(e).message);
}

/** The system's code (ENOENT…) of the error or of its cause; a VigieError's own `code` is Vigie's, not the system's. */
function errnoOf(e: unknown): string | undefined {
  const own = e instanceof VigieError ? undefined : (e as NodeJS.ErrnoException | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (e as { cause?: unknown } | null)?.cause as NodeJS.ErrnoException | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
