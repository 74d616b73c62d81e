// Files the services keep under the data dir are written next to their final name, then renamed:
// a reader (or a crash) never sees half a file. Every temp file or folder on its way to its final name is
// known here, so a process stopped at once (a second Ctrl-C) removes them before it exits: never a `.tmp` left.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VigieError } from '../engine/errors.ts';

/** A hidden name beside `file` for what will become it: `.NAME.PID.RANDOM.tmp`. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temp files and folders not yet renamed to their final name (temp -> final). */
const pending = new Map<string, string>();

/**
 * Registers `tmp` (a file or a folder) as on its way to `final`, until the returned function is called (after the
 * rename, or after removing it). `removePendingTempsSync` removes whatever is still registered.
 */
export function trackTemp(tmp: string, final: string): () => void {
  pending.set(tmp, final);
  return () => {
    pending.delete(tmp);
  };
}

/**
 * For a process about to exit at once (Ctrl-C): removes every temp file or folder still pending, synchronously,
 * and returns the final names they were meant for (those were not written, or were left as they were).
 */
export function removePendingTempsSync(): string[] {
  const finals: string[] = [];
  for (const [tmp, final] of pending) {
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Best effort: the process is exiting; nothing better to do with an error here.
    }
    finals.push(final);
  }
  pending.clear();
  return finals;
}

export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = tempNameFor(file);
  const done = trackTemp(tmp, file);
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(tmp, content, { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new VigieError(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'CANNOT_WRITE', params: { file } });
  } finally {
    done();
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
    throw new VigieError(`cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'CANNOT_WRITE', params: { file } });
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
    throw new VigieError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'FILE_UNREADABLE', params: { file } });
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new VigieError(`${file} is damaged (not JSON)`, 'move it aside and Vigie will start a new one', { code: 'DAMAGED_FILE', params: { file } });
  }
}
