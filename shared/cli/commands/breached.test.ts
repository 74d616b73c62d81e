// `vigie breached`: import and status through the real command line; every mistake a user can make is one
// line and a non-zero exit.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusRecords, hibpFileText, writeHibpFile } from '../../engine/breached/hibp-corpus.ts';
import { runCliInProcess } from '../test-io.ts';

const vigie = runCliInProcess;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-cli-breached-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vigie breached', () => {
  it('status says there is no index yet, in the app-data folder by default', async () => {
    const r = await vigie(['breached', 'status'], { VIGIE_DATA_DIR: path.join(dir, 'data') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Aucun index des mots de passe divulgués dans ${path.join(dir, 'data', 'breached')}`);
  });

  it('imports a file with progress on stderr, and status describes the index', async () => {
    const file = path.join(dir, 'pwned.txt');
    const records = corpusRecords('sha1', [['azerty', 3_000_000]], 2000);
    const lines = hibpFileText(records).split('\r\n');
    lines.splice(5, 0, 'pas une ligne HIBP');
    await writeFile(file, lines.join('\r\n'));
    const env = { VIGIE_DATA_DIR: path.join(dir, 'data') };
    const r = await vigie(['breached', 'import', file, '--lang', 'en'], env);
    expect(r.stderr).toMatch(/^SHA-1 import 100% · 2,002 lines · [\d,]+ lines\/s\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SHA-1 index ready: 2,00\d hashes, [\d.]+ MB — .*sha1\.vbi\n1 unreadable lines skipped \(pwned\.txt line 6\)\.\n$/);
    const status = await vigie(['breached', 'status', '--lang', 'en'], env);
    expect(status.stdout).toMatch(/SHA-1: 2,00\d hashes, imported 20\d\d-.* from .*pwned\.txt\n {2}NTLM: none\n/);
    const progress = await vigie(['breached', 'import', file, '--index', path.join(dir, 'other')], env);
    expect(progress.stderr).toMatch(/^SHA-1 import 100% · 2\s00\d lignes/mu);
  });

  it('a scan without an index says breached passwords were not checked', async () => {
    const ldif = new URL('../../../demo/ecole-demo.ldif', import.meta.url).pathname;
    const r = await vigie(['scan', '--ldif', ldif, '--depth', 'quick', '--quiet', '--workers', '1', '--breach-index', path.join(dir, 'nowhere')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mots de passe divulgués : non vérifiés (aucun index ; vigie breached import pour en créer un).');
  });

  it('explains every mistake in one line', async () => {
    const cases: [string[], RegExp, number][] = [
      [['breached'], /^vigie: say what to do: import FILE\|DIR, or status \(see vigie --help\)\n$/, 2],
      [['breached', 'delete'], /^vigie: unknown action 'delete' \(import or status\)/, 2],
      [['breached', 'import'], /^vigie: import needs the HIBP file or folder/, 2],
      [['breached', 'import', 'a', 'b'], /^vigie: unexpected argument 'b'/, 2],
      [['breached', 'import', 'a', '--kind', 'md5'], /^vigie: --kind must be one of sha1, ntlm \(got 'md5'\)/, 2],
      [['breached', 'status', '--restart'], /^vigie: --restart goes with import, not status/, 2],
      [['breached', 'import', path.join(dir, 'missing.txt'), '--index', path.join(dir, 'i')], /^vigie: .*missing\.txt: no such file or folder\n$/, 1],
    ];
    for (const [args, message, code] of cases) {
      const r = await vigie(args);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.code, args.join(' ')).toBe(code);
    }
  });

  it('a cut download is one line, and says the index was not changed', async () => {
    const file = path.join(dir, 'cut.txt');
    await writeHibpFile(file, corpusRecords('ntlm', [], 50));
    const text = hibpFileText(corpusRecords('ntlm', [], 50));
    await writeFile(file, text.slice(0, text.length - 10));
    const r = await vigie(['breached', 'import', file, '--index', path.join(dir, 'cut-index'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vigie: cut\.txt ends in the middle of line 50: the download looks cut short — .*the index was not changed\n$/);
  });
});
