// Can this connection read other accounts' password hashes? One search for entries that have a password
// attribute the connection may see: slapd evaluates a presence filter only on attributes the reader may
// search, so hidden hashes match nothing. Read-only, and it stops at the first hash it sees.
import type { DirectoryConnection } from '../directory/ldap/read-ldap.ts';
import { normaliseDn } from './dn.ts';

export type HashReadability = 'readable' | 'hidden' | 'unknown';

const HAS_PASSWORD = '(|(userPassword=*)(sambaNTPassword=*)(sambaLMPassword=*))';

/** `self` is the connection's own DN: reading one's own hash is not a leak of anyone else's. */
export async function hashReadability(connection: DirectoryConnection, baseDn: string, self?: string): Promise<HashReadability> {
  const own = self === undefined ? undefined : normaliseDn(self);
  try {
    for await (const entry of connection.entries(baseDn, { filter: HAS_PASSWORD })) {
      if (own !== undefined && normaliseDn(entry.dn) === own) continue;
      for (const values of entry.bytes.values()) {
        if (values.some((v) => v.length > 0)) return 'readable';
      }
    }
    return 'hidden';
  } catch {
    // A refused search says nothing either way.
    return 'unknown';
  }
}
