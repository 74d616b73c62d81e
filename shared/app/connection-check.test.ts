// Issue #13 §7: « Tester la connexion » on an LDIF source checks the file, and says why it cannot be scanned.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ldifFileProblemOf, type ConnectionCheck } from '../contract/api.ts';
import { checkConnection } from './connection-check.ts';
import { DEMO_LDIF, useTempDataDirs } from './test-data-dir.ts';

const tempDir = useTempDataDirs();
const ldif = (file: string) => checkConnection({ kind: 'ldif', file });
/** What the page reads of a failed check: the problem its code says, and the line in its names. */
const said = (check: ConnectionCheck) => ({
  ok: check.ok, problem: check.error && ldifFileProblemOf(check.error.code), line: check.error?.params.line,
});

const TWO_ENTRIES = [
  'version: 1',
  '',
  'dn: uid=a,ou=people,dc=test',
  'uid: a',
  'userPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '',
  'dn: uid=b,ou=people,dc=test',
  'uid: b',
  '',
].join('\n');

describe('checkConnection on an LDIF source', () => {
  it('reads the file through and counts its entries and those with a stored password, never a transport', async () => {
    const file = path.join(await tempDir(), 'export.ldif');
    await writeFile(file, TWO_ENTRIES);
    const check = await ldif(file);
    expect(check).toEqual({ ok: true, file: { bytes: Buffer.byteLength(TWO_ENTRIES), entries: 2, withPassword: 1 } });
    expect(JSON.stringify(check)).not.toContain('SSHA');
  });

  it('reads the demo school', async () => {
    const check = await ldif(DEMO_LDIF);
    expect(check.ok).toBe(true);
    expect(check.file!.withPassword).toBeGreaterThan(100);
  });

  it('says a missing file, a folder, an empty file, gzip and text that is not LDIF apart', async () => {
    const dir = await tempDir();
    expect(said(await ldif(path.join(dir, 'nope.ldif')))).toEqual({ ok: false, problem: 'missing', line: undefined });
    await mkdir(path.join(dir, 'folder.ldif'));
    expect(said(await ldif(path.join(dir, 'folder.ldif')))).toMatchObject({ ok: false, problem: 'notAFile' });
    await writeFile(path.join(dir, 'empty.ldif'), '');
    expect(said(await ldif(path.join(dir, 'empty.ldif')))).toMatchObject({ ok: false, problem: 'empty' });
    await writeFile(path.join(dir, 'comments.ldif'), '# nothing here\n\n');
    expect(said(await ldif(path.join(dir, 'comments.ldif')))).toMatchObject({ ok: false, problem: 'empty' });
    await writeFile(path.join(dir, 'export.ldif.gz'), gzipSync(TWO_ENTRIES));
    expect(said(await ldif(path.join(dir, 'export.ldif.gz')))).toEqual({ ok: false, problem: 'compressed', line: '1' });
    await writeFile(path.join(dir, 'notes.txt'), 'dn: uid=a,dc=test\nuid: a\nthis line is prose, not LDIF\n');
    const prose = await ldif(path.join(dir, 'notes.txt'));
    expect(said(prose)).toEqual({ ok: false, problem: 'notLdif', line: '3' });
    // The code and its names say it all: no field beside them says it again.
    expect(Object.keys(prose).sort()).toEqual(['error', 'ok']);
    expect(prose.error).toMatchObject({ code: 'LDIF_INVALID', params: { line: '3' }, message: expect.stringMatching(/line 3/) as unknown as string });
  });

  it.skipIf(process.getuid?.() === 0)('says a file it may not read', async () => {
    const file = path.join(await tempDir(), 'locked.ldif');
    await writeFile(file, TWO_ENTRIES);
    await chmod(file, 0o000);
    expect(said(await ldif(file))).toMatchObject({ ok: false, problem: 'unreadable' });
  });
});
