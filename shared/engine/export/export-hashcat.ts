// `vigie export hashcat`: the stored values of the report's accounts, one hash file per hashcat mode keyed by
// opaque ids, the targeted wordlist, John the Ripper files for its single mode, the id → DN map and a README.
// Everything in the folder is owner-only: it holds hashes and personal words.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Depth, HashSchemeName } from '../../contract/codes.ts';
import type { ScanReport } from '../../contract/report.ts';
import type { AccountRecord, BirthDateOptions } from '../directory/model.ts';
import { readSource, type ScanSource } from '../directory/open-source.ts';
import { VigieError } from '../errors.ts';
import { classifyValue } from '../hash/classify.ts';
import { accountId, newIdKey } from './account-id.ts';
import { MAP_FORMAT, mappedAccount, type AccountMap } from './account-map.ts';
import { HASHCAT_MODES, hashcatMode, toHashcat, type ExportedHash } from './hashcat-modes.ts';
import { johnLine } from './john.ts';
import { LineFile } from './line-file.ts';
import { exportReadme } from './readme.ts';
import { writeWordlists } from './wordlist.ts';

export const MAP_FILE = 'accounts.map.json';
export const WORDLIST_FILE = 'wordlist.txt';
export const LM_WORDLIST_FILE = 'wordlist-lm-halves.txt';

export interface HashcatExportRequest {
  report: ScanReport;
  /** The directory or LDIF the report was made from: the report holds no hash. */
  source: ScanSource;
  outDir: string;
  /** Depth of the wordlist (default: the report's). */
  depth?: Depth;
  birthDate?: BirthDateOptions;
  /** `--school` words the scan was given (the report keeps only their count). */
  school?: string[];
  signal?: AbortSignal;
}

export interface ExportedMode {
  mode: number;
  scheme: HashSchemeName;
  /** Relative to the export folder. */
  hashFile: string;
  johnFile: string | null;
  hashes: number;
}

export interface HashcatExportResult {
  dir: string;
  accounts: number;
  modes: ExportedMode[];
  /** Stored values hashcat has no mode for, by scheme (cleartext, argon2, yescrypt…). */
  notExported: Partial<Record<HashSchemeName, number>>;
  words: number;
  lmWords: number;
}

export async function exportHashcat(request: HashcatExportRequest): Promise<HashcatExportResult> {
  const { report, outDir } = request;
  if (report.source.kind !== request.source.kind) {
    throw new VigieError(`the report was made from ${report.source.kind === 'ldif' ? 'an LDIF file' : 'a directory'} (${report.source.location}); give the same source to export its hashes`);
  }
  await prepareFolder(outDir);
  const depth = request.depth ?? report.source.depth;
  const read = await readSource(request.source, {
    flavour: report.source.flavour,
    ...(request.birthDate ? { birthDate: request.birthDate } : {}),
    ...(request.school ? { school: request.school } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const inReport = new Set(report.accounts.map((a) => a.dn.toLowerCase()));
  const accounts = read.accounts.toArray().filter((a) => inReport.has(a.dn.toLowerCase()));
  if (accounts.length === 0) {
    throw new VigieError(`none of the report's accounts are in ${describeSource(request.source)}`, 'give the source the report was made from');
  }

  const key = newIdKey();
  const map: AccountMap = {
    format: MAP_FORMAT, version: 1, key: key.toString('hex'),
    report: { startedAt: report.startedAt, location: report.source.location },
    depth, school: read.school, accounts: {},
  };
  const byMode = new Map<number, { scheme: HashSchemeName; lines: { id: string; account: AccountRecord; hash: ExportedHash }[] }>();
  const notExported: Partial<Record<HashSchemeName, number>> = {};
  for (const account of accounts) {
    const id = accountId(key, account.dn);
    let exported = false;
    for (const stored of account.passwords) {
      const hash = toHashcat(stored);
      if (!hash) {
        const scheme = classifyValue(stored.attribute, stored.value).scheme;
        notExported[scheme] = (notExported[scheme] ?? 0) + 1;
        continue;
      }
      const group = byMode.get(hash.mode) ?? byMode.set(hash.mode, { scheme: hash.scheme, lines: [] }).get(hash.mode)!;
      group.lines.push({ id, account, hash });
      exported = true;
    }
    if (exported) map.accounts[id] = mappedAccount(account);
  }

  await mkdir(path.join(outDir, 'hashcat'), { mode: 0o700 });
  await mkdir(path.join(outDir, 'john'), { mode: 0o700 });
  const modes: ExportedMode[] = [];
  for (const [mode, group] of [...byMode].sort((a, b) => a[0] - b[0])) {
    const hashFile = path.join('hashcat', `m${mode}.hashes`);
    const hashes = new LineFile(path.join(outDir, hashFile));
    // John's passwd lines are colon-separated: hashes with colons of their own (salted hex, PBKDF2) stay
    // hashcat-only, as do modes John has no format for.
    const johnless = !hashcatMode(mode)?.johnFormat || group.lines.some((l) => l.hash.hash.includes(':'));
    const johnFile = johnless ? null : path.join('john', `m${mode}.passwd`);
    const john = johnFile ? new LineFile(path.join(outDir, johnFile)) : null;
    try {
      for (const { id, account, hash } of group.lines) {
        await hashes.write(`${id}:${hash.hash}`);
        await john?.write(johnLine(id, hash.hash, account));
      }
    } finally {
      await hashes.close();
      await john?.close();
    }
    modes.push({ mode, scheme: group.scheme, hashFile, johnFile, hashes: group.lines.length });
  }

  const exportedAccounts = accounts.filter((a) => map.accounts[accountId(key, a.dn)] !== undefined);
  const words = await writeWordlists(
    path.join(outDir, WORDLIST_FILE), byMode.has(HASHCAT_MODES.LM!.mode) ? path.join(outDir, LM_WORDLIST_FILE) : null,
    exportedAccounts, read.school, depth,
  );
  await writeFile(path.join(outDir, MAP_FILE), `${JSON.stringify(map)}\n`, { mode: 0o600, flag: 'wx' });
  const result: HashcatExportResult = {
    dir: outDir, accounts: exportedAccounts.length, modes, notExported, words: words.words, lmWords: words.lmWords,
  };
  await writeFile(path.join(outDir, 'README.txt'), exportReadme(result), { mode: 0o600, flag: 'wx' });
  return result;
}

/** An empty or new folder only: a second export into the same folder would mix two keys. */
async function prepareFolder(dir: string): Promise<void> {
  try {
    const existing = await readdir(dir);
    if (existing.length > 0) throw new VigieError(`${dir} is not empty`, 'give a new folder for the export', { code: 'FOLDER_NOT_EMPTY', params: { file: dir } });
    return;
  } catch (e) {
    if (e instanceof VigieError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new VigieError(`${dir} is a file, not a folder`);
    if (code !== 'ENOENT') throw new VigieError(`cannot use ${dir} (${code ?? 'error'})`);
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new VigieError(`cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function describeSource(source: ScanSource): string {
  return source.kind === 'ldif' ? source.file : `${source.url} (${source.baseDn})`;
}
