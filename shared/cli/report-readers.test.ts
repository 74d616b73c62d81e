// Issue #14 §3: one schema for a report, and every reader uses it. A real scan's report reads back as it was
// written; a broken one is refused by each reader (the CLI's --compare and --report, `vigie plan`, the export and
// the import, the app's history) in one line that names the wrong field. The account map and the breach import's
// checkpoint are checked too.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../contract/report.ts';
import { parseScanReport } from '../contract/report-schema.ts';
import { HistoryStore } from '../app/history-store.ts';
import { readReportFile } from './report-file.ts';
import { importBreachCorpus, ImportInterruptedError } from '../engine/breached/import-corpus.ts';
import { corpusRecords, writeRangeFiles } from '../engine/breached/hibp-corpus.ts';
import { VigieError } from '../engine/errors.ts';
import { readAccountMap } from '../engine/export/account-map.ts';
import { exportHashcat } from '../engine/export/export-hashcat.ts';
import { readPlanReport } from '../engine/migration/report-input.ts';
import { runScan } from '../engine/scan.ts';
import { generateSchool, writeSchoolLdif } from '../testing/synthetic/index.ts';
import { readReport, reportOf } from '../engine/report/read-report.ts';

let dir: string;
let report: ScanReport;
let ldif: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-report-schema-'));
  const school = await generateSchool({ seed: 14, accounts: 30, flavour: 'samba3', schemes: ['LM'], weakShare: 0.7 });
  ldif = path.join(dir, 'school.ldif');
  await writeSchoolLdif(school, ldif);
  report = await runScan({ source: { kind: 'ldif', file: ldif }, depth: 'quick', workers: 1 });
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a report's JSON, damaged on purpose
type Json = any;

/** A copy of the report's JSON with one change made by `damage`. */
function broken(damage: (r: Json) => void): unknown {
  const r = JSON.parse(JSON.stringify(report)) as Json;
  damage(r);
  return r;
}

const BROKEN: [string, () => unknown, RegExp][] = [
  ['an unknown finding code', () => broken((r) => { r.accounts[0].findings = [{ code: 'NOPE', severity: 'high' }]; }),
    /is not a Vigie report \(schemaVersion 2\): accounts\.0\.findings\.0\.code: /],
  ['a missing summary', () => broken((r) => { delete r.summary; }), /is not a Vigie report \(schemaVersion 2\): summary: /],
  ['a count given as text', () => broken((r) => { r.summary.accounts = '30'; }), /summary\.accounts: .*number/],
  ['another tool', () => broken((r) => { r.tool.name = 'other'; }), /: tool\.name: /],
  ['a later version', () => broken((r) => { r.schemaVersion = 99; }), /has report schema version 99; this Vigie reads versions 1 and 2/],
  ['a JSON array', () => [], /is not a Vigie report \(schemaVersion 2\): the top level: /],
];

describe('the report schema', () => {
  it('reads a real scan\'s report back as it was written', () => {
    expect(report.accounts.length).toBe(30);
    expect(report.accounts.some((a) => a.findings.length > 0)).toBe(true);
    const json: unknown = JSON.parse(JSON.stringify(report));
    expect(reportOf(json, 'r.json')).toEqual(json);
  });

  it('is version 2 and still reads version 1, with its French labels', () => {
    expect(report.schemaVersion).toBe(2);
    const v1 = broken((r) => {
      r.schemaVersion = 1;
      const f = r.accounts.flatMap((a: Json) => a.findings).find((x: Json) => x.patternId !== undefined);
      f.pattern = 'nom + année';
      r.directoryFindings.push({ code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', detail: 'x', profile: 'student',
        shape: 'surname+year|upper|', shapeLabel: { fr: 'nom + année — MAJUSCULES', en: 'surname + year — UPPER CASE' }, accounts: 3, share: 0.5 });
    });
    expect(reportOf(v1, 'v1.json')).toEqual(v1);
  });

  it('drops fields a newer Vigie adds, and refuses none for it', () => {
    const parsed = parseScanReport(broken((r) => { r.future = 1; r.accounts[0].future = 2; }));
    expect(parsed.problem).toBeUndefined();
    expect(parsed.report).not.toHaveProperty('future');
    expect(parsed.report!.accounts[0]).not.toHaveProperty('future');
  });

  it('keeps why a scan was partial by code, and drops a code only a newer Vigie knows (its English line stays)', () => {
    const partial = (code: string): unknown => broken((r) => {
      r.partial = true;
      r.partialReason = 'The directory stopped answering after 3 entries.';
      r.partialError = { code, params: { server: 'annuaire:389', entries: '3' } };
    });
    expect(parseScanReport(partial('LDAP_CONNECTION_LOST')).report?.partialError).toEqual({ code: 'LDAP_CONNECTION_LOST', params: { server: 'annuaire:389', entries: '3' } });
    const newer = parseScanReport(partial('SOMETHING_NEW'));
    expect(newer.problem).toBeUndefined();
    expect(newer.report?.partialError).toBeUndefined();
    expect(newer.report?.partialReason).toBe('The directory stopped answering after 3 entries.');
  });

  it.each(BROKEN)('refuses %s in one line', (_name, json, message) => {
    const parsed = parseScanReport(json());
    expect(parsed.problem).toMatch(message);
    expect(parsed.problem).not.toContain('\n');
  });
});

