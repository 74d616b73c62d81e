// What cn=config says about password storage and policy, read once (read-only) with the config bind, and
// shared by the posture checks and the migration plan (which needs the exact current values to undo).
import type { DirectoryConnection } from '../directory/ldap/read-ldap.ts';
import type { DirectoryEntry } from '../directory/model.ts';
import { isUnder, normaliseDn, withoutIndex } from './dn.ts';

export interface ModuleList {
  dn: string;
  /** olcModuleLoad values as stored, `{n}` prefix and arguments included. */
  loads: string[];
}

export interface PpolicyOverlay {
  dn: string;
  defaultPolicy?: string;
  hashCleartext: boolean;
  /** Every attribute of the overlay entry as stored, for an exact rollback. */
  values: Record<string, string[]>;
}

export interface DatabaseFacts {
  dn: string;
  suffixes: string[];
  /** olcAccess values as stored, `{n}` prefixes included; empty: slapd's default `to * by * read`. */
  access: string[];
  overlayCount: number;
  ppolicy?: PpolicyOverlay;
}

export interface ConfigFacts {
  moduleLists: ModuleList[];
  argon2Loaded: boolean;
  ppolicyLoaded: boolean;
  frontendDn: string;
  /** olcPasswordHash on the frontend as stored; empty means slapd's default {SSHA}. */
  passwordHash: string[];
  /** The database holding the accounts' base, when one does. */
  database?: DatabaseFacts;
}

const FRONTEND_DN = 'olcDatabase={-1}frontend,cn=config';

export async function readConfigFacts(connection: DirectoryConnection, baseDn: string): Promise<ConfigFacts> {
  const entries = await connection.lookup('cn=config', {
    scope: 'sub',
    filter: '(|(objectClass=olcModuleList)(objectClass=olcDatabaseConfig)(objectClass=olcOverlayConfig))',
    attributes: ['*'],
  });
  const all = (e: DirectoryEntry, name: string): string[] => e.attrs.get(name.toLowerCase()) ?? [];
  const moduleLists = entries
    .filter((e) => all(e, 'objectClass').some((c) => c.toLowerCase() === 'olcmodulelist'))
    .map((e) => ({ dn: e.dn, loads: all(e, 'olcModuleLoad') }));
  const loaded = (name: string): boolean =>
    moduleLists.some((m) => m.loads.some((v) => moduleName(v) === name));
  const frontend = entries.find((e) => normaliseDn(e.dn) === normaliseDn(FRONTEND_DN));

  // The database whose suffix is the longest one above the base.
  let database: DatabaseFacts | undefined;
  let bestLength = -1;
  for (const e of entries) {
    const suffixes = all(e, 'olcSuffix');
    const suffix = suffixes.find((s) => isUnder(baseDn, s));
    if (suffix === undefined || suffix.length <= bestLength) continue;
    bestLength = suffix.length;
    const overlays = entries.filter((o) => isDirectChild(o.dn, e.dn) && /^olcoverlay=/i.test(o.dn));
    const ppolicyEntry = overlays.find((o) => withoutIndex(all(o, 'olcOverlay')[0] ?? '').toLowerCase() === 'ppolicy');
    database = {
      dn: e.dn,
      suffixes,
      access: all(e, 'olcAccess'),
      overlayCount: overlays.length,
      ...(ppolicyEntry ? { ppolicy: overlayFacts(ppolicyEntry) } : {}),
    };
  }
  return {
    moduleLists,
    argon2Loaded: loaded('argon2'),
    ppolicyLoaded: loaded('ppolicy'),
    frontendDn: frontend?.dn ?? FRONTEND_DN,
    passwordHash: frontend ? all(frontend, 'olcPasswordHash') : [],
    ...(database ? { database } : {}),
  };
}

/** `{3}argon2 m=65536 t=2 p=1` or `/usr/lib/ldap/ppolicy.la` → `argon2`, `ppolicy`. */
export function moduleName(load: string): string {
  const file = withoutIndex(load).trim().split(/\s+/)[0] ?? '';
  return (file.split('/').pop() ?? '').replace(/\.(la|so)$/i, '').toLowerCase();
}

function overlayFacts(e: DirectoryEntry): PpolicyOverlay {
  const values: Record<string, string[]> = {};
  for (const [k, v] of e.attrs) values[k] = v;
  const defaultPolicy = e.attrs.get('olcppolicydefault')?.[0];
  return {
    dn: e.dn,
    ...(defaultPolicy ? { defaultPolicy } : {}),
    hashCleartext: e.attrs.get('olcppolicyhashcleartext')?.[0]?.toUpperCase() === 'TRUE',
    values,
  };
}

function isDirectChild(child: string, parent: string): boolean {
  const c = normaliseDn(child), p = normaliseDn(parent);
  return c.endsWith(`,${p}`) && !c.slice(0, -(p.length + 1)).includes(',');
}
