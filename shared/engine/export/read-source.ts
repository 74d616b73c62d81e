// Reads the accounts of a scan source again, stored values included: a report holds no hash, so the export goes
// back to the same directory (or LDIF) the report came from, through the same readers as the scan.
import type { Flavour } from '../../contract/codes.ts';
import { connectDirectory } from '../directory/ldap/read-ldap.ts';
import { readLdif } from '../directory/ldif/read-ldif.ts';
import type { BirthDateOptions } from '../directory/model.ts';
import { readDirectory, type DirectoryContents } from '../directory/read-directory.ts';
import type { ScanSource } from '../scan.ts';

export interface ReadSourceOptions {
  flavour?: Flavour;
  birthDate?: BirthDateOptions;
  school?: string[];
  signal?: AbortSignal;
}

export async function readSource(source: ScanSource, options: ReadSourceOptions = {}): Promise<DirectoryContents> {
  const { signal } = options;
  const directoryOptions = {
    ...(options.flavour ? { flavour: options.flavour } : {}),
    ...(options.birthDate ? { birthDate: options.birthDate } : {}),
    school: options.school ?? [],
    ...(signal ? { signal } : {}),
  };
  if (source.kind === 'ldif') return readDirectory(readLdif(source.file, signal ? { signal } : {}), directoryOptions);
  const connection = await connectDirectory(source);
  try {
    return await readDirectory(connection.entries(source.baseDn, signal ? { signal } : {}), directoryOptions);
  } finally {
    await connection.close();
  }
}
