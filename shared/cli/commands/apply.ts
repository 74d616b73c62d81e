// `vigie apply`: the only command that writes to a directory, and only what a plan folder holds, on the DSI's
// explicit command. --dry-run binds and checks every target and value without writing; --rollback undoes the
// plan. An entry changed since the plan is never overwritten: it is named and apply exits 3. Ctrl-C finishes
// the change in flight, stops, and says how to continue or roll back (exit 130).
import { ApplyError, applyPlan, totals, type ApplyOutcome } from '../../engine/migration/apply-plan.ts';
import type { CliIo, Command } from '../main.ts';
import { CONFIG_BIND_OPTIONS, LDAP_OPTIONS } from '../source-options.ts';
import { UsageError } from '../usage-error.ts';
import { configCredentials, directoryCredentials, ldapUrl } from './plan.ts';

/** Done, but entries changed since the plan (or since apply, for a rollback) were left as they are. */
export const EXIT_CHANGED_SINCE_PLAN = 3;
export const EXIT_INTERRUPTED = 130;

export const applyCommand: Command = {
  name: 'apply',
  // Stops itself on Ctrl-C (main.ts): a second one ends the process at once.
  interrupt: 'graceful',
  stoppedAtOnceHint: 'the change in flight may or may not have been made; run the same command again: apply checks it and resumes, never applying a change twice (or undo with --rollback)',
  summary: 'apply a plan written by vigie plan (or its rollback) — the only command that writes to the directory',
  usage: `
Usage: vigie apply DIR --url URL --bind-dn DN --password-file F
                   [--config-bind-dn DN --config-password-file F] [--dry-run] [--rollback]

Applies DIR/01-config.ldif (as --config-bind-dn) then DIR/02-accounts.ldif (as --bind-dn); with --rollback,
DIR/rollback-config.ldif then DIR/rollback.ldif.

Nothing that changed after the plan is overwritten. Before each change apply reads back the values the
plan will touch; if an entry no longer holds what the plan saw (a user set a new password since, say), its
change is not sent, the entry is named (its DN, never a value) and apply goes on with the others. Each
account change also carries an LDAP assertion (RFC 4528): the server refuses it if the entry changes in
between. --rollback works the same way round: it undoes only what apply changed, and leaves as they are
(and names) entries changed since apply. --dry-run lists the entries changed since the plan.

Every change made is recorded in DIR/apply-journal.jsonl (DNs only). Ctrl-C finishes the change in flight,
stops, and prints what was applied, skipped and not applied, with the command to continue or roll back:
run apply again and it resumes, never applying a change twice. A change the server refuses for another
reason stops everything, and the message says exactly what was applied and what was not.

  --url URL                ldap:// or ldaps:// URL of the directory
  --bind-dn DN             the directory's administrator (usually the rootdn)
  --password-file F        its password, in a file (else VIGIE_BIND_PASSWORD, else a prompt)
  --config-bind-dn DN      cn=config's administrator (e.g. cn=config)
  --config-password-file F its password, in a file
  --starttls, --ca-file F  as for vigie scan
  --dry-run                bind and check every change's target and values; write nothing
  --rollback               apply the rollback instead: every value apply changed back as it was

Exit codes: 0 done (or nothing left to do), 1 stopped by an error, 2 the command line is wrong,
3 done, but entries changed since the plan (since apply, with --rollback) were left as they are (named),
130 interrupted by Ctrl-C.

This is the only Vigie command that writes to a directory, and it runs only when you type it.
The same files work with ldapmodify (see DIR/plan.md), without these checks.
`,
  options: {
    ...LDAP_OPTIONS,
    ...CONFIG_BIND_OPTIONS,
    'dry-run': { type: 'boolean' },
    rollback: { type: 'boolean' },
  },
  async run(v, positionals, io) {
    if (positionals.length === 0) throw new UsageError('give the plan folder: vigie apply DIR');
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    const url = ldapUrl(v.url);
    const bind = await directoryCredentials(v, io);
    const config = await configCredentials(v, io, false);
    const dryRun = v['dry-run'] === true;
    const rollback = v.rollback === true;
    const onAbort = (): void => {
      io.stderr.write(`vigie: stopping after the change in flight${dryRun ? '' : ' (Ctrl-C again quits at once)'}…\n`);
    };
    io.signal.addEventListener('abort', onAbort, { once: true });
    let outcome: ApplyOutcome;
    try {
      outcome = await applyPlan({
        dir: positionals[0]!, url, bind, ...(config ? { config } : {}),
        ...(v.starttls === true ? { startTls: true } : {}),
        ...(v['ca-file'] !== undefined ? { caFile: String(v['ca-file']) } : {}),
        dryRun, rollback, signal: io.signal,
        onProgress: (line) => io.stdout.write(`${line}\n`),
      });
    } catch (e) {
      if (e instanceof ApplyError && e.outcome) listChanged(e.outcome, io);
      throw e;
    } finally {
      io.signal.removeEventListener('abort', onAbort);
    }
    return report(outcome, v, positionals[0]!, io);
  },
};

