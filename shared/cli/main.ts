// The `vigie` command line. Every error reaches the user as one line on stderr; never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
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
  const onSigint = (): void => controller.abort();
  if (!io.signal) process.once('SIGINT', onSigint);
  try {
    return await dispatch(argv, full);
  } catch (e) {
    return reportError(e, full);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
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
  if (e instanceof VigieError) {
    io.stderr.write(`vigie: ${e.oneLine()}\n`);
    return e.name === 'CancelledError' ? 130 : 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr.write(`vigie: unexpected error: ${msg.split('\n')[0]} (please report it; VIGIE_DEBUG=1 shows details)\n`);
  if (io.env.VIGIE_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return 70;
}