describe('every reader of a report refuses a broken one in one line', () => {
  const readers: [string, (file: string, name: string) => Promise<unknown>][] = [
    ['readReport (export hashcat, import potfile)', (file) => readReport(file)],
    ['the CLI (--compare, --report)', (file) => readReportFile(file, new AbortController().signal)],
    ['vigie plan', (file) => readPlanReport(file)],
    ['the app\'s history', async (file, name) => {
      const history = new HistoryStore(path.join(dir, `data-${name}`));
      await mkdir(history.folder, { recursive: true });
      await writeFile(history.reportFile('r1'), await readFile(file));
      return history.get('r1');
    }],
  ];
  for (const [reader, read] of readers) {
    it(reader, async () => {
      let n = 0;
      for (const [name, json, message] of BROKEN) {
        const file = path.join(dir, `broken-${n++}.json`);
        await writeFile(file, JSON.stringify(json()));
        const e = await read(file, `${n}`).catch((x: unknown) => x);
        expect(e, name).toBeInstanceOf(VigieError);
        expect((e as VigieError).oneLine(), name).toMatch(message);
        expect((e as VigieError).oneLine(), name).not.toContain('\n');
      }
      const good = path.join(dir, 'good.json');
      await writeFile(good, JSON.stringify(report));
      expect(await read(good, 'good')).toEqual(JSON.parse(JSON.stringify(report)));
    });
  }
});

describe('the files that go with a report', () => {
  it('an account map with a wrong field is refused in one line that names it', async () => {
    const out = path.join(dir, 'job');
    await exportHashcat({ report, source: { kind: 'ldif', file: ldif }, outDir: out });
    const mapFile = path.join(out, 'accounts.map.json');
    expect(Object.keys((await readAccountMap(mapFile)).accounts).length).toBeGreaterThan(0);
    const map = JSON.parse(await readFile(mapFile, 'utf8')) as { accounts: Record<string, { surnames: unknown }> };
    const [id] = Object.keys(map.accounts);
    map.accounts[id!]!.surnames = 'Dupont';
    const damaged = path.join(dir, 'damaged.map.json');
    await writeFile(damaged, JSON.stringify(map));
    const e = await readAccountMap(damaged).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VigieError);
    expect((e as VigieError).oneLine()).toMatch(new RegExp(`is not a Vigie account map: accounts\\.${id}\\.surnames: `));
    expect((e as VigieError).oneLine()).not.toContain('\n');
  });

  it('a damaged breach-import checkpoint is not resumed from: the import starts over and ends whole', async () => {
    const records = corpusRecords('ntlm', [['azerty', 3]], 20_000);
    const rangeDir = path.join(dir, 'range');
    await writeRangeFiles(rangeDir, records);
    const indexDir = path.join(dir, 'index');
    const controller = new AbortController();
    let calls = 0;
    await expect(importBreachCorpus(rangeDir, { indexDir, signal: controller.signal, onProgress: () => void (++calls === 40 && controller.abort()) }))
      .rejects.toBeInstanceOf(ImportInterruptedError);
    const checkpoint = path.join(indexDir, '.import-ntlm', 'checkpoint.json');
    const cp = JSON.parse(await readFile(checkpoint, 'utf8')) as { position: unknown };
    cp.position = 'halfway';
    await writeFile(checkpoint, JSON.stringify(cp));
    expect(await importBreachCorpus(rangeDir, { indexDir })).toMatchObject({ resumed: false, entries: records.length });
    expect(await readdir(indexDir)).toEqual(['ntlm.vbi']);
  });
});
