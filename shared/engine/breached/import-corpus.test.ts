// The import reads both HIBP layouts of both kinds into an index whose lookups give back every count; bad
// input (corrupt lines, a cut file, an unordered file, the wrong file) gets one clear message.
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VigieError } from '../errors.ts';
import { BreachIndex, breachIndexStatus, openIndexFile } from './breach-index.ts';
import { BREACH_HASH_KINDS, HASH_BYTES, passwordDigest, type BreachHashKind } from './hash-kind.ts';
import { corpusRecords, hibpFileText, writeHibpFile, writeRangeFiles, type CorpusRecord } from './hibp-corpus.ts';
import { importBreachCorpus, ImportInterruptedError } from './import-corpus.ts';
import { RECORDS_OFFSET, recordBytes } from './index-format.ts';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'vigie-breached-'));
  made.push(d);
  return d;
}

// Invented passwords, with counts of every magnitude.
const PLANTED: [string, number][] = [
  ['azerty', 3_053_354], ['Soleil2024!', 12], ['loulou', 214_770], ['Marseille13', 931], ['n0t-a-real-one', 1],
  ['été-à-Noël', 7], ['x'.repeat(64), 4_294_967_295],
];
const ABSENT = ['Zq9!vK2#pL8@rT5w', 'jamais-vu-nulle-part', ''];

function expectCounts(index: BreachIndex, kind: BreachHashKind, records: CorpusRecord[]): void {
  for (const [password, count] of PLANTED) expect(index.countPassword(password), password.length.toString()).toBe(count);
  for (const password of ABSENT) expect(index.countPassword(password)).toBe(0);
  // Every decoy too, and near misses (one bit off) are absent.
  const wrong = records.filter((r) => index.countDigestHex(kind, r.digest.toString('hex')) !== r.count);
  expect(wrong.length).toBe(0);
  const all = new Set(records.map((r) => r.digest.toString('hex')));
  let nearMisses = 0;
  for (const r of records.slice(0, 200)) {
    const near = Buffer.from(r.digest);
    near[near.length - 1]! ^= 1;
    if (all.has(near.toString('hex'))) continue;
    nearMisses++;
    expect(index.files[kind]!.count(near)).toBe(0);
  }
  expect(nearMisses).toBeGreaterThan(0);
}

describe.each(BREACH_HASH_KINDS.map((k) => [k]))('importing %s hashes', (kind: BreachHashKind) => {
  it('from the single ordered file: every count comes back, nothing else is found', async () => {
    const dir = await tempDir();
    const records = corpusRecords(kind, PLANTED, 5000);
    const file = path.join(dir, `pwned-${kind}.txt`);
    await writeHibpFile(file, records);
    const indexDir = path.join(dir, 'index');
    const progress: number[] = [];
    const r = await importBreachCorpus(file, { indexDir, onProgress: (p) => progress.push(p.done) });
    expect(r).toMatchObject({ kind, layout: 'file', entries: records.length, lines: records.length, badLines: 0, resumed: false });
    expect(progress.at(-1)).toBe((await stat(file)).size);
    // Fixed-width records after a 4 KiB header and an 8 MiB prefix table: well under the raw text's size.
    expect(r.indexBytes).toBe(RECORDS_OFFSET + records.length * recordBytes(kind));
    expect(recordBytes(kind)).toBe(HASH_BYTES[kind] - 2 + 4);
    const index = BreachIndex.open(indexDir)!;
    try {
      expect(index.has(kind)).toBe(true);
      expectCounts(index, kind, records);
    } finally {
      index.close();
    }
    // Nothing of the import is left behind.
    expect((await readdir(indexDir)).sort()).toEqual([`${kind}.vbi`]);
  });

  it('from the folder of range files (with and without .txt)', async () => {
    const dir = await tempDir();
    const records = corpusRecords(kind, PLANTED, 3000);
    const rangeDir = path.join(dir, 'range');
    const names = await writeRangeFiles(rangeDir, records, { extension: kind === 'sha1' ? '.txt' : '' });
    const indexDir = path.join(dir, 'index');
    const r = await importBreachCorpus(rangeDir, { indexDir, checkpointLines: 2000 });
    expect(r).toMatchObject({ kind, layout: 'prefix-files', entries: records.length, badLines: 0, missingPrefixFiles: 1_048_576 - names.length });
    const index = BreachIndex.open(indexDir)!;
    try {
      expectCounts(index, kind, records);
    } finally {
      index.close();
    }
  });
});

