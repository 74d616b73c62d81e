// The import without hashcat: potfiles written the way hashcat writes them (LM halves, --show lines), checked
// against a real scan and export of a generated Samba school.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternLabel } from '../../contract/pattern-labels.ts';
import type { ScanReport } from '../../contract/report.ts';
import { schemeByName } from '../hash/classify.ts';
import { summarize } from '../report/build-report.ts';
import { worstSeverity } from '../report/severity.ts';
import { runScan } from '../scan.ts';
import { generateSchool, writeSchoolLdif, type SyntheticSchool } from '../../testing/synthetic/index.ts';
import { exportHashcat } from './export-hashcat.ts';
import { CRACKED_OFFLINE_PATTERN, importPotfile } from './import-potfile.ts';

const WEAK = new Set(['EMPTY_PASSWORD', 'PERSONAL_INFO_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'COMMON_PASSWORD']);
const lmHalf = (half: string): string => schemeByName('LM').digestHex!(half).slice(0, 16);

let dir: string;
let school: SyntheticSchool;
let report: ScanReport;
let blind: ScanReport;
let idOf: Map<string, string>;
let hashesOf: Map<string, { nt?: string; lm?: string }>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-import-'));
  school = await generateSchool({ seed: 77, accounts: 24, flavour: 'samba3', schemes: ['LM'], weakShare: 0.7 });
  const ldif = path.join(dir, 'school.ldif');
  await writeSchoolLdif(school, ldif);
  report = await runScan({ source: { kind: 'ldif', file: ldif }, depth: 'quick', workers: 1 });
  const accounts = report.accounts.map((a) => {
    const findings = a.findings.filter((f) => !WEAK.has(f.code) && f.code !== 'SHARED_PASSWORD');
    return { ...a, findings, risk: worstSeverity(findings.map((f) => f.severity)) };
  });
  blind = { ...report, accounts, summary: summarize(accounts, report.directoryFindings) };
  await exportHashcat({ report: blind, source: { kind: 'ldif', file: ldif }, outDir: path.join(dir, 'job') });
  const map = JSON.parse(await readFile(path.join(dir, 'job', 'accounts.map.json'), 'utf8')) as { accounts: Record<string, { dn: string }> };
  idOf = new Map(Object.entries(map.accounts).map(([id, a]) => [a.dn, id]));
  hashesOf = new Map();
  for (const [mode, key] of [[1000, 'nt'], [3000, 'lm']] as const) {
    for (const line of (await readFile(path.join(dir, 'job', 'hashcat', `m${mode}.hashes`), 'utf8')).trim().split('\n')) {
      const [id, hash] = line.split(':') as [string, string];
      hashesOf.set(id, { ...hashesOf.get(id), [key]: hash });
    }
  }
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const mapFile = (): string => path.join(dir, 'job', 'accounts.map.json');

describe('importPotfile', () => {
  it('joins cracked LM halves into upper-cased passwords and names their patterns', async () => {
    // An empty password's LM is the constant Windows also writes when it keeps no LM: no proof, left to NT.
    const weak = school.truth.filter((t) => t.planted?.expectedCode && t.schemes.includes('LM') && t.planted.password.length <= 14
      && t.planted.password !== '');
    expect(weak.length).toBeGreaterThan(3);
    const lines = new Set<string>();
    for (const t of weak) {
      const upper = t.planted!.password.toUpperCase();
      for (const half of [upper.slice(0, 7), upper.slice(7)]) lines.add(`${lmHalf(half)}:${half}`);
    }
    await writeFile(path.join(dir, 'lm.pot'), [...lines].join('\n') + '\n');
    const result = await importPotfile({ potfile: path.join(dir, 'lm.pot'), report: blind, mapFile: mapFile() });
    expect(result.cracked).toBe(weak.length);
    for (const t of weak) {
      const a = result.report.accounts.find((x) => x.dn === t.dn)!;
      const f = a.findings.find((x) => WEAK.has(x.code));
      expect(f?.code, t.planted!.description).toBe(t.planted!.expectedCode);
    }
    const weakCounted = Object.entries(result.report.summary.byCode).filter(([c]) => WEAK.has(c)).reduce((n, [, k]) => n + (k ?? 0), 0);
    expect(weakCounted).toBe(weak.length);
    expect(JSON.stringify(result.report)).not.toContain(`"${weak[0]!.planted!.password}"`);
  });

  it('reads `--show --username` NT lines, and calls a password no family makes cracked-offline', async () => {
    const t = school.truth.find((x) => x.planted?.family === 'strong' && idOf.has(x.dn))!;
    const id = idOf.get(t.dn)!;
    await writeFile(path.join(dir, 'show.txt'), `${id}:${hashesOf.get(id)!.nt}:${t.planted!.password}\n`);
    const result = await importPotfile({ potfile: path.join(dir, 'show.txt'), report: blind, mapFile: mapFile() });
    expect({ cracked: result.cracked, newFindings: result.newFindings, unmatched: result.unmatched }).toMatchObject({ cracked: 1, newFindings: 1, unmatched: 1 });
    const f = result.report.accounts.find((x) => x.dn === t.dn)!.findings.find((x) => x.code === 'COMMON_PASSWORD');
    expect(f).toMatchObject({ patternId: CRACKED_OFFLINE_PATTERN });
    expect(f).not.toHaveProperty('pattern');
    expect(patternLabel(f!.patternId!, 'fr')).toBe('trouvé par craquage hors ligne');
    expect(result.report.summary.byCode.COMMON_PASSWORD).toBe((blind.summary.byCode.COMMON_PASSWORD ?? 0) + 1);
  });

  it('keeps a finding the scan already made instead of adding a second one', async () => {
    const found = report.accounts.find((a) => a.findings.some((f) => WEAK.has(f.code)) && idOf.has(a.dn))!;
    const t = school.truth.find((x) => x.dn === found.dn)!;
    const id = idOf.get(found.dn)!;
    await writeFile(path.join(dir, 'again.txt'), `${id}:${hashesOf.get(id)!.nt}:${t.planted!.password}\n`);
    const result = await importPotfile({ potfile: path.join(dir, 'again.txt'), report, mapFile: path.join(dir, 'job', 'accounts.map.json') })
      .catch((e: Error) => e);
    // The map belongs to the export of `blind`, which shares the scan's start time and source: the same scan.
    expect(result).not.toBeInstanceOf(Error);
    const after = (result as Awaited<ReturnType<typeof importPotfile>>).report.accounts.find((a) => a.dn === found.dn)!;
    expect(after.findings.filter((f) => WEAK.has(f.code))).toHaveLength(1);
    expect((result as Awaited<ReturnType<typeof importPotfile>>).newFindings).toBe(0);
  });

  it('groups accounts whose cracked passwords are equal (SHARED_PASSWORD), a group of five a likely default', async () => {
    // hashcat cracked five different stored values to one password (as it would five salted ones), and two others
    // to another: two groups, numbered largest first; the password itself goes nowhere.
    const ids = [...idOf.entries()].filter(([dn]) => blind.accounts.some((a) => a.dn === dn && !a.findings.some((f) => f.code === 'SHARED_PASSWORD')));
    const distinct = ids.filter(([, id], i, all) => all.findIndex(([, other]) => hashesOf.get(other)!.nt === hashesOf.get(id)!.nt) === i);
    expect(distinct.length).toBeGreaterThanOrEqual(7);
    const five = distinct.slice(0, 5);
    const two = distinct.slice(5, 7);
    const lines = [
      ...five.map(([, id]) => `${hashesOf.get(id)!.nt}:Bienvenue-Lycee-2026`),
      ...two.map(([, id]) => `${hashesOf.get(id)!.nt}:kq8#Vt2!mzW9`),
    ];
    await writeFile(path.join(dir, 'shared.pot'), lines.join('\n') + '\n');
    const result = await importPotfile({ potfile: path.join(dir, 'shared.pot'), report: blind, mapFile: mapFile() });
    const shared = (dn: string) => result.report.accounts.find((a) => a.dn === dn)!.findings.find((f) => f.code === 'SHARED_PASSWORD');
    for (const [dn] of five) expect(shared(dn)).toMatchObject({ groupId: 1, groupSize: 5, likelyDefault: true });
    for (const [dn] of two) {
      expect(shared(dn)).toMatchObject({ groupId: 2, groupSize: 2 });
      expect(shared(dn)?.likelyDefault).toBeUndefined();
    }
    expect(result.report.summary.byCode.SHARED_PASSWORD).toBe(7);
    const text = JSON.stringify(result.report);
    expect(text).not.toContain('Bienvenue-Lycee-2026');
    expect(text).not.toContain('kq8#Vt2!mzW9');
  });

  it('refuses a map made for another report, in one line', async () => {
    const other = { ...blind, startedAt: '2020-01-01T00:00:00.000Z' };
    await writeFile(path.join(dir, 'empty.pot'), '');
    await expect(importPotfile({ potfile: path.join(dir, 'empty.pot'), report: other, mapFile: mapFile() }))
      .rejects.toThrow(/was made for another report/);
  });

  it('says so when the map or the potfile is missing', async () => {
    await expect(importPotfile({ potfile: path.join(dir, 'empty.pot'), report: blind, mapFile: path.join(dir, 'nope.json') }))
      .rejects.toThrow(/^no account map at /);
    await expect(importPotfile({ potfile: path.join(dir, 'nope.pot'), report: blind, mapFile: mapFile() }))
      .rejects.toThrow(/^no potfile at /);
  });
});
