// `vigie export hashcat` and `vigie import potfile`: every mistake a user can make is one line, never a trace.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess, type CliRun } from '../test-io.ts';

const vigie = (args: string[]): Promise<CliRun> => runCliInProcess(args);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-export-cli-'));
  await writeFile(path.join(dir, 'notreport.json'), JSON.stringify({ hello: 'world' }));
  await writeFile(path.join(dir, 'v3.json'), JSON.stringify({ schemaVersion: 3, tool: { name: 'vigie', version: '9' } }));
  await writeFile(path.join(dir, 'broken.json'), '{');
  await mkdir(path.join(dir, 'full'));
  await writeFile(path.join(dir, 'full', 'x'), 'x');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cases: [string, () => string[], RegExp, number][] = [
  ['no target', () => ['export'], /say what to export/, 2],
  ['unknown target', () => ['export', 'john', '--report', 'r', '--out', 'o'], /unknown export 'john'/, 2],
  ['no report', () => ['export', 'hashcat', '--ldif', 'x', '--out', 'o'], /--report REPORT.json is required/, 2],
  ['no out', () => ['export', 'hashcat', '--report', 'r', '--ldif', 'x'], /--out DIR is required/, 2],
  ['bad depth', () => ['export', 'hashcat', '--report', 'r', '--ldif', 'x', '--out', 'o', '--depth', 'huge'], /--depth must be one of/, 2],
  ['missing report', () => ['export', 'hashcat', '--report', path.join(dir, 'none.json'), '--ldif', 'x', '--out', 'o'], /no report at .*none\.json/, 1],
  ['not a report', () => ['export', 'hashcat', '--report', path.join(dir, 'notreport.json'), '--ldif', 'x', '--out', 'o'], /is not a Vigie report/, 1],
  ['not JSON', () => ['import', 'potfile', 'p', '--report', path.join(dir, 'broken.json'), '--map', 'm'], /is not JSON/, 1],
  ['future report', () => ['import', 'potfile', 'p', '--report', path.join(dir, 'v3.json'), '--map', 'm'], /schema version 3/, 1],
  ['no source', () => ['export', 'hashcat', '--report', path.join(dir, 'notreport.json'), '--out', 'o'], /is not a Vigie report|give the source/, 1],
  ['import without potfile', () => ['import', 'potfile', '--report', 'r', '--map', 'm'], /give the potfile/, 2],
  ['import without map', () => ['import', 'potfile', 'p', '--report', 'r'], /--map .* is required/, 2],
  ['import unknown', () => ['import', 'shadow', 'p'], /unknown import 'shadow'/, 2],
];

describe('export and import: bad input', () => {
  for (const [name, args, message, exit] of cases) {
    it(name, async () => {
      const r = await vigie(args());
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(r.code).toBe(exit);
    });
  }
});