describe('both kinds side by side', () => {
  it('a scan-time status counts each, and a password is looked up in SHA-1 first', async () => {
    const dir = await tempDir();
    const indexDir = path.join(dir, 'index');
    expect(breachIndexStatus(indexDir)).toEqual({ present: false });
    const sha1 = corpusRecords('sha1', [['azerty', 5]], 10);
    const ntlm = corpusRecords('ntlm', [['azerty', 9], ['only-in-ntlm', 3]], 20);
    await writeHibpFile(path.join(dir, 's.txt'), sha1);
    await writeHibpFile(path.join(dir, 'n.txt'), ntlm);
    await importBreachCorpus(path.join(dir, 's.txt'), { indexDir, now: () => new Date('2026-01-02T03:04:05Z') });
    await importBreachCorpus(path.join(dir, 'n.txt'), { indexDir, now: () => new Date('2026-02-03T04:05:06Z') });
    expect(breachIndexStatus(indexDir)).toEqual({ present: true, sha1Entries: sha1.length, ntlmEntries: ntlm.length, importedAt: '2026-02-03T04:05:06.000Z' });
    const index = BreachIndex.open(indexDir)!;
    try {
      expect(index.countPassword('azerty')).toBe(5);
      expect(index.countDigestHex('ntlm', passwordDigest('ntlm', 'only-in-ntlm').toString('hex').toUpperCase())).toBe(3);
    } finally {
      index.close();
    }
  });
});

