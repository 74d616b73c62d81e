// The real `vigie` command as a child process (bin/vigie.mjs), for tests that send it signals: its output as it
// comes, a promise per awaited line, and its exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const VIGIE = fileURLToPath(new URL('../../bin/vigie.mjs', import.meta.url));

export interface VigieExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface VigieProcess {
  child: ChildProcess;
  /** Sends SIGINT (Ctrl-C) `times` times and resolves with the exit and the milliseconds from the first to the exit. */
  interrupt(times?: number): Promise<VigieExit & { afterMs: number }>;
  /** Resolves with the output so far once `pattern` appears on the stream; rejects if vigie exits first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<string>;
  exit: Promise<VigieExit>;
}

export function startVigie(args: string[]): VigieProcess {
  const child = spawn(process.execPath, [VIGIE, ...args], {
    env: { ...process.env, VIGIE_DEBUG: '', VIGIE_BIND_PASSWORD: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = { stdout: '', stderr: '' };
  const watchers: { stream: 'stdout' | 'stderr'; pattern: RegExp; resolve: (s: string) => void; reject: (e: Error) => void }[] = [];
  const check = (): void => {
    for (const w of [...watchers]) {
      if (w.pattern.test(text[w.stream])) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(text[w.stream]);
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => { text.stdout += d.toString('utf8'); check(); });
  child.stderr.on('data', (d: Buffer) => { text.stderr += d.toString('utf8'); check(); });
  const exit = new Promise<VigieExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const result = { code, signal, ...text };
      for (const w of watchers.splice(0)) w.reject(new Error(`vigie exited (${code ?? signal}) before ${w.stream} matched ${w.pattern}: ${JSON.stringify(result)}`));
      resolve(result);
    });
  });
  return {
    child,
    exit,
    async interrupt(times = 1) {
      const sent = performance.now();
      for (let i = 0; i < times; i++) child.kill('SIGINT');
      const result = await exit;
      return { ...result, afterMs: performance.now() - sent };
    },
    waitFor(stream, pattern) {
      return new Promise((resolve, reject) => {
        watchers.push({ stream, pattern, resolve, reject });
        check();
      });
    },
  };
}

export function runVigie(args: string[]): Promise<VigieExit> {
  return startVigie(args).exit;
}

/** Splits a command line vigie printed (words, single-quoted words) back into its arguments. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of line.matchAll(re)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  return words;
}
