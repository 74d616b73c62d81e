// "Test the connection" in the profile form: can Vigie open this source? Connects and binds, reads nothing.
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import type { Connection, ConnectionCheck } from '../contract/api.ts';
import { VigieError } from '../engine/errors.ts';
import { connectDirectory } from '../engine/directory/ldap/read-ldap.ts';

export async function checkConnection(connection: Connection, password?: string): Promise<ConnectionCheck> {
  try {
    if (connection.kind === 'ldif') {
      const info = await stat(connection.file);
      if (!info.isFile()) return { ok: false, message: `${connection.file} is not a file: give the path of an LDIF export` };
      await access(connection.file, constants.R_OK);
      return { ok: true };
    }
    // The password only goes with a bind DN: without one the check binds anonymously.
    const directory = await connectDirectory({ ...connection, password: connection.bindDn ? password : undefined });
    try {
      return { ok: true, transport: directory.transport };
    } finally {
      await directory.close();
    }
  } catch (e) {
    return { ok: false, message: oneLineOf(e, connection) };
  }
}

function oneLineOf(e: unknown, connection: Connection): string {
  if (e instanceof VigieError) return e.oneLine();
  const code = (e as NodeJS.ErrnoException).code;
  if (connection.kind === 'ldif' && code === 'ENOENT') return `${connection.file} does not exist: check the path`;
  if (connection.kind === 'ldif' && code === 'EACCES') return `${connection.file} cannot be read: check its permissions`;
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] ?? 'unexpected error';
}
