// Writes corpora in Have I Been Pwned's download layouts, for tests and the benchmark: invented digests
// around a few chosen passwords. Never a real corpus, and the passwords stay in the caller's memory.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HASH_BYTES, passwordDigest, PREFIX_HEX, type BreachHashKind } from './hash-kind.ts';

export interface CorpusRecord {
  digest: Buffer;
  count: number;
}

/** The passwords' digests with their counts, plus `decoys` random digests, in hash order. */
export function corpusRecords(kind: BreachHashKind, passwords: Iterable<readonly [string, number]>, decoys: number): CorpusRecord[] {
  const byHex = new Map<string, CorpusRecord>();
  for (const [password, count] of passwords) {
    const digest = passwordDigest(kind, password);
    byHex.set(digest.toString('hex'), { digest, count });
  }
  for (let i = 0; i < decoys; i++) {
    const digest = randomBytes(HASH_BYTES[kind]);
    byHex.set(digest.toString('hex'), { digest, count: 1 + (digest[0]! % 50) });
  }
  return [...byHex.values()].sort((a, b) => Buffer.compare(a.digest, b.digest));
}

export interface LineStyle {
  /** HIBP writes CR LF; default true. */
  crlf?: boolean;
}

/** The single ordered file: `HASH:COUNT` per line, upper-case hex. */
export function hibpFileText(records: CorpusRecord[], style: LineStyle = {}): string {
  const eol = style.crlf === false ? '\n' : '\r\n';
  return records.map((r) => `${r.digest.toString('hex').toUpperCase()}:${r.count}${eol}`).join('');
}

export async function writeHibpFile(file: string, records: CorpusRecord[], style: LineStyle = {}): Promise<void> {
  await writeFile(file, hibpFileText(records, style));
}

/**
 * The range files (`ABCDE.txt` by default), one per prefix that has records, each `SUFFIX:COUNT` with no
 * newline after the last line, as the range API answers. Returns the files' names.
 */
export async function writeRangeFiles(dir: string, records: CorpusRecord[], options: { extension?: string } = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const byPrefix = new Map<string, string[]>();
  for (const r of records) {
    const hex = r.digest.toString('hex').toUpperCase();
    const prefix = hex.slice(0, PREFIX_HEX);
    (byPrefix.get(prefix) ?? byPrefix.set(prefix, []).get(prefix)!).push(`${hex.slice(PREFIX_HEX)}:${r.count}`);
  }
  const names: string[] = [];
  for (const [prefix, lines] of byPrefix) {
    const name = `${prefix}${options.extension ?? '.txt'}`;
    await writeFile(path.join(dir, name), lines.join('\r\n'));
    names.push(name);
  }
  return names.sort();
}
