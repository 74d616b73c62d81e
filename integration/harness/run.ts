// Run one OpenLDAP or OpenSSL command line tool for the harness; a failure carries its stderr.
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Written to the tool's standard input. */
  input?: string;
  /** Default 60 s. */
  timeoutMs?: number;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${command} failed (${code ?? signal}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    if (child.stdin) {
      // A tool that exits before reading its input must not crash the test run with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}
