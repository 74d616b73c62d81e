import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS, type BreachImportProgressEvent } from '../contract/api.ts';
import { parseApiArguments } from './api-call.ts';
import { BreachIndex } from '../engine/breached/breach-index.ts';
import { corpusRecords, writeHibpFile, writeRangeFiles } from '../engine/breached/hibp-corpus.ts';
import { BreachImportService } from './breach-import-service.ts';
import { useTempDataDirs } from './test-data-dir.ts';

const tempDir = useTempDataDirs();

// Invented passwords, planted in a generated corpus: never a real one.
const PLANTED = [['Soleil2024!', 4242], ['college-jaures', 17]] as const;

async function setUp() {
  const root = await tempDir();
  const indexDir = path.join(root, 'data', 'breached');
  const file = path.join(root, 'pwnedpasswords.txt');
  await writeHibpFile(file, corpusRecords('sha1', PLANTED, 2000));
  return { root, indexDir, file, service: new BreachImportService({ indexDir, progressEveryMs: 0 }) };
}

describe('BreachImportService', () => {
  it('says there is no index before an import', async () => {
    const { service } = await setUp();
    expect(await service.status()).toEqual({ present: false });
  });

  it('imports a download, with progress, and the index is present afterwards with its counts', async () => {
    const { service, file, indexDir } = await setUp();
    const events: BreachImportProgressEvent[] = [];
    service.onProgress((e) => events.push(e));
    const { importId } = await service.start({ path: file });
    const outcome = await service.outcome(importId);
    expect(outcome).toMatchObject({ importId, status: 'done', hashKind: 'sha1', entries: 2002, lines: 2002, badLines: 0 });
    expect(outcome.status === 'done' && outcome.index).toMatchObject({ present: true, sha1Entries: 2002 });
    expect(await service.status()).toMatchObject({ present: true, sha1Entries: 2002 });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.importId === importId && e.hashKind === 'sha1')).toBe(true);
    const last = events.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.lines).toBe(2002);
    // What scans will read: the planted passwords with their counts.
    const index = BreachIndex.open(indexDir)!;
    try {
      expect(index.countPassword('Soleil2024!')).toBe(4242);
      expect(index.countPassword('not-in-the-corpus')).toBe(0);
    } finally {
      index.close();
    }
    // An ended import answers at once.
    expect(await service.outcome(importId)).toEqual(outcome);
  });

  it('imports the folder layout of NTLM range files', async () => {
    const { service, root } = await setUp();
    const dir = path.join(root, 'ntlm-ranges');
    await writeRangeFiles(dir, corpusRecords('ntlm', PLANTED, 300));
    const { importId } = await service.start({ path: dir });
    expect(await service.outcome(importId)).toMatchObject({ status: 'done', hashKind: 'ntlm', entries: 302, index: { present: true, ntlmEntries: 302 } });
  });

  it('cancels an import: no index, and the same download imports afterwards', async () => {
    const { service, file, indexDir } = await setUp();
    const { importId } = await service.start({ path: file });
    await expect(service.start({ path: file })).rejects.toThrow(/already running/);
    await service.cancel(importId);
    expect(await service.outcome(importId)).toEqual({ importId, status: 'cancelled' });
    expect(await service.status()).toEqual({ present: false });
    expect(existsSync(path.join(indexDir, '.import-sha1', 'checkpoint.json'))).toBe(true);
    const again = await service.start({ path: file });
    expect(await service.outcome(again.importId)).toMatchObject({ status: 'done', entries: 2002 });
  });

  it('refuses a path that does not exist, or is not a full path, in one line with advice', async () => {
    const { service, root } = await setUp();
    const missing = path.join(root, 'nowhere', 'pwned.txt');
    const error = await service.start({ path: missing }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${missing}: no such file or folder`);
    expect(await service.start({ path: 'pwned.txt' }).catch((e: { oneLine(): string }) => e.oneLine()))
      .toBe('pwned.txt: not a full path — give the full path of the file or folder PwnedPasswordsDownloader wrote');
  });

  it('reports a file that is not a HIBP download as a failed outcome in one line, leaving no index', async () => {
    const { service, root } = await setUp();
    const notes = path.join(root, 'notes.txt');
    await writeFile(notes, 'ceci n’est pas un téléchargement HIBP\n'.repeat(50));
    const { importId } = await service.start({ path: notes });
    const outcome = await service.outcome(importId);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/^[^\n]+$/);
    expect(await service.status()).toEqual({ present: false });
  });

  it('answers an unknown import id with a one-line error', async () => {
    const { service } = await setUp();
    await expect(service.outcome('nope')).rejects.toThrow('no import with id nope in this session');
    await expect(service.cancel('nope')).rejects.toThrow('no import with id nope in this session');
  });

  it('spaces progress events out but always sends the last one, with a rate and a time left', async () => {
    const { root } = await setUp();
    let clock = 0;
    const service = new BreachImportService({
      indexDir: path.join(root, 'idx'),
      progressEveryMs: 1000,
      now: () => clock,
      importer: async (_given, options) => {
        for (const done of [10, 20, 30, 40]) {
          clock += 400;
          options.onProgress?.({ kind: 'sha1', done, total: 40, lines: done * 100 });
        }
        throw new Error('stop here\nsecond line');
      },
    });
    const events: BreachImportProgressEvent[] = [];
    service.onProgress((e) => events.push(e));
    await mkdir(path.join(root, 'dl'));
    const { importId } = await service.start({ path: path.join(root, 'dl') });
    expect(await service.outcome(importId)).toEqual({
      importId, status: 'failed',
      error: { code: 'UNEXPECTED', message: 'unexpected error: stop here', params: {} },
    });
    // t=0.4 s (first), 0.8 s skipped, 1.2 s skipped (0.8 s since the last), 1.6 s (the last: always sent).
    expect(events.map((e) => e.done)).toEqual([10, 40]);
    expect(events[0]).toEqual({ importId, hashKind: 'sha1', done: 10, total: 40, lines: 1000, linesPerSecond: 2500 });
    expect(events[1]).toMatchObject({ done: 40, lines: 4000, linesPerSecond: 2500, etaSeconds: 0 });
  });
});

describe('the API schemas of the import', () => {
  it('cover its calls and check their arguments before any service runs', () => {
    expect(API_METHODS).toEqual(expect.arrayContaining(['breachIndexStatus', 'startBreachImport', 'cancelBreachImport', 'breachImportOutcome']));
    expect(parseApiArguments('breachIndexStatus', [])).toEqual([]);
    expect(parseApiArguments('startBreachImport', [{ path: '/data/pwned.txt', extra: 1 }])).toEqual([{ path: '/data/pwned.txt' }]);
    expect(() => parseApiArguments('startBreachImport', [{}])).toThrow(/bad arguments for startBreachImport at 0\.path/);
    expect(() => parseApiArguments('startBreachImport', [{ path: '' }])).toThrow(/bad arguments for startBreachImport/);
    expect(() => parseApiArguments('cancelBreachImport', ['../x'])).toThrow(/bad arguments for cancelBreachImport/);
    expect(() => parseApiArguments('onBreachImportProgress', [])).toThrow("unknown method 'onBreachImportProgress'");
  });
});
