// accounts.map.json: the export folder's key to its opaque ids. It maps each id to its account's DN and keeps
// what `vigie import potfile` needs to name a cracked password's pattern (names, login, birth date, school
// words): personal data that stays on the DSI's machine with the rest of the folder.
import { readFile } from 'node:fs/promises';
import type { Depth } from '../../contract/codes.ts';
import { DEPTHS } from '../../contract/codes.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';
import { VigieError } from '../errors.ts';
import { ACCOUNT_ID_PATTERN } from './account-id.ts';

export const MAP_FORMAT = 'vigie-hashcat-map';

/** The account as the map keeps it: everything but its stored values (the map holds no hash). */
export type MappedAccount = Omit<AccountRecord, 'passwords'>;

export interface AccountMap {
  format: typeof MAP_FORMAT;
  version: 1;
  /** The HMAC key of the ids, hex. */
  key: string;
  /** Which report this export goes with: its start time and source. */
  report: { startedAt: string; location: string };
  depth: Depth;
  school: SchoolContext;
  accounts: Record<string, MappedAccount>;
}

export function mappedAccount(a: AccountRecord): MappedAccount {
  return {
    dn: a.dn, login: a.login, surnames: a.surnames, givenNames: a.givenNames, birthDate: a.birthDate,
    profile: a.profile, classes: a.classes,
  };
}

/** The account as the candidate families take it; its stored values are not needed once cracked. */
export function accountRecord(m: MappedAccount): AccountRecord {
  return { ...m, passwords: [] };
}

export async function readAccountMap(file: string): Promise<AccountMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VigieError(`no account map at ${file}`, 'give the accounts.map.json written by `vigie export hashcat`');
    throw new VigieError(`cannot read the account map ${file} (${code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new VigieError(`${file} is not JSON`, 'give the accounts.map.json written by `vigie export hashcat`');
  }
  if (!isAccountMap(data)) {
    throw new VigieError(`${file} is not a Vigie account map`, 'give the accounts.map.json written by `vigie export hashcat`');
  }
  return data;
}

function isAccountMap(d: unknown): d is AccountMap {
  if (typeof d !== 'object' || d === null) return false;
  const m = d as Partial<AccountMap>;
  if (m.format !== MAP_FORMAT || m.version !== 1 || typeof m.key !== 'string') return false;
  if (typeof m.report?.startedAt !== 'string' || typeof m.report.location !== 'string') return false;
  if (!(DEPTHS as readonly unknown[]).includes(m.depth) || typeof m.school !== 'object' || m.school === null) return false;
  if (typeof m.accounts !== 'object' || m.accounts === null) return false;
  return Object.entries(m.accounts).every(([id, a]) =>
    ACCOUNT_ID_PATTERN.test(id) && typeof a?.dn === 'string' && typeof a.login === 'string'
    && Array.isArray(a.surnames) && Array.isArray(a.givenNames) && Array.isArray(a.classes));
}
