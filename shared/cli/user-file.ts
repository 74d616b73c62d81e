// Reading a file the user named (a password file, a report) so that Ctrl-C always gets through. A plain
// readFile of a FIFO blocks one of libuv's threads in open() until someone writes to it, and then nothing,
// not even process.exit, can end the process. Here the file is opened non-blocking; a FIFO or a socket is read
// through the event loop (no thread waits on it), a terminal as a terminal, and anything else in chunks with
// the signal checked between them.
import { closeSync, constants, fstat, open, read, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import { isatty, ReadStream } from 'node:tty';
import { promisify } from 'node:util';
import { CancelledError } from '../engine/errors.ts';

const openAsync = promisify(open);
const fstatAsync = promisify(fstat) as (fd: number) => Promise<Stats>;
const readAsync = promisify(read);

/** O_NONBLOCK where the platform has it: opening a FIFO then returns at once, writer or not. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/**
 * The bytes of `file`. Rejects with CancelledError as soon as `signal` aborts, whatever the file is; other errors
 * are the file system's own (an errno `code`), for the caller to word.
 */
export async function readUserFile(file: string, signal: AbortSignal): Promise<Buffer> {
  if (signal.aborted) throw new CancelledError();
  const fd = await openAsync(file, OPEN_FLAGS);
  if (signal.aborted) {
    closeSync(fd);
    throw new CancelledError();
  }
  let stats: Stats;
  try {
    stats = await fstatAsync(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (stats.isFIFO() || stats.isSocket()) return readStream(new Socket({ fd, readable: true, writable: false }), signal);
  if (stats.isCharacterDevice() && isatty(fd)) return readStream(new ReadStream(fd), signal);
  try {
    return await readChunks(fd, signal);
  } finally {
    closeSync(fd);
  }
}

/** The whole stream (it owns and closes the descriptor), or CancelledError when the signal aborts first. */
function readStream(stream: NodeJS.ReadableStream & { destroy(): void }, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = (): void => {
      stream.destroy();
      reject(new CancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => {
      settle();
      stream.destroy();
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (e: Error) => {
      settle();
      stream.destroy();
      reject(e);
    });
  });
}

/** A regular file (or a device that answers at once), a chunk at a time. */
async function readChunks(fd: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (;;) {
    if (signal.aborted) throw new CancelledError();
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytesRead: number;
    try {
      ({ bytesRead } = await readAsync(fd, buffer, 0, CHUNK, null));
    } catch (e) {
      // A non-blocking device with nothing to give yet: not a file to read.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') throw Object.assign(new Error('not a readable file'), { code: 'EAGAIN' });
      throw e;
    }
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
  }
  if (signal.aborted) throw new CancelledError();
  return Buffer.concat(chunks);
}

/** The text of `file` as UTF-8 (see readUserFile). */
export async function readUserText(file: string, signal: AbortSignal): Promise<string> {
  return (await readUserFile(file, signal)).toString('utf8');
}
