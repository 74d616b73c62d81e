// Reads an LDIF export (slapcat, ldapsearch -LLL or plain ldapsearch) entry by entry, with memory
// bounded by the largest entry, not the file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CancelledError, VigieError } from '../../errors.ts';
import type { DirectoryEntry } from '../model.ts';
import { LdifParser } from './ldif-parser.ts';

const CHUNK_SIZE = 256 * 1024;
const EXPORT_HINT = 'give the path of an export written by slapcat or ldapsearch -LLL';

export interface ReadLdifOptions {
  signal?: AbortSignal;
}

export async function* readLdif(file: string, options: ReadLdifOptions = {}): AsyncIterable<DirectoryEntry> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new VigieError(`${file} is a folder, not an LDIF file`, EXPORT_HINT, { code: 'NOT_A_FILE', params: { file } });
    if (!info.isFile()) throw new VigieError(`${file} is not a regular file`, EXPORT_HINT, { code: 'NOT_A_FILE', params: { file } });
  } catch (error) {
    throw fileError(file, error);
  }

  const parser = new LdifParser(file);
  const stream = createReadStream(file, { highWaterMark: CHUNK_SIZE });
  let entries = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const entry of parser.push(chunk)) {
        if (signal?.aborted) throw new CancelledError();
        entries += 1;
        yield entry;
      }
      if (signal?.aborted) throw new CancelledError();
    }
  } catch (error) {
    throw fileError(file, error);
  } finally {
    stream.destroy();
  }
  for (const entry of parser.end()) {
    entries += 1;
    yield entry;
  }
  // Issue #15 §2: an empty export is not a directory with nothing wrong in it.
  if (entries === 0) throw new VigieError(`${file} holds no LDIF entry (it is empty): nothing to audit`, EXPORT_HINT, { code: 'LDIF_EMPTY', params: { file } });
}

/** Parses LDIF held in memory (tests, small inputs). */
export function parseLdifText(text: string | Uint8Array, file = '<ldif>'): DirectoryEntry[] {
  const parser = new LdifParser(file);
  return [...parser.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text), ...parser.end()];
}

function fileError(file: string, error: unknown): unknown {
  if (error instanceof VigieError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new VigieError(`LDIF file not found: ${file}`, EXPORT_HINT, { cause: error, code: 'LDIF_NOT_FOUND', params: { file } });
    case 'EISDIR':
      return new VigieError(`${file} is a folder, not an LDIF file`, EXPORT_HINT, { cause: error, code: 'NOT_A_FILE', params: { file } });
    case 'EACCES':
    case 'EPERM':
      return new VigieError(`cannot read ${file}: permission denied`, 'run Vigie as a user allowed to read it, or copy the export somewhere readable', { cause: error, code: 'FILE_UNREADABLE', params: { file } });
    case undefined:
      return error;
    default:
      return new VigieError(`cannot read ${file} (${code})`, EXPORT_HINT, { cause: error, code: 'FILE_UNREADABLE', params: { file } });
  }
}