describe('bad input', () => {
  async function corpusFile(records: CorpusRecord[], name = 'pwned.txt'): Promise<{ dir: string; file: string; indexDir: string }> {
    const dir = await tempDir();
    const file = path.join(dir, name);
    await writeHibpFile(file, records);
    return { dir, file, indexDir: path.join(dir, 'index') };
  }

  it('counts corrupt lines, names where they are without their content, and imports the rest', async () => {
    const records = corpusRecords('sha1', PLANTED, 200);
    const hex = (i: number): string => records[i]!.digest.toString('hex').toUpperCase();
    const inserted: Record<number, string> = {
      10: 'ZZZZ0123456789012345678901234567890123456:12', // not hex
      20: hex(21), // no count
      30: `${hex(31).slice(0, 39)}:4`, // too short
      40: `${hex(40)}:${records[40]!.count}`, // repeated
      50: `${hex(51)}0:1`, // too long for SHA-1
      60: '', // an empty line is not an error
    };
    const lines: string[] = [];
    records.forEach((r, i) => {
      lines.push(`${hex(i)}:${r.count}`);
      if (inserted[i] !== undefined) lines.push(inserted[i]);
    });
    const dir = await tempDir();
    const file = path.join(dir, 'pwned.txt');
    await writeFile(file, lines.join('\r\n'));
    const r = await importBreachCorpus(file, { indexDir: path.join(dir, 'index') });
    expect(r.entries).toBe(records.length);
    expect(r.badLines).toBe(5);
    expect(r.duplicates).toBe(1);
    expect(r.badSamples).toEqual([12, 23, 34, 45, 56].map((line) => ({ file: 'pwned.txt', line })));
    const index = BreachIndex.open(path.join(dir, 'index'))!;
    try {
      expect(index.countPassword('azerty')).toBe(3_053_354);
    } finally {
      index.close();
    }
  });

  it('skips HIBP padding lines (count 0) without calling them bad', async () => {
    const records = corpusRecords('ntlm', PLANTED, 100);
    const padded = records.map((r, i) => (i % 10 === 0 ? { ...r, count: 0 } : r));
    const { file, indexDir } = await corpusFile(padded);
    const r = await importBreachCorpus(file, { indexDir });
    expect(r).toMatchObject({ entries: records.length - 11, padding: 11, badLines: 0 });
  });

  it('stops on an unordered file with the line where the order breaks, and keeps the old index', async () => {
    const good = corpusRecords('sha1', PLANTED, 50);
    const { dir, file, indexDir } = await corpusFile(good);
    await importBreachCorpus(file, { indexDir });
    const before = await readFile(path.join(indexDir, 'sha1.vbi'));
    const shuffled = [...good];
    [shuffled[30], shuffled[31]] = [shuffled[31]!, shuffled[30]!];
    const bad = path.join(dir, 'by-prevalence.txt');
    await writeHibpFile(bad, shuffled);
    const e = await importBreachCorpus(bad, { indexDir }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VigieError);
    expect((e as VigieError).oneLine()).toMatch(/^by-prevalence\.txt, line 32: this hash comes before the previous one — the file is not ordered by hash — .*ordered by hash.*index was not changed/);
    expect((e as VigieError).oneLine()).not.toMatch(/[0-9A-F]{40}/);
    expect((await readFile(path.join(indexDir, 'sha1.vbi'))).equals(before)).toBe(true);
  });

  it('stops on a file cut in the middle of its last line', async () => {
    const { file, indexDir } = await corpusFile(corpusRecords('sha1', PLANTED, 100));
    const size = (await stat(file)).size;
    await truncate(file, size - 30);
    const e = await importBreachCorpus(file, { indexDir }).catch((x: unknown) => x);
    expect((e as VigieError).oneLine()).toMatch(/^pwned\.txt ends in the middle of line 107: the download looks cut short — download it again/);
    expect(existsSync(path.join(indexDir, 'sha1.vbi'))).toBe(false);
  });

  it('stops on a range file cut short, naming it', async () => {
    const dir = await tempDir();
    const records = corpusRecords('ntlm', PLANTED, 40);
    const names = await writeRangeFiles(dir, records);
    const victim = path.join(dir, names[3]!);
    const text = await readFile(victim, 'utf8');
    await writeFile(victim, text.slice(0, text.length - 8));
    const e = await importBreachCorpus(dir, { indexDir: path.join(dir, 'index') }).catch((x: unknown) => x);
    expect((e as VigieError).oneLine()).toContain(`${names[3]} ends in the middle of line 1: the download looks cut short`);
  });

  it('accepts a last line without a newline when it is whole', async () => {
    const records = corpusRecords('sha1', PLANTED, 20);
    const { file, indexDir } = await corpusFile(records);
    await writeFile(file, hibpFileText(records).replace(/\r\n$/, ''));
    expect((await importBreachCorpus(file, { indexDir })).entries).toBe(records.length);
  });

  it('refuses what is not a HIBP download, a missing path, and the other kind when one is asked', async () => {
    const dir = await tempDir();
    const indexDir = path.join(dir, 'index');
    const notHibp = path.join(dir, 'notes.txt');
    await writeFile(notHibp, 'bonjour\nceci est un fichier texte\n');
    await expect(importBreachCorpus(notHibp, { indexDir })).rejects.toThrow(/notes\.txt: not a Have I Been Pwned file/);
    await expect(importBreachCorpus(path.join(dir, 'absent.txt'), { indexDir })).rejects.toThrow(/absent\.txt: no such file or folder/);
    const md5ish = path.join(dir, 'md5.txt');
    await writeFile(md5ish, `${randomBytes(24).toString('hex')}:3\n`);
    await expect(importBreachCorpus(md5ish, { indexDir })).rejects.toThrow(/neither SHA-1 \(40 hex digits\) nor NTLM \(32\)/);
    const ntlm = path.join(dir, 'ntlm.txt');
    await writeHibpFile(ntlm, corpusRecords('ntlm', PLANTED, 3));
    await expect(importBreachCorpus(ntlm, { indexDir, kind: 'sha1' })).rejects.toThrow(/holds NTLM hashes, not SHA-1/);
    await writeFile(path.join(dir, 'README'), 'x');
    await expect(importBreachCorpus(dir, { indexDir })).rejects.toThrow(/no HIBP range file in this folder/);
  });

  it('refuses a damaged index with what to do', async () => {
    const { file, indexDir } = await corpusFile(corpusRecords('sha1', PLANTED, 20));
    await importBreachCorpus(file, { indexDir });
    await appendFile(path.join(indexDir, 'sha1.vbi'), 'xx');
    let e: unknown;
    try {
      openIndexFile(indexDir, 'sha1');
    } catch (x) {
      e = x;
    }
    expect((e as VigieError).oneLine()).toMatch(/sha1\.vbi: the breach index is damaged \(wrong size\) — import the HIBP files again/);
    await writeFile(path.join(indexDir, 'sha1.vbi'), 'not an index');
    expect(() => breachIndexStatus(indexDir)).toThrow(/sha1\.vbi: too short/);
  });
});

