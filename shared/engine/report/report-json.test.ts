import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountReport, ScanReport } from '../../contract/report.ts';
import { buildReport } from './build-report.ts';
import { reportJsonChunks, writeReportJson } from './report-json.ts';

function report(accounts: number, partialReason?: string): ScanReport {
  return buildReport({
    source: { kind: 'ldif', location: 'école.ldif', flavour: 'se3', flavourDetected: true, depth: 'quick', schoolWords: 3 },
    startedAt: new Date('2025-01-02T03:04:05Z'),
    finishedAt: new Date('2025-01-02T03:05:06Z'),
    directoryFindings: [{ code: 'NO_PASSWORD_POLICY', severity: 'medium', detail: 'aucune politique — l’annuaire' }],
    ...(partialReason !== undefined ? { partialReason } : {}),
    accounts: Array.from({ length: accounts }, (_, i) => ({
      account: {
        dn: `uid=élève${i},ou=Personnes,dc=lycée`, login: `élève${i}`, surnames: ['Lefèvre'], givenNames: ['Zoé'],
        birthDate: null, profile: i % 7 === 0 ? 'teacher' as const : 'student' as const, classes: i % 2 ? ['2NDE1'] : [], passwords: [],
      },
      storedSchemes: [{ scheme: 'BCRYPT' as const, attribute: 'userpassword', params: { cost: 8 } }, { scheme: 'NT' as const, attribute: 'sambantpassword' }],
      hashScheme: 'NT' as const,
      findings: i % 3 ? [] : [
        { code: 'LEGACY_HASH' as const, severity: 'medium' as const, scheme: 'NT' as const, detail: 'stockage obsolète : NT' },
        { code: 'PERSONAL_INFO_PASSWORD' as const, severity: 'high' as const, family: 'personal' as const, pattern: 'nom + année', patternId: 'surname+year', strength: 0 },
      ],
      unchecked: i === 4,
    })),
  });
}

describe('reportJsonChunks', () => {
  it('gives the bytes JSON.stringify gives, for any number of accounts and chunk size', () => {
    for (const n of [0, 1, 2, 5, 300]) {
      for (const size of [1, 3, 256]) {
        const r = report(n, n === 2 ? 'the directory stopped answering' : undefined);
        expect([...reportJsonChunks(r, size)].join('')).toBe(JSON.stringify(r, null, 2) + '\n');
      }
    }
  });

  it('keeps the accounts in pieces rather than one text', () => {
    const chunks = [...reportJsonChunks(report(1000), 256)];
    expect(chunks.length).toBe(1 + 4 + 1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(JSON.stringify(report(1000), null, 2).length / 3);
  });

  it('writes a report whose accounts are not its last key the plain way', () => {
    const r = report(3);
    const { accounts, ...rest } = r;
    const reordered = { accounts, ...rest } as ScanReport & { accounts: AccountReport[] };
    expect([...reportJsonChunks(reordered)].join('')).toBe(JSON.stringify(reordered, null, 2) + '\n');
  });
});

describe('writeReportJson', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-report-json-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the report readable by its owner only', async () => {
    const r = report(700);
    const file = path.join(dir, 'report.json');
    await writeReportJson(file, r);
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(r, null, 2) + '\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails with the file system error when the folder does not exist', async () => {
    await expect(writeReportJson(path.join(dir, 'missing', 'report.json'), report(1))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
