// Where the bind password comes from: a file, the VIGIE_BIND_PASSWORD variable, or a prompt on the terminal.
// Never from the command line, where every user of the machine could read it in the process list.
import { CancelledError } from '../engine/errors.ts';
import { UsageError } from './usage-error.ts';
import { readUserText } from './user-file.ts';

export interface PasswordSources {
  file?: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Ctrl-C: stops reading the file (a FIFO nobody writes to, say). */
  signal: AbortSignal;
}

export async function bindPassword(src: PasswordSources): Promise<string> {
  if (src.file) {
    let text: string;
    try {
      text = await readUserText(src.file, src.signal);
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read the password file ${src.file} (${code ?? 'error'})`);
    }
    // A file written by `echo` ends with a newline that is not part of the password.
    return text.replace(/\r?\n$/, '');
  }
  const fromEnv = src.env.VIGIE_BIND_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!src.stdin.isTTY) {
    throw new UsageError('no bind password: give --password-file FILE or set VIGIE_BIND_PASSWORD (no terminal to ask on)');
  }
  return promptHidden('Mot de passe de liaison (bind) : ', src.stdin, src.stderr);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string, stdin: NodeJS.ReadStream, out: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    out.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let answer = '';
    const finish = (err?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      out.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CancelledError());
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    stdin.on('data', onData);
  });
}
