// accounts.map.json: the export folder's key to its opaque ids. It maps each id to its account's DN and keeps
// what `vigie import potfile` needs to name a cracked password's pattern (names, login, birth date, school
// words): personal data that stays on the DSI's machine with the rest of the folder.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Depth } from '../../contract/codes.ts';
import { DEPTHS, PROFILES } from '../../contract/codes.ts';
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
  const parsed = AccountMapSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the top level';
    throw new VigieError(`${file} is not a Vigie account map: ${where}: ${issue.message.replace(/\s+/g, ' ')}`, 'give the accounts.map.json written by `vigie export hashcat`');
  }
  return parsed.data;
}

const names = z.array(z.string());

/** What `readAccountMap` checks a file against: every field the import reads, of the type it reads. */
const AccountMapSchema = z.object({
  format: z.literal(MAP_FORMAT),
  version: z.literal(1),
  key: z.string().regex(/^[0-9a-f]+$/i),
  report: z.object({ startedAt: z.string(), location: z.string() }),
  depth: z.enum(DEPTHS),
  school: z.object({ names, towns: names, uais: names, classes: names, extra: names }),
  accounts: z.record(z.string().regex(ACCOUNT_ID_PATTERN), z.object({
    dn: z.string(),
    login: z.string(),
    surnames: names,
    givenNames: names,
    birthDate: z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).nullable(),
    profile: z.enum(PROFILES),
    classes: names,
  })),
});

// The schema and the type say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof AccountMapSchema>, AccountMap> = true;
void schemaMatchesType;