function report(outcome: ApplyOutcome, v: Record<string, unknown>, dir: string, io: CliIo): number {
  const t = totals(outcome);
  const done = outcome.rollback ? 'undone' : 'applied';
  const since = outcome.rollback ? 'since vigie apply' : 'since the plan';
  listChanged(outcome, io);
  const parts = (would: string): string => [
    `${t.applied} ${would}${done}`,
    ...(t.already > 0 ? [`${t.already} already ${done}`] : []),
    ...(t.notNeeded > 0 ? [`${t.notNeeded} never applied (nothing to undo)`] : []),
    `${t.skipped} skipped (changed ${since})`,
  ].join(', ');
  if (outcome.interrupted) {
    const again = command(v, dir, outcome.rollback);
    io.stdout.write(outcome.dryRun
      ? 'Dry run interrupted (Ctrl-C); nothing was written.\n'
      : `Interrupted (Ctrl-C): the change in flight was finished, then ${outcome.rollback ? 'the rollback' : 'apply'} stopped.\n` +
        `Changes: ${parts('')}, ${t.notApplied} not ${done}.\n` +
        `To continue${outcome.rollback ? ' the rollback' : ''}: ${again}\n` +
        (outcome.rollback
          ? `To apply the plan again instead: ${command(v, dir, false)}\n`
          : `To roll back what was applied: ${command(v, dir, true)}\n`));
    io.stderr.write(outcome.dryRun
      ? 'vigie: dry run interrupted\n'
      : `vigie: interrupted: ${t.applied} ${done}, ${t.skipped} skipped, ${t.notApplied} not ${done} — continue or roll back with the commands above\n`);
    return EXIT_INTERRUPTED;
  }
  if (outcome.dryRun) {
    io.stdout.write(`Dry run: ${t.records} changes checked: ${parts('would be ')}; nothing written.\n`);
  } else {
    io.stdout.write(`Done${outcome.rollback ? ' (rollback)' : ''}: ${parts('')}.\n`);
  }
  if (outcome.changed.length > 0) {
    const n = outcome.changed.length;
    io.stderr.write(`vigie: ${n} ${n === 1 ? 'entry' : 'entries'} changed ${since} ${outcome.dryRun ? 'would be' : n === 1 ? 'was' : 'were'} left as ${n === 1 ? 'it is' : 'they are'}, not overwritten (named above)\n`);
    return EXIT_CHANGED_SINCE_PLAN;
  }
  return 0;
}

/** The entries left as they are, by DN: never a value. */
function listChanged(outcome: ApplyOutcome, io: CliIo): void {
  if (outcome.changed.length === 0) return;
  const since = outcome.rollback ? 'since vigie apply' : 'since the plan';
  io.stdout.write(`${outcome.dryRun ? `Changed ${since} (${outcome.rollback ? 'the rollback' : 'apply'} will leave them as they are):` : `Left as they are, changed ${since} (not overwritten):`}\n`);
  for (const c of outcome.changed) io.stdout.write(`  ${c.dn}${c.why === 'gone' ? ' (no longer in the directory)' : ''}\n`);
}

/** The command to run again, as typed (passwords stay in their files, the variable or the prompt). */
function command(v: Record<string, unknown>, dir: string, rollback: boolean): string {
  const words = ['vigie', 'apply', dir, '--url', String(v.url), '--bind-dn', String(v['bind-dn'])];
  if (v['password-file'] !== undefined) words.push('--password-file', String(v['password-file']));
  if (v['config-bind-dn'] !== undefined) words.push('--config-bind-dn', String(v['config-bind-dn']));
  if (v['config-password-file'] !== undefined) words.push('--config-password-file', String(v['config-password-file']));
  if (v.starttls === true) words.push('--starttls');
  if (v['ca-file'] !== undefined) words.push('--ca-file', String(v['ca-file']));
  if (rollback) words.push('--rollback');
  return words.map(shellWord).join(' ');
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
