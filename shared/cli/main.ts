// The `vigie` command line. Every error reaches the user as one line on stderr; never a stack trace.
import { closeSync, constants, openSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { removePendingTempsSync } from '../app/atomic-file.ts';
import { VigieError } from '../engine/errors.ts';
import { VIGIE_VERSION } from '../engine/version.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { scanCommand } from './commands/scan.ts';
import { breachedCommand } from './commands/breached.ts';
import { uiCommand } from './commands/ui.ts';
import { planCommand } from './commands/plan.ts';
import { applyCommand } from './commands/apply.ts';
import { UsageError } from './usage-error.ts';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, unknown>, positionals: string[], io: CliIo): Promise<number>;
  /**
   * How Ctrl-C stops it. By default the process ends at once: one line, temp files removed (a report or a plan
   * is renamed into place whole, or not at all), exit 130. 'graceful': the command stops itself when `io.signal`
   * aborts (apply finishes the change in flight, ui closes, an import keeps its checkpoint); a second Ctrl-C
   * ends the process at once.
   */
  interrupt?: 'graceful';
  /** For a graceful command: what to do after a second Ctrl-C ended it at once (how to resume, say). */
  stoppedAtOnceHint?: string;
}

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

const COMMANDS: Command[] = [scanCommand, demoCommand, uiCommand, exportCommand, importCommand, breachedCommand, planCommand, applyCommand];

const GENERAL_HELP = `vigie ${VIGIE_VERSION} — audit the password hygiene of a school's LDAP directory, offline and read-only.

Usage: vigie <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`vigie <command> --help\` for a command's options. Vigie never writes to the directory, never tries a
password by binding, and never prints, logs or stores a password it recovers: it reports the pattern.
`;

export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const controller = new AbortController();
  const full: CliIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? process.env,
    signal: io.signal ?? controller.signal,
  };
  // Which command runs, once known: it decides whether the first Ctrl-C ends the process or asks it to stop.
  const running: { command?: Command } = {};
  let exiting = false;
  const onSigint = (): void => {
    if (exiting) return;
    const first = !controller.signal.aborted;
    controller.abort();
    if (first && running.command?.interrupt === 'graceful') return;
    exiting = true;
    exitNow(argv, full, first, first ? undefined : running.command?.stoppedAtOnceHint);
  };
  if (!io.signal) process.on('SIGINT', onSigint);
  let code: number;
  try {
    code = await dispatch(argv, full, running);
  } catch (e) {
    // Ending at once: its line is written; what the command stopped on says nothing more.
    if (exiting) return new Promise<number>(() => undefined);
    code = reportError(e, full);
  }
  if (exiting) return new Promise<number>(() => undefined);
  process.off('SIGINT', onSigint);
  return code;
}

/** Grace for a read let go by `releaseFifoReaders` to reach the FIFO's end and close it. */
const FIFO_RELEASE_MS = 300;

/**
 * Ctrl-C that ends the process now: temp files removed (whatever was being written is left as it was), one
 * line, exit 130. Any thread still waiting to open a FIFO the user named is let go first (process.exit waits
 * for libuv's threads); if one still waits on a named pipe after a short grace, the process ends by the signal
 * itself (the shell's 130 too), as exiting would wait for it forever.
 */
function exitNow(argv: string[], io: CliIo, first: boolean, hint?: string): void {
  const notWritten = removePendingTempsSync();
  const what = notWritten.length > 0 ? `; nothing written to ${notWritten.join(', ')}` : '';
  const tty = (io.stderr as { isTTY?: boolean }).isTTY ? '\r\x1b[K' : '';
  io.stderr.write(`${tty}vigie: ${first ? 'cancelled' : 'stopped at once'} (Ctrl-C)${what}${hint ? ` — ${hint}` : ''}\n`);
  releaseFifoReaders(argv);
  if (!stuckOnFifo()) process.exit(130);
  const deadline = Date.now() + FIFO_RELEASE_MS;
  const poll = (): void => {
    removePendingTempsSync();
    releaseFifoReaders(argv);
    if (!stuckOnFifo()) process.exit(130);
    if (Date.now() < deadline) {
      setTimeout(poll, 10);
      return;
    }
    process.removeAllListeners('SIGINT');
    process.kill(process.pid, 'SIGINT');
  };
  setTimeout(poll, 10);
}

/** Command-line values that name what Vigie writes, never opened to read. */
const OUTPUT_OPTIONS = new Set(['--json', '--out', '--index']);

/**
 * A read of a FIFO nobody writes to waits inside open(), in a libuv thread. Opening the FIFO for writing (and
 * closing it at once) lets that open return; the read then ends at the FIFO's end.
 */
function releaseFifoReaders(argv: string[]): void {
  for (const [i, word] of argv.entries()) {
    if (OUTPUT_OPTIONS.has(argv[i - 1] ?? '')) continue;
    const value = word.startsWith('--') && word.includes('=') ? word.slice(word.indexOf('=') + 1) : word;
    try {
      if (!statSync(value).isFIFO()) continue;
      closeSync(openSync(value, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0)));
    } catch {
      // Not a path, not a FIFO, or no reader waiting on it (ENXIO): nothing to let go.
    }
  }
}

/**
 * Linux: a named FIFO still open in this process (a read that may never end), or a thread still waiting in open()
 * for a FIFO's writer (one not named on the command line: a file inside a folder given, say). Either would keep
 * process.exit waiting. Elsewhere, false.
 */
function stuckOnFifo(): boolean {
  const each = (dir: string, test: (entry: string) => boolean): boolean => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return false; // no /proc: nothing to tell
    }
    return entries.some((entry) => {
      try {
        return test(entry);
      } catch {
        return false; // closed or ended meanwhile
      }
    });
  };
  return each('/proc/self/fd', (fd) => {
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return target.startsWith('/') && statSync(target).isFIFO();
  }) || each('/proc/self/task', (task) => readFileSync(`/proc/self/task/${task}/wchan`, 'utf8') === 'wait_for_partner');
}

async function dispatch(argv: string[], io: CliIo, running: { command?: Command }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : GENERAL_HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`vigie ${VIGIE_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${name}'`);
  running.command = command;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e));
  }
  return command.run(parsed.values as Record<string, unknown>, parsed.positionals, io);
}

function commandHelp(c: Command): string {
  return `${c.usage.trim()}\n`;
}

/** Node's parseArgs messages are long and mention its API; keep the useful part. */
function parseArgsMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `${missing[1]!.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`;
  return msg.split('\n')[0]!.replace(/\. To specify.*$/, '');
}

function reportError(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr.write(`vigie: ${e.oneLine()} (see vigie --help)\n`);
    return 2;
  }
  // After Ctrl-C, whatever a command stopped on (a read cut short, say) is the cancellation.
  if (e instanceof VigieError && e.name === 'CancelledError' || io.signal.aborted && !(e instanceof UsageError)) {
    io.stderr.write('vigie: cancelled (Ctrl-C)\n');
    return 130;
  }
  if (e instanceof VigieError) {
    io.stderr.write(`vigie: ${e.oneLine()}\n`);
    return 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr.write(`vigie: unexpected error: ${msg.split('\n')[0]} (please report it; VIGIE_DEBUG=1 shows details)\n`);
  if (io.env.VIGIE_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return 70;
}
