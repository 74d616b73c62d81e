import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../engine/errors.ts';
import { readJsonFile, writeFileAtomically, writeJsonAtomically } from './atomic-file.ts';
import { useTempDataDirs } from './test-data-dir.ts';

const tempDir = useTempDataDirs();

describe('writeFileAtomically', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'sub', 'a.json');
    await writeJsonAtomically(file, { n: 1 });
    await writeJsonAtomically(file, { n: 2 });
    expect(await readJsonFile(file, null)).toEqual({ n: 2 });
    expect(await readdir(path.dirname(file))).toEqual(['a.json']);
  });

  it('when the rename fails, the temp file is removed and the error is one line', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'taken');
    await mkdir(path.join(target, 'inside'), { recursive: true }); // a non-empty folder cannot be replaced by a file
    const error = await writeFileAtomically(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).oneLine()).toMatch(/^cannot write .*taken \(E[A-Z]+\)$/);
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('reads a missing file as the fallback and a damaged one as a clear error', async () => {
    const dir = await tempDir();
    expect(await readJsonFile(path.join(dir, 'none.json'), 'fallback')).toBe('fallback');
    await writeFileAtomically(path.join(dir, 'bad.json'), '{nope');
    await expect(readJsonFile(path.join(dir, 'bad.json'), null)).rejects.toThrow(/damaged/);
    expect(await readFile(path.join(dir, 'bad.json'), 'utf8')).toBe('{nope');
  });
});
