// Files the services keep under the data dir are written next to their final name, then renamed:
// a reader (or a crash) never sees half a file.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VigieError } from '../engine/errors.ts';

function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = tempNameFor(file);
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(tmp, content, { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new VigieError(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** For callers that must stay synchronous (the keychain-backed secret store). */
export function writeFileAtomicallySync(file: string, content: string | Uint8Array): void {
  const tmp = tempNameFor(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, content, { mode: 0o600 });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new VigieError(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await writeFileAtomically(file, JSON.stringify(value, null, 2) + '\n');
}

/** The parsed JSON, or `fallback` when the file does not exist yet. */
export async function readJsonFile<T>(file: string, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new VigieError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new VigieError(`${file} is damaged (not JSON)`, 'move it aside and Vigie will start a new one');
  }
}
