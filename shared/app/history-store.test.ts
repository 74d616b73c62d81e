// Issue #13 §2: a history entry says when, which source, at what depth and whether it was graded.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../contract/api.ts';
import type { ScanReport } from '../contract/report.ts';
import { VigieError } from '../engine/errors.ts';
import { HistoryStore } from './history-store.ts';
import { useTempDataDirs } from './test-data-dir.ts';

const tempDir = useTempDataDirs();

function report(overrides: { depth?: ScanReport['source']['depth']; kind?: 'ldap' | 'ldif'; graded?: boolean } = {}): ScanReport {
  const summary: ScanReport['summary'] & { graded?: boolean } = {
    accounts: 2, withFindings: 1, byCode: { COMMON_PASSWORD: 1 }, bySeverity: { critical: 0, high: 1, medium: 0, low: 0 },
    byScheme: { SSHA: 2 }, byProfile: {}, sharedGroups: [], score: 72, grade: 'C',
    ...(overrides.graded !== undefined ? { graded: overrides.graded } : {}),
  };
  return {
    schemaVersion: 1,
    tool: { name: 'vigie', version: '0.1.0' },
    source: {
      kind: overrides.kind ?? 'ldap', location: overrides.kind === 'ldif' ? '/tmp/ecole.ldif' : 'ldap://annuaire.test',
      flavour: 'sdet', flavourDetected: true, depth: overrides.depth ?? 'quick', schoolWords: 3,
    },
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:01:00.000Z',
    partial: false,
    directoryFindings: [],
    summary,
    accounts: [],
  };
}

describe('HistoryStore entries', () => {
  it('keep the depth, the source and its kind, and the finishing time', async () => {
    const history = new HistoryStore(await tempDir());
    const entry = await history.save(report({ depth: 'deep' }), { label: 'Collège A', profileId: 'p1' });
    expect(entry).toMatchObject({
      label: 'Collège A', profileId: 'p1', source: 'ldap://annuaire.test', sourceKind: 'ldap', depth: 'deep',
      finishedAt: '2025-03-01T10:01:00.000Z', grade: 'C', score: 72,
    });
    expect(entry).not.toHaveProperty('graded');
    expect(await history.list()).toEqual([entry]);
  });

  it('say when a scan could not be graded', async () => {
    const history = new HistoryStore(await tempDir());
    const entry = await history.save(report({ kind: 'ldif', graded: false }));
    expect(entry).toMatchObject({ sourceKind: 'ldif', source: '/tmp/ecole.ldif', graded: false });
  });

  it('written before depth existed are completed from their report, once, and saved so', async () => {
    const dir = await tempDir();
    const history = new HistoryStore(dir);
    const saved = await history.save(report({ depth: 'standard', kind: 'ldif' }));
    const entryFile = path.join(history.folder, `${saved.reportId}.entry.json`);
    const { depth: _depth, sourceKind: _kind, ...old } = saved;
    await writeFile(entryFile, JSON.stringify(old));

    const [listed] = await history.list();
    expect(listed).toEqual(saved);
    expect(JSON.parse(await readFile(entryFile, 'utf8')) as HistoryEntry).toEqual(saved);
  });

  it('whose report is gone are listed as they are', async () => {
    const history = new HistoryStore(await tempDir());
    const saved = await history.save(report());
    const { depth: _depth, sourceKind: _kind, ...old } = saved;
    await writeFile(path.join(history.folder, `${saved.reportId}.entry.json`), JSON.stringify(old));
    await writeFile(history.reportFile(saved.reportId), 'not json');
    expect(await history.list()).toEqual([old]);
  });
});

describe('HistoryStore reports', () => {
  it('a damaged report is REPORT_DAMAGED, its line naming the field; an unknown id REPORT_NOT_FOUND', async () => {
    const history = new HistoryStore(await tempDir());
    const saved = await history.save(report());
    const damaged = { ...report(), summary: undefined };
    await writeFile(history.reportFile(saved.reportId), JSON.stringify(damaged));
    const error = await history.get(saved.reportId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).toApiError()).toEqual({
      code: 'REPORT_DAMAGED',
      message: expect.stringMatching(/^report \S+ is not a Vigie report \(schemaVersion 1\): summary: /) as unknown as string,
      params: { file: history.reportFile(saved.reportId) },
    });
    await expect(history.get('20250101T000000-abcd')).rejects.toMatchObject({ code: 'REPORT_NOT_FOUND' });
  });
});
