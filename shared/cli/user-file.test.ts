// readUserFile: a file the user named, read so that Ctrl-C (the signal) always gets through, FIFOs included.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../engine/errors.ts';
import { readUserFile, readUserText } from './user-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-user-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fifo = (name: string): string => {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
};
const never = new AbortController().signal;

/**
 * A writer end of the FIFO that writes nothing. Opening it without blocking fails (ENXIO) until the reader has
 * opened its end, which readUserFile does asynchronously: try again until it has, for a few seconds at most.
 */
async function openWriter(file: string): Promise<number> {
  for (let tries = 0; ; tries++) {
    try {
      return openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || tries >= 500) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

describe('readUserFile', () => {
  it('reads a file whole, bytes as they are', async () => {
    const file = path.join(dir, 'big.bin');
    const bytes = Buffer.alloc(300_000, 0xe9);
    await writeFile(file, bytes);
    expect((await readUserFile(file, never)).equals(bytes)).toBe(true);
    expect(await readUserText('/dev/null', never)).toBe('');
  });

  it('gives the file system error with its code: missing, a folder', async () => {
    await expect(readUserFile(path.join(dir, 'absent'), never)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readUserFile(dir, never)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reads a FIFO once a writer comes, up to its end', async () => {
    const file = fifo('written');
    const reading = readUserText(file, never);
    await writeFile(file, 'secret\n');
    expect(await reading).toBe('secret\n');
  });

  it.each([
    ['nobody writes to it', false],
    ['its writer says nothing', true],
  ])('stops at once with CancelledError when the signal aborts and %s', async (_, writer) => {
    const file = fifo(`wait-${String(writer)}`);
    const controller = new AbortController();
    const reading = readUserFile(file, controller.signal);
    const fd = writer ? await openWriter(file) : undefined;
    try {
      const settled = reading.then(() => 'read', () => 'failed');
      // Still waiting: nothing to read yet.
      expect(await Promise.race([settled, new Promise((r) => setTimeout(() => r('waiting'), 100))])).toBe('waiting');
      controller.abort();
      await expect(reading).rejects.toBeInstanceOf(CancelledError);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  });

  it('does not open anything when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readUserFile(path.join(dir, 'absent'), controller.signal)).rejects.toBeInstanceOf(CancelledError);
  });
});