describe('resuming and replacing', () => {
  it('an interrupted import continues from its checkpoint and ends with the same index', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'pwned.txt');
    // Read by 8 MB chunks: a 11 MB file stops after its first chunk when asked to on the first progress.
    const big = corpusRecords('sha1', PLANTED, 250_000);
    await writeHibpFile(file, big);
    const indexDir = path.join(dir, 'index');
    const controller = new AbortController();
    const e = await importBreachCorpus(file, { indexDir, signal: controller.signal, onProgress: () => controller.abort() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportInterruptedError);
    expect((e as VigieError).oneLine()).toMatch(/interrupted after [\d,]+ lines — run the same command again to continue/);
    expect(existsSync(path.join(indexDir, 'sha1.vbi'))).toBe(false);
    const r = await importBreachCorpus(file, { indexDir });
    expect(r.resumed).toBe(true);
    expect(r.entries).toBe(big.length);
    expect(r.lines).toBe(big.length);
    const index = BreachIndex.open(indexDir)!;
    try {
      expectCounts(index, 'sha1', big);
    } finally {
      index.close();
    }
  });

  it('an interrupted folder import continues too; --restart starts over; another source starts over and says why', async () => {
    const dir = await tempDir();
    const records = corpusRecords('ntlm', PLANTED, 20_000);
    const rangeDir = path.join(dir, 'range');
    await writeRangeFiles(rangeDir, records);
    const indexDir = path.join(dir, 'index');
    const controller = new AbortController();
    let calls = 0;
    await expect(importBreachCorpus(rangeDir, { indexDir, signal: controller.signal, onProgress: () => void (++calls === 40 && controller.abort()) }))
      .rejects.toBeInstanceOf(ImportInterruptedError);
    const resumed = await importBreachCorpus(rangeDir, { indexDir });
    expect(resumed).toMatchObject({ resumed: true, entries: records.length });

    await expect(importBreachCorpus(rangeDir, { indexDir, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ImportInterruptedError);
    expect(await importBreachCorpus(rangeDir, { indexDir, restart: true })).toMatchObject({ resumed: false, entries: records.length });

    await expect(importBreachCorpus(rangeDir, { indexDir, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ImportInterruptedError);
    const other = path.join(dir, 'other.txt');
    await writeHibpFile(other, records);
    const r = await importBreachCorpus(other, { indexDir });
    expect(r).toMatchObject({ resumed: false, restartedBecause: `the interrupted import read ${rangeDir}`, entries: records.length });
  });

  it('a newer download replaces the index of its kind', async () => {
    const dir = await tempDir();
    const indexDir = path.join(dir, 'index');
    await writeHibpFile(path.join(dir, 'v1.txt'), corpusRecords('sha1', [['azerty', 10], ['retired', 2]], 100));
    await importBreachCorpus(path.join(dir, 'v1.txt'), { indexDir });
    const v2 = corpusRecords('sha1', [['azerty', 11], ['new-leak', 1]], 300);
    await writeHibpFile(path.join(dir, 'v2.txt'), v2);
    await importBreachCorpus(path.join(dir, 'v2.txt'), { indexDir });
    const index = BreachIndex.open(indexDir)!;
    try {
      expect([index.countPassword('azerty'), index.countPassword('retired'), index.countPassword('new-leak')]).toEqual([11, 0, 1]);
      expect(index.files.sha1!.entries).toBe(v2.length);
      expect(index.files.sha1!.header.meta.source).toBe(path.join(dir, 'v2.txt'));
    } finally {
      index.close();
    }
  });
});
