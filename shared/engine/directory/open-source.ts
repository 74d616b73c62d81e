// How a scan source is opened and read, in one place: an LDIF file, or a live directory through one bound,
// read-only connection. The scan (scan.ts) opens it to read its transport and posture first; the hashcat export
// reads it again (a report holds no hash) through readSource, with the same readers and options.
import { connectDirectory, type DirectoryConnection } from './ldap/read-ldap.ts';
import { readLdif } from './ldif/read-ldif.ts';
import type { DirectoryEntry } from './model.ts';
import { readDirectory, type DirectoryContents, type ReadDirectoryOptions } from './read-directory.ts';

export type ScanSource =
  | { kind: 'ldif'; file: string }
  | {
    kind: 'ldap';
    url: string;
    baseDn: string;
    bindDn?: string;
    /** Never from argv: the caller reads it from a file, the environment, a prompt or the OS keychain. */
    password?: string;
    startTls?: boolean;
    caFile?: string;
  };

export interface OpenedSource {
  /** LDAP only: the bound connection (its transport, lookups for the posture checks). */
  connection?: DirectoryConnection;
  /** Every entry, read lazily: nothing is asked of the directory before the first one is awaited. */
  entries: AsyncIterable<DirectoryEntry>;
  /** Unbind and close (LDAP); nothing for a file. Safe to call more than once. */
  close(): Promise<void>;
}

/** Opens a source: an LDAP source connects and binds now (its failures are thrown here), an LDIF file is read as iterated. */
export async function openSource(source: ScanSource, signal?: AbortSignal): Promise<OpenedSource> {
  if (source.kind === 'ldif') return { entries: readLdif(source.file, signal ? { signal } : {}), close: async () => {} };
  // An LDAP source is the reader's options as they are (url, bind, StartTLS, CA file).
  const connection = await connectDirectory(source);
  return { connection, entries: connection.entries(source.baseDn, signal ? { signal } : {}), close: () => connection.close() };
}

/** Opens a source, reads every account into the directory model, and closes it whatever happens. */
export async function readSource(source: ScanSource, options: ReadDirectoryOptions = {}): Promise<DirectoryContents> {
  const opened = await openSource(source, options.signal);
  try {
    return await readDirectory(opened.entries, options);
  } finally {
    await opened.close();
  }
}
