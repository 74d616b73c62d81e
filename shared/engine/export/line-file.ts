// A text file written line by line, owner-only (0600) from its creation: every file of an export holds hashes or
// personal words.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { VigieError } from '../errors.ts';

export class LineFile {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  lines = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { mode: 0o600, flags: 'wx' });
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }

  async write(line: string): Promise<void> {
    if (this.failure) throw this.error();
    this.lines++;
    if (!this.stream.write(`${line}\n`)) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error')]);
  }

  async close(): Promise<void> {
    if (!this.failure) await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.error();
  }

  private error(): VigieError {
    const code = (this.failure as NodeJS.ErrnoException | null)?.code;
    return new VigieError(`cannot write ${this.file} (${code ?? 'error'})`, undefined, { code: 'CANNOT_WRITE', params: { file: this.file } });
  }
}
